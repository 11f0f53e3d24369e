/**
 * Units of agreement: a document cut into turns, sentences, paragraphs or one whole, in code-point
 * offsets. Agreement is decided per unit; counting co-occurrence within turns uses the same cut.
 */
import type { CorpusDocument } from '../model.js';
import { splitSentences } from '../text/sentences.js';
import { codePointLength, lineIndex } from '../text/positions.js';

export const AGREE_UNITS = ['turn', 'sentence', 'paragraph', 'document'] as const;
export type AgreeUnit = (typeof AGREE_UNITS)[number];

export interface TextUnit {
  document: string;
  start: number;
  end: number;
  line: number;
}

/** Units as [start, end, line] triples (CorpusDocument.units). */
export function packUnits(units: readonly TextUnit[]): Int32Array {
  const out = new Int32Array(units.length * 3);
  units.forEach((u, i) => {
    out[i * 3] = u.start;
    out[i * 3 + 1] = u.end;
    out[i * 3 + 2] = u.line;
  });
  return out;
}

/**
 * The text between two code-point offsets. Only text with astral characters needs its code points split
 * out (Array.from of a whole document is costly); elsewhere the offsets are UTF-16 indices.
 */
export function codePoints(text: string): { length: number; between: (start: number, end: number) => string } {
  const chars = /[\uD800-\uDBFF]/.test(text) ? Array.from(text) : null;
  if (chars === null) return { length: text.length, between: (start, end) => text.slice(start, end) };
  return { length: chars.length, between: (start, end) => chars.slice(start, end).join('') };
}

/** Cut a document into units. Blank units (no letter or digit) are left out. */
export function unitsOf(doc: CorpusDocument, unit: AgreeUnit): TextUnit[] {
  if (unit === 'turn' && doc.units) {
    const packed = doc.units;
    const out: TextUnit[] = [];
    for (let i = 0; i < packed.length; i += 3) out.push({ document: doc.id, start: packed[i]!, end: packed[i + 1]!, line: packed[i + 2]! });
    return out;
  }
  const { length, between } = codePoints(doc.plainText);
  const toLine = lineIndex(doc.plainText);
  const make = (start: number, end: number): TextUnit => ({ document: doc.id, start, end, line: doc.bodyLine + toLine(start) - 1 });
  const meaningful = (u: TextUnit) => /[\p{L}\p{N}]/u.test(between(u.start, u.end));
  let spans: TextUnit[];
  if (unit === 'document') {
    spans = [make(0, length)];
  } else if (unit === 'turn' && doc.hasTurns) {
    spans = doc.turns.map((t) => make(t.start, t.end));
  } else if (unit === 'sentence') {
    spans = splitSentences(doc.plainText).map((s) => make(s.start, s.end));
  } else {
    spans = [];
    let start = 0;
    const re = /\n[ \t]*\n/g;
    const text = doc.plainText;
    // Paragraphs: separated by blank lines. Offsets are converted from UTF-16 to code points.
    let seenIndex = 0;
    let seenCps = 0;
    const cpAt = (i: number) => {
      seenCps += codePointLength(text.slice(seenIndex, i));
      seenIndex = i;
      return seenCps;
    };
    for (let m = re.exec(text); m; m = re.exec(text)) {
      spans.push(make(cpAt(start), cpAt(m.index)));
      start = m.index + m[0].length;
    }
    spans.push(make(cpAt(start), length));
  }
  return spans.filter(meaningful);
}
