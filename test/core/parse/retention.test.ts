/**
 * What a parsed document's segments keep alive. `werkscan code` on a large corpus keeps every segment
 * after the text is dropped, so nothing in a segment may be a view into its file's text (V8 keeps a cut
 * of 13 or more characters as a view of its parent; see detach()).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/core/parse/document.js';
import type { Segment } from '../../../src/core/model.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap growth (MB) from keeping the segments of twenty documents of 2 MB each. */
function keptBySegments(type: 'plan' | 'interview'): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: Segment[][] = [];
  for (let k = 0; k < 20; k++) {
    const head = type === 'plan' ? '---\nid: p\ntype: plan\ncase: c\n---\n' : '---\nid: p\ntype: interview\ncase: c\nrespondents:\n  - { id: R1, role: x, domain: y }\n---\nI: Vraag?\n';
    const body = `${type === 'plan' ? '' : 'R1: '}Eerst [werk met een langere toelichting erbij]{.samenwerking-versterken .lokale-ondernemers} en dan ${'tekst '.repeat(350_000)}${k}\n`;
    kept.push(parseDocument({ text: head + body, path: 'p.md', file: 'p.md' }).segments);
  }
  gc();
  expect(kept.every((s) => s.length === 2 && s[0]!.code === 'samenwerking-versterken' && s[1]!.text === 'werk met een langere toelichting erbij')).toBe(true);
  return (process.memoryUsage().heapUsed - before) / 1e6;
}

describe('segments of a parsed document', () => {
  // Held, the twenty texts would take 40 MB; the segments themselves take a few kB.
  it('do not keep the text of a plan alive', () => expect(keptBySegments('plan')).toBeLessThan(10));
  it('do not keep the text of an interview alive', () => expect(keptBySegments('interview')).toBeLessThan(10));
});
