import { normalize } from './normalize.js';

/** A word of a text. Offsets are Unicode code points of the input, end exclusive. */
interface Token {
  /** Surface form, exactly as in the input. */
  text: string;
  /** normalize(text): lowercase, no diacritics. */
  norm: string;
  start: number;
  end: number;
}

interface TokenizeOptions {
  /** Treat `*` as a letter (used only to read codebook terms with wildcards). */
  wildcard?: boolean;
}

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
  // Offsets are code points: equal to UTF-16 indices unless the text has astral characters.
  const astral = SURROGATE.test(text);
  const tokens: Token[] = [];
  let index = 0;
  let cp = 0;
  scanTokens(
    text,
    (from, to) => {
      const surface = text.slice(from, to);
      const start = astral ? cp + codePoints(text, index, from) : from;
      const end = astral ? start + codePoints(surface, 0, surface.length) : to;
      index = to;
      cp = end;
      tokens.push({ text: surface, norm: normalize(surface), start, end });
    },
    options,
  );
  return tokens;
}

// @testOnly: exported for test/core/text/fast-paths.test.ts
/** Every token of `text` as UTF-16 [from, to), in order, without building objects (the hot path of automatic coding). */
export function scanTokens(text: string, visit: (from: number, to: number) => void, options: TokenizeOptions = {}): void {
  // A fresh regular expression per call, so a visitor may tokenize other text meanwhile.
  const run = new RegExp(options.wildcard === true ? RUN_WILDCARD : RUN);
  const isLetter = options.wildcard === true ? (c: string) => c === '*' || LETTER.test(c) : (c: string) => LETTER.test(c);
  for (let m = run.exec(text); m !== null; m = run.exec(text)) {
    const from = m.index;
    let to = from + m[0].length;
    // Join the next run across a joiner: - ‐ ‑ & ' ’ . , (see the rules above).
    for (;;) {
      const j = text[to];
      if (j === undefined || !JOINERS.includes(j)) break;
      const next = charAt(text, to + 1);
      if (next === '' || !WORD.test(next)) break;
      const prev = baseBefore(text, from, to);
      const prevLetter = isLetter(prev);
      const prevDigit = DIGIT.test(prev);
      const nextLetter = isLetter(next);
      let join: boolean;
      if (j === '&') join = prevLetter && nextLetter;
      else if (j === "'" || j === '\u2019') join = nextLetter;
      else if (j === '.' || j === ',') join = prevDigit && DIGIT.test(next);
      else join = prevLetter || nextLetter;
      if (!join) break;
      run.lastIndex = to + 1;
      const more = run.exec(text);
      if (more === null || more.index !== to + 1) break;
      to = more.index + more[0].length;
    }
    run.lastIndex = to;
    visit(from, to);
  }
}

/** A run of letters and digits (with marks and invisible joiners inside), starting with a letter or digit. */
const RUN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}\u00ad\u200c\u200d]*/gu;
const RUN_WILDCARD = /[\p{L}\p{N}*][\p{L}\p{N}*\p{M}\u00ad\u200c\u200d]*/gu;
const JOINERS = "-\u2010\u2011&'\u2019.,";
const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{N}$/u;
const WORD = /^[\p{L}\p{N}*]$/u;
const MARK = /^[\p{M}\u00ad\u200c\u200d]$/u;

const SURROGATE = /[\uD800-\uDBFF]/;

/** The code point at UTF-16 index i ('' past the end). */
function charAt(s: string, i: number): string {
  const c = s.codePointAt(i);
  return c === undefined ? '' : String.fromCodePoint(c);
}

/** The last code point in s[from, to) that is not a combining mark or invisible joiner. */
function baseBefore(s: string, from: number, to: number): string {
  let i = to;
  while (i > from) {
    const low = s.charCodeAt(i - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && i - 2 >= from ? 2 : 1;
    const c = s.slice(i - width, i);
    if (!MARK.test(c)) return c;
    i -= width;
  }
  return '';
}

function codePoints(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}
