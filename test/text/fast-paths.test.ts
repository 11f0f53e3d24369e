/**
 * The fast paths (sentence splitting by candidate jumps, token runs by one regular expression) must agree
 * with the code-point-by-code-point reference on any text: checked on seeded random Dutch-like text that is
 * dense in the hard cases (abbreviations, initials, decimals, quotes, blank lines, joiners).
 */
import { describe, expect, it } from 'vitest';
import { splitCodePoints, splitSentences } from '../../src/core/text/sentences.js';
import { rng } from '../helpers/rng.js';

const PIECES = [
  'de', 'Jongeren', 'werk', 'o.a.', 'bijv.', 'z.g.a.n.', 'J.D.', 'de Jong', '3.5', '1.000', 'enz.', 'Dhr.', 'W&I',
  'jongere\'s', 'ex-gedetineerden', '.', '. ', '! ', '? ', '?! ', '... ', '…', '"', '“', '”', '(', ')', '[', ']', ' ', ' ',
  '\n', '\n\n', '\n \n', '\t', 'Café', 'coördinator', 'É', '2022', 'R1:', 'I:', ',', ';', ':', '’', "'",
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
