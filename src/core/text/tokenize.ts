import { normalize } from './normalize.js';

/** A word of a text. Offsets are Unicode code points of the input, end exclusive. */
export interface Token {
  /** Surface form, exactly as in the input. */
  text: string;
  /** normalize(text): lowercase, no diacritics. */
  norm: string;
  start: number;
  end: number;
}

export interface TokenizeOptions {
  /** Treat `*` as a letter (used only to read codebook terms with wildcards). */
  wildcard?: boolean;
}

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{N}$/u;
/** Continues a word but does not start one: combining marks, soft hyphen, ZWNJ, ZWJ. */
const CONTINUE = /^[\p{M}\u00ad\u200c\u200d]$/u;
const HYPHENS = new Set(['-', '\u2010', '\u2011']);
const APOSTROPHES = new Set(["'", '\u2019']);

/**
 * Tokens are runs of Unicode letters and digits (\p{L}\p{N}, with combining marks kept
 * inside the word). A few characters join two runs into ONE token:
 *
 * - a hyphen (- ‐ ‑) with a letter or digit on both sides and a letter on at least one
 *   side: jongeren-werk, ex-gedetineerden, 16-jarige, covid-19 are one token each;
 *   a number range 16-27 is two tokens (16, 27);
 * - `&` with a letter on both sides: W&I, R&D are one token (`w&i`) — Dutch writes the
 *   department names that way and splitting would make "W" and "I" separate words;
 *   "werk & inkomen" (with spaces) is two tokens, a lone `&` is not a token;
 * - an apostrophe (' or ’) after a letter or digit and before a letter: jongere's, auto's,
 *   zo'n, cd's; a leading apostrophe ('s avonds) is not part of the word;
 * - `.` or `,` between two digits: 3.5, 1.000, 3,5 are one number token.
 *
 * Everything else (sentence punctuation, quotes, brackets, symbols, emoji, spaces) separates
 * tokens and is not a token itself.
 */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  const cps = Array.from(text);
  const star = options.wildcard === true;
  const isLetter = (c: string | undefined): boolean =>
    c !== undefined && (LETTER.test(c) || (star && c === '*'));
  const isDigit = (c: string | undefined): boolean => c !== undefined && DIGIT.test(c);
  const isWord = (c: string | undefined): boolean => isLetter(c) || isDigit(c);

  const tokens: Token[] = [];
  let i = 0;
  while (i < cps.length) {
    if (!isWord(cps[i])) {
      i++;
      continue;
    }
    const start = i;
    i++;
    for (;;) {
      const c = cps[i];
      if (c === undefined) break;
      if (isWord(c) || CONTINUE.test(c)) {
        i++;
        continue;
      }
      // A joiner needs a word character right before it (not a mark) and right after it.
      const prev = lastBase(cps, start, i);
      const next = cps[i + 1];
      let join = false;
      if (HYPHENS.has(c)) join = isWord(prev) && isWord(next) && (isLetter(prev) || isLetter(next));
      else if (c === '&') join = isLetter(prev) && isLetter(next);
      else if (APOSTROPHES.has(c)) join = isWord(prev) && isLetter(next);
      else if (c === '.' || c === ',') join = isDigit(prev) && isDigit(next);
      if (!join) break;
      i += 2;
    }
    const surface = cps.slice(start, i).join('');
    tokens.push({ text: surface, norm: normalize(surface), start, end: i });
  }
  return tokens;
}

/** The last code point before `end` that is not a combining mark or invisible joiner. */
function lastBase(cps: readonly string[], start: number, end: number): string | undefined {
  for (let k = end - 1; k >= start; k--) {
    const c = cps[k];
    if (c !== undefined && !CONTINUE.test(c)) return c;
  }
  return undefined;
}
