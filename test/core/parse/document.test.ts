import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelAt, parseDocument } from '../../../src/core/parse/document.js';
import { decodeText } from '../../../src/core/text/positions.js';
import { rng } from '../../helpers/rng.js';
import { starter } from '../../helpers/run.js';

const doc = (text: string, p = 'x.md') => parseDocument({ text, path: p, file: p });

describe('documents', () => {
  it('accepts a BOM and CRLF line endings (starter leiden-01.md is stored that way)', () => {
    const file = path.join(starter, 'corpus/interviews/leiden-01.md');
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes('\r\n')).toBe(true);
    const d = doc(decodeText(bytes, 'leiden-01.md'), 'interviews/leiden-01.md');
    expect(d.id).toBe('leiden-01');
    expect(d.attrs).toMatchObject({ type: 'interview', case: 'leiden', line: 'overig' });
    expect(d.plainText).toBe('I: Speelt werk een rol?\nR1: Nauwelijks; het gaat om voorlichting op scholen.\n');
    expect(d.turns).toEqual([
      { speaker: 'I', start: 3, end: 23, line: 9 },
      { speaker: 'R1', start: 28, end: 76, line: 10 },
    ]);
  });

  it('accepts respondent ids that can be speaker labels, and names the others', () => {
    const head = (id: string) => `---\ntype: interview\ncase: a\nrespondents:\n  - { id: '${id}', role: x }\n---\n`;
    for (const id of ['R1', 'r_2', 'Resp-A']) expect(doc(`${head(id)}${id}: Ja.\n`).respondents.map((r) => r.id)).toEqual([id]);
    for (const id of ['1R', 'R 1', 'R:1', 'é1', '']) expect(() => doc(head(id)), id).toThrow(`respondent id "${id}" cannot be a speaker label`);
  });

  it('keeps the body as plain text, character for character: blank lines before the first turn, an empty interview', () => {
    const head = '---\ntype: interview\ncase: a\n---\n';
    const d = doc(`${head}\n\nI: Vraag?\n\nR1:\tAntwoord.`);
    expect(d.plainText).toBe('\n\nI: Vraag?\n\nR1:\tAntwoord.');
    // turns start after the label and its blanks, and end before trailing white space
    expect(d.turns).toEqual([
      { speaker: 'I', start: 5, end: 11, line: 7 },
      { speaker: 'R1', start: 17, end: 26, line: 9 },
    ]);
    expect(doc(head).plainText).toBe('');
    expect(doc(`${head}\n\n`).plainText).toBe('\n\n');
  });

  it('defaults the id to the path below the corpus without extension', () => {
    expect(doc('---\ntype: plan\ncase: a\n---\nTekst\n', 'plannen/zaanstad.md').id).toBe('plannen/zaanstad');
  });

  it('keeps turns apart: a span does not cross a turn boundary', () => {
    const d = doc('---\ntype: interview\ncase: a\nrespondents: [{ id: R1 }]\n---\nI: [open\nR1: dicht]{.x}\n');
    expect(d.segments).toEqual([]);
    expect(d.plainText).toBe('I: [open\nR1: dicht]{.x}\n');
  });

  it('records segments with code-point offsets into the plain text, line, column and speaker', () => {
    const d = doc('---\ntype: interview\ncase: a\nrespondents: [{ id: R1 }]\n---\nI: Vraag?\nR1: Tja, [é [b]{.y}]{.x .z} \\[naam\\].\n');
    expect(d.plainText).toBe('I: Vraag?\nR1: Tja, é b [naam].\n');
    expect(d.segments.map((s) => [s.id, s.code, s.text, s.start, s.end, s.line, s.column, s.speaker])).toEqual([
      ['x#1', 'x', 'é b', 19, 22, 7, 10, 'R1'],
      ['x#2', 'z', 'é b', 19, 22, 7, 10, 'R1'],
      ['x#3', 'y', 'b', 21, 22, 7, 13, 'R1'],
    ]);
    for (const s of d.segments) expect(Array.from(d.plainText).slice(s.start, s.end).join('')).toBe(s.text);
  });

  it('a plan has no turns: a line like "Doel: …" is plain text', () => {
    const d = doc('---\ntype: plan\ncase: a\n---\nDoel: [werk]{.w}\n');
    expect(d.turns).toEqual([]);
    expect(d.segments[0]).toMatchObject({ code: 'w', speaker: null, start: 6, end: 10 });
  });
});

describe('labelAt', () => {
  it('finds the speaker labels the regular expression finds, on 5,000 random lines', () => {
    const LABEL_AT = /([A-Za-z][A-Za-z0-9_-]*):(?=[ \t]|$)/my;
    const pieces = ['I', 'R1', 'r_2', 'x-y', 'é', '1', ':', ': ', ':\t', ':\n', ':\r', ':\u2028', '::', ' ', 'ab', '-', '_', 'Z9', '\n'];
    const r = rng(17);
    for (let n = 0; n < 5000; n++) {
      const text = Array.from({ length: 1 + Math.floor(r() * 5) }, () => pieces[Math.floor(r() * pieces.length)]!).join('');
      LABEL_AT.lastIndex = 0;
      const m = LABEL_AT.exec(text);
      expect(labelAt(text, 0), JSON.stringify(text)).toBe(m ? m[0].length : 0);
    }
  });
});
