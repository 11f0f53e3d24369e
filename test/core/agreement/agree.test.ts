/**
 * autoAgreement (src/core/agreement/agree.ts): manual against automatic coding per unit, scored by precision,
 * recall and F1 per code and micro-averaged per group, with the zero-denominator cases worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { autoAgreement } from '../../../src/core/agreement/agree.js';
import { unitsOf } from '../../../src/core/agreement/units.js';
import type { CorpusDocument, Segment } from '../../../src/core/model.js';
import { parseDocument } from '../../../src/core/parse/document.js';

const doc = (front: string, body: string) => parseDocument({ text: `---\n${front}\n---\n${body}`, path: 'd.md', file: 'd.md' });

/** One segment of `code` over unit i of `units` of the document. */
function segmentsOn(d: CorpusDocument, unit: 'paragraph' | 'turn', marks: Record<string, number[]>): Segment[] {
  const us = unitsOf(d, unit);
  return Object.entries(marks).flatMap(([code, at]) =>
    at.map((i) => ({ id: `${code}${i}`, document: d.id, code, text: '', start: us[i]!.start, end: us[i]!.end, line: us[i]!.line, column: 1, speaker: null, source: 'manual' as const })),
  );
}

describe('autoAgreement', () => {
  it('scores per code and per group, with null where a ratio has nothing to divide by', () => {
    const d = doc('id: d\ntype: plan\ncase: c', 'een\n\ntwee\n\ndrie\n\nvier\n\nvijf\n');
    expect(unitsOf(d, 'paragraph')).toHaveLength(5);
    // x: manual 0,1,2, auto 1,2,3 → tp 2, fp 1, fn 1: precision 2/3, recall 2/3, F1 4/6
    // y: nowhere → all null; z: manual only (1 unit) → precision null, recall 0, F1 0/1 = 0
    // w: auto only (1 unit) → precision 0, recall null, F1 0
    const manual = segmentsOn(d, 'paragraph', { x: [0, 1, 2], z: [0] });
    const auto = segmentsOn(d, 'paragraph', { x: [1, 2, 3], w: [4] });
    const r = autoAgreement([{ document: d, a: manual, b: auto }], { unit: 'paragraph', codes: ['x', 'y', 'z', 'w'], groupOf: (c) => (c === 'x' || c === 'y' ? 'A' : 'B') });
    expect(r.units).toBe(5);
    expect(r.codes).toEqual([
      { code: 'x', tp: 2, fp: 1, fn: 1, precision: 2 / 3, recall: 2 / 3, f1: 4 / 6 },
      { code: 'y', tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null },
      { code: 'z', tp: 0, fp: 0, fn: 1, precision: null, recall: 0, f1: 0 },
      { code: 'w', tp: 0, fp: 1, fn: 0, precision: 0, recall: null, f1: 0 },
    ]);
    // A = x + y: tp 2, fp 1, fn 1; B = z + w: tp 0, fp 1, fn 1 → 0, 0, 0/2; all: tp 2, fp 2, fn 2 → 1/2 each
    expect(r.groups).toEqual([
      { group: 'A', tp: 2, fp: 1, fn: 1, precision: 2 / 3, recall: 2 / 3, f1: 4 / 6 },
      { group: '*', tp: 2, fp: 2, fn: 2, precision: 0.5, recall: 0.5, f1: 0.5 },
      { group: 'B', tp: 0, fp: 1, fn: 1, precision: 0, recall: 0, f1: 0 },
    ]);
    expect(r.falsePositives.map((e) => [e.code, e.text])).toEqual([['x', 'vier'], ['w', 'vijf']]);
    expect(r.falseNegatives.map((e) => [e.code, e.text])).toEqual([['x', 'een'], ['z', 'een']]);
  });

  it('leaves interviewer turns out: automatic coding never codes them', () => {
    const d = doc('id: i\ntype: interview\ncase: c\nrespondents:\n  - { id: R1, role: x, domain: y }', 'I: Hoe gaat het?\nR1: Goed.\n');
    // turn 0 is the interviewer's: its manual code would otherwise be a false negative
    const manual = segmentsOn(d, 'turn', { x: [0, 1] });
    const auto = segmentsOn(d, 'turn', { x: [1] });
    const r = autoAgreement([{ document: d, a: manual, b: auto }], { unit: 'turn', codes: ['x'], groupOf: () => 'A' });
    expect(r.units).toBe(1);
    expect(r.codes).toEqual([{ code: 'x', tp: 1, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 }]);
  });
});
