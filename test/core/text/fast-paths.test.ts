/**
 * The fast paths (sentence splitting by candidate jumps, token runs by one regular expression) must agree
 * with the code-point-by-code-point reference on any text: checked on seeded random Dutch-like text that is
 * dense in the hard cases (abbreviations, initials, decimals, quotes, blank lines, joiners).
 */
import { describe, expect, it } from 'vitest';
import { CLOSER, isCloserCode, isOpenerCode, OPENER, isSpaceCode, splitAtMarks, splitCodePoints, splitSentences } from '../../../src/core/text/sentences.js';
import { CodeUnits, hashOf, NON_ASCII, scanWords, tripleKey, WordBuffer } from '../../../src/core/text/scan.js';
import { scanTokens } from '../../../src/core/text/tokenize.js';
import { rng } from '../../helpers/rng.js';

const PIECES = [
  'de', 'Jongeren', 'werk', 'o.a.', 'bijv.', 'z.g.a.n.', 'J.D.', 'de Jong', '3.5', '1.000', 'enz.', 'Dhr.', 'W&I',
  'jongere\'s', 'ex-gedetineerden', '.', '. ', '! ', '? ', '?! ', '... ', '…', '"', '“', '”', '(', ')', '[', ']', ' ', ' ',
  '\n', '\n\n', '\n \n', '\t', 'Café', 'coördinator', 'É', '2022', 'R1:', 'I:', ',', ';', ':', '’', "'",
  '(bijv.', '“o.a.', '„Mevr.', 'MEVR.', 'e.d.', 'A.B.C.', 'x1.', 'nr.5.', 'ab.c.', '-enz.', 'é.', 'Bijv.', 'ivm.',
];

describe('sentence splitting fast path', () => {
  it('agrees with the reference on 3,000 random texts', () => {
    const r = rng(7);
    for (let n = 0; n < 3000; n++) {
      const parts = Array.from({ length: 1 + Math.floor(r() * 40) }, () => PIECES[Math.floor(r() * PIECES.length)]!);
      const text = parts.join(r() < 0.5 ? ' ' : '');
      expect(splitSentences(text), JSON.stringify(text)).toEqual(splitCodePoints(text));
    }
  });
});

describe('sentence ends gathered by the word scanner (splitAtMarks)', () => {
  it('split as the reference does on 3,000 random texts', () => {
    const r = rng(13);
    const buf = new WordBuffer();
    for (let n = 0; n < 3000; n++) {
      const parts = Array.from({ length: 1 + Math.floor(r() * 40) }, () => PIECES[Math.floor(r() * PIECES.length)]!);
      const text = parts.join(r() < 0.5 ? ' ' : '');
      if (/[\uD800-\uDBFF]/.test(text)) continue;
      scanWords(text, buf);
      expect(splitAtMarks(text, buf.marks, buf.markCount), JSON.stringify(text)).toEqual(splitCodePoints(text));
    }
  });
});

describe('word scanner (scan.ts) against the tokenizer', () => {
  const WORDISH = [
    'de', 'Jongeren', 'werk', 'o.a.', 'W&I', 'R&D', 'w & i', "jongere's", "'s avonds", 'zo’n', 'ex-gedetineerden', 'jongeren‐werk',
    '16-27', 'covid-19', '16-jarige', '3.5', '1.000', '3,5', 'a.b', 'Café', 'cafe\u0301', 'coördinator', 'financiële', 'ĳs', 'ﬁets',
    'soft\u00adhyphen', 'zw\u200dj', '\u0301', '-', '--', '&', "'", '’', '.', ',', '*', 'x*y', ' ', '\n', '½', '٣', 'Ωmega', 'ǅ', 'ß',
    '\udc00', 'e-mail', 'a-', '-b', '1-', 'A', 'I', 'é',
  ];
  it('finds the same words on 3,000 random texts', () => {
    const r = rng(11);
    const buf = new WordBuffer();
    for (let n = 0; n < 3000; n++) {
      const parts = Array.from({ length: 1 + Math.floor(r() * 30) }, () => WORDISH[Math.floor(r() * WORDISH.length)]!);
      const text = parts.join(r() < 0.5 ? ' ' : '');
      const expected: [number, number][] = [];
      scanTokens(text, (from, to) => expected.push([from, to]));
      scanWords(text, buf);
      const got = Array.from({ length: buf.count }, (_, i): [number, number] => [buf.starts[i]!, buf.ends[i]!]);
      expect(got, JSON.stringify(text)).toEqual(expected);
      expect(Array.from(buf.hashes.subarray(0, buf.count))).toEqual(expected.map(([a, b]) => hashOf(text, a, b)));
    }
  });

  it('keys a word by its first two ASCII letters (marking words with other characters), and asks for a full look-up otherwise', () => {
    const buf = new WordBuffer();
    scanWords('Werk jo-werk é a 7x zo’n cafés proﬁel', buf);
    const key = (a: string, b?: string) => (a.charCodeAt(0) << 7) | (b === undefined ? 0 : b.charCodeAt(0));
    expect(Array.from(buf.keys.subarray(0, buf.count))).toEqual([key('w', 'e'), -1, -1, key('a'), key('7', 'x'), key('z', 'o') + NON_ASCII, key('c', 'a') + NON_ASCII, key('p', 'r') + NON_ASCII]);
    // three letters, lowercased, base 36 (a–z, then 0–9); anything else is −1
    expect([tripleKey(0x57, 0x65, 0x72), tripleKey(0x61, 0x30, 0x39), tripleKey(0x7a, 0x6f, 0x2019)]).toEqual([(22 * 36 + 4) * 36 + 17, (0 * 36 + 26) * 36 + 35, -1]);
  });
});

describe('CodeUnits', () => {
  it('holds the UTF-16 units of each text loaded, growing as needed', () => {
    const units = new CodeUnits();
    const r = rng(5);
    for (const length of [3, 40_000, 10, 100_000]) {
      const text = Array.from({ length }, () => String.fromCharCode(Math.floor(r() * 0x10000))).join('');
      const codes = units.load(text);
      const wrong = Array.from({ length }, (_, i) => i).filter((i) => codes[i] !== text.charCodeAt(i));
      expect(wrong).toEqual([]);
    }
  });
});

describe('character classes of the sentence splitter, per UTF-16 unit', () => {
  const every = (test: (c: number) => boolean, re: RegExp) => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (test(c) !== re.test(String.fromCharCode(c))) wrong.push(c);
    return wrong;
  };
  it('isSpaceCode is \\s of JavaScript', () => expect(every(isSpaceCode, /^\s$/u)).toEqual([]));
  it('isCloserCode and isOpenerCode are the reference rules (closing quote or bracket; capital, digit, opening quote or bracket)', () => {
    expect(every(isCloserCode, CLOSER)).toEqual([]);
    expect(every(isOpenerCode, OPENER)).toEqual([]);
  });
});
