/**
 * unitsOf (src/core/agreement/units.ts) cuts a document into turns, sentences, paragraphs or the whole, in code-point
 * offsets, leaving out blank units. It reads the text by UTF-16 index unless the text has astral characters;
 * here it is checked against the plain code-point reference on seeded random documents, with and without them.
 */
import { describe, expect, it } from 'vitest';
import { AGREE_UNITS, packUnits, unitsOf, type AgreeUnit, type TextUnit } from '../../../src/core/agreement/units.js';
import { parseDocument } from '../../../src/core/parse/document.js';
import type { CorpusDocument } from '../../../src/core/model.js';
import { splitSentences } from '../../../src/core/text/sentences.js';
import { lineIndex } from '../../../src/core/text/positions.js';
import { rng } from '../../helpers/rng.js';

/** The reference: the implementation before the UTF-16 fast path, every offset through an array of code points. */
function referenceUnits(doc: CorpusDocument, unit: AgreeUnit): TextUnit[] {
  const chars = Array.from(doc.plainText);
  const toLine = lineIndex(doc.plainText);
  const make = (start: number, end: number): TextUnit => ({ document: doc.id, start, end, line: doc.bodyLine + toLine(start) - 1 });
  let spans: TextUnit[];
  if (unit === 'document') spans = [make(0, chars.length)];
  else if (unit === 'turn' && doc.type === 'interview') spans = doc.turns.map((t) => make(t.start, t.end));
  else if (unit === 'sentence') spans = splitSentences(doc.plainText).map((s) => make(s.start, s.end));
  else {
    // paragraphs, separated by blank lines; UTF-16 indices converted by counting code points
    spans = [];
    const text = doc.plainText;
    const cp = (i: number) => Array.from(text.slice(0, i)).length;
    const re = /\n[ \t]*\n/g;
    let start = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      spans.push(make(cp(start), cp(m.index)));
      start = m.index + m[0].length;
    }
    spans.push(make(cp(start), chars.length));
  }
  return spans.filter((u) => /[\p{L}\p{N}]/u.test(chars.slice(u.start, u.end).join('')));
}

const WORDS = ['werk', 'Jongeren', 'café', 'o.a.', '3.5', '🙂', '𝔘', ' ', ' ', '. ', '\n', '\n\n', '\n \n', '\t', '—', ',', '!'];

function randomDocument(r: () => number, interview: boolean, astral: boolean): CorpusDocument {
  const pick = () => {
    let w = WORDS[Math.floor(r() * WORDS.length)]!;
    while (!astral && (w === '🙂' || w === '𝔘')) w = WORDS[Math.floor(r() * WORDS.length)]!;
    return w;
  };
  const piece = () => Array.from({ length: 1 + Math.floor(r() * 12) }, pick).join(r() < 0.5 ? ' ' : '');
  const lines = Array.from({ length: 1 + Math.floor(r() * 8) }, (_, i) => (interview ? `${i % 2 === 0 ? 'I' : 'R1'}: ${piece().replace(/\n/g, ' ')}` : piece()));
  const head = interview ? '---\nid: d\ntype: interview\ncase: c\nrespondents:\n  - { id: R1, role: x, domain: y }\n---\n' : '---\nid: d\ntype: plan\ncase: c\n---\n';
  return parseDocument({ text: head + lines.join('\n') + '\n', path: 'd.md', file: 'd.md' });
}

describe('unitsOf', () => {
  it('gives the reference units, of every kind, on 2,000 random documents with and without astral characters', () => {
    const r = rng(11);
    for (let n = 0; n < 2000; n++) {
      const doc = randomDocument(r, n % 2 === 0, n % 4 < 2);
      for (const unit of AGREE_UNITS) expect(unitsOf(doc, unit), `${unit} of ${JSON.stringify(doc.plainText)}`).toEqual(referenceUnits(doc, unit));
    }
  });

  it('counts offsets in code points where the text has astral characters', () => {
    const doc = parseDocument({ text: '---\nid: d\ntype: plan\ncase: c\n---\n🙂 werk\n\n \n\nnog 🙂\n', path: 'd.md', file: 'd.md' });
    // "🙂 werk" is code points 0–5 (end 6); the paragraph " " (8–9) is blank and left out; "nog 🙂\n"
    // is 11–16 (end 17: a paragraph keeps its final line break)
    expect(unitsOf(doc, 'paragraph').map((u) => [u.start, u.end])).toEqual([[0, 6], [11, 17]]);
  });

  it('gives back the turn units a document without its text carries packed (large corpora)', () => {
    const r = rng(12);
    for (let n = 0; n < 200; n++) {
      const doc = randomDocument(r, n % 2 === 0, n % 3 === 0);
      const turns = unitsOf(doc, 'turn');
      const dropped: CorpusDocument = { ...doc, plainText: '', turns: [], units: packUnits(turns) };
      expect(unitsOf(dropped, 'turn')).toEqual(turns);
    }
  });
});
