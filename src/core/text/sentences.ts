import { grown } from './scan.js';
/** A sentence: code-point offsets into the text, end exclusive, surrounding whitespace excluded. */
interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * Abbreviations after which a full stop does not end a sentence (lowercased, with their
 * final dot). Any run of single letters with dots (o.a., d.w.z., z.g.a.n., J.D.) is treated
 * as an abbreviation or as initials as well, so this list holds the longer ones.
 * Note that enz., etc. and e.d. often do end a sentence; we prefer not to split there
 * (a missed split joins two sentences, a wrong one cuts a sentence in half).
 */
const ABBREVIATIONS = new Set(
  [
    'bijv.', 'bv.', 'enz.', 'etc.', 'ca.', 'nr.', 'nrs.', 'dhr.', 'mevr.', 'mw.', 'drs.', 'ir.',
    'ing.', 'mr.', 'dr.', 'prof.', 'jhr.', 'ds.', 'st.', 'vgl.', 'evt.', 'incl.', 'excl.', 'resp.',
    'jl.', 'blz.', 'pag.', 'art.', 'zgn.', 'vnl.', 'max.', 'min.', 'gem.', 'tel.', 'afd.', 'adv.',
    'bijl.', 'jr.', 'sr.', 'mln.', 'mld.', 'mrd.', 'ong.', 'ivm.', 'cf.', 'vs.',
  ],
);

const TERMINATOR = /^[.!?…]$/u;
/**
 * Closing quotes and brackets that belong to the sentence they end.
 * @testOnly exported so a test can check isCloserCode against it.
 */
export const CLOSER = /^["'”’»)\]]$/u;
/**
 * What may start a new sentence after a terminator and whitespace.
 * @testOnly exported so a test can check isOpenerCode against it.
 */
export const OPENER = /^[\p{Lu}\p{Lt}\p{N}"'“‘„«(\[]$/u;
const SPACE = /^\s$/u;
/** SPACE for one UTF-16 unit (\s of JavaScript). */
export function isSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Split Dutch text into sentences, in code points.
 *
 * A sentence ends at . ! ? or … (or a run of them, e.g. ?! or ...), plus any closing quotes or
 * brackets, when followed by whitespace and then a capital, digit or opening quote/bracket, or by
 * the end of the text. A full stop does not end a sentence after an abbreviation (o.a., bijv.,
 * z.g.a.n., dhr., …) or initials (J.D. de Jong); 3.5 never splits because no space follows the
 * dot. A blank line (two line breaks with only spaces between) always ends a sentence;
 * a single line break does not (transcripts wrap lines inside sentences).
 */
export function splitSentences(text: string): SentenceSpan[] {
  return /[\uD800-\uDBFF]/.test(text) ? splitCodePoints(text) : splitBmp(text);
}

/**
 * The same rules as splitCodePoints, for text without astral characters (where UTF-16 indices are
 * code points): the places a sentence may end are found by a regular expression, then splitAtMarks
 * applies the rules there.
 */
function splitBmp(text: string): SentenceSpan[] {
  const marks: number[] = [];
  const re = /[.!?…\n]/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) marks.push(m.index);
  return splitAtMarks(text, marks, marks.length);
}

/**
 * CLOSER for one UTF-16 unit.
 * @testOnly exported so a test can check it against CLOSER on every unit.
 */
export const isCloserCode = (c: number): boolean => c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0xbb || c === 0x2019 || c === 0x201d;

/**
 * OPENER for one UTF-16 unit: ASCII by hand, the rest by the regular expression.
 * @testOnly exported so a test can check it against OPENER on every unit.
 */
export function isOpenerCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x22 || c === 0x27 || c === 0x28 || c === 0x5b;
  return OPENER.test(String.fromCharCode(c));
}

const isTerminatorCode = (c: number) => c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;

// @testOnly: exported for test/core/text/fast-paths.test.ts
/**
 * splitSentences for text without astral characters whose possible sentence ends are already known:
 * `marks[0 … count − 1]` are, in order, the positions of every . ! ? … and line break (scanWords()
 * gathers them while it finds the words, leaving out full stops inside a word such as 3.5, which can
 * never end a sentence). Jumps from mark to mark.
 */
export function splitAtMarks(text: string, marks: ArrayLike<number>, count: number): SentenceSpan[] {
  const into = new SpanBuffer();
  splitAtMarksInto(text, marks, count, into);
  return Array.from({ length: into.count }, (_, i) => ({ start: into.starts[i]!, end: into.ends[i]! }));
}

/** Sentence spans kept in reusable arrays: [starts[i], ends[i]) for i < count. */
export class SpanBuffer {
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  count = 0;

  push(start: number, end: number): void {
    if (this.count === this.starts.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }
}

/** splitAtMarks, writing the spans into `out` (emptied first) instead of new objects. */
export function splitAtMarksInto(text: string, marks: ArrayLike<number>, count: number, out: SpanBuffer): void {
  out.count = 0;
  const n = text.length;
  const push = (from: number, to: number): void => {
    let a = from;
    let b = to;
    while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
    while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
    if (b > a) out.push(a, b);
  };
  let start = 0;
  let pos = 0;
  for (let k = 0; k < count; k++) {
    const i = marks[k]!;
    if (i < pos) continue;
    if (text.charCodeAt(i) === 0x0a) {
      // A blank line: a line break, blanks, a line break.
      let j = i + 1;
      while (j < n && text.charCodeAt(j) !== 0x0a && isSpaceCode(text.charCodeAt(j))) j++;
      if (j >= n || text.charCodeAt(j) !== 0x0a) continue;
      push(start, i);
      j++;
      while (j < n && isSpaceCode(text.charCodeAt(j))) j++;
      start = j;
      pos = j;
      continue;
    }
    let runEnd = i + 1;
    while (runEnd < n && isTerminatorCode(text.charCodeAt(runEnd))) runEnd++;
    let end = runEnd;
    while (end < n && isCloserCode(text.charCodeAt(end))) end++;
    let next = end;
    while (next < n && isSpaceCode(text.charCodeAt(next))) next++;
    const boundary = next >= n || (next > end && isOpenerCode(text.charCodeAt(next)));
    const singleDot = text.charCodeAt(i) === 0x2e && runEnd === i + 1;
    if (boundary && !(singleDot && isAbbreviationBmp(text, i))) {
      push(start, end);
      start = end;
    }
    pos = end;
  }
  push(start, n);
}

/**
 * The reference implementation, code point by code point (used for text with astral characters).
 * @testOnly exported as the reference the fast paths are tested against.
 */
export function splitCodePoints(text: string): SentenceSpan[] {
  const cps = Array.from(text);
  const out: SentenceSpan[] = [];
  let start = 0;

  const push = (from: number, to: number): void => {
    let a = from;
    let b = to;
    while (a < b && SPACE.test(cps[a] ?? '')) a++;
    while (b > a && SPACE.test(cps[b - 1] ?? '')) b--;
    if (b > a) out.push({ start: a, end: b });
  };

  let i = 0;
  while (i < cps.length) {
    const c = cps[i]!;
    if (c === '\n') {
      let j = i + 1;
      while (j < cps.length && cps[j] !== '\n' && SPACE.test(cps[j]!)) j++;
      if (cps[j] === '\n') {
        push(start, i);
        while (j < cps.length && SPACE.test(cps[j]!)) j++;
        start = j;
        i = j;
        continue;
      }
      i++;
      continue;
    }
    if (!TERMINATOR.test(c)) {
      i++;
      continue;
    }
    let runEnd = i + 1;
    while (runEnd < cps.length && TERMINATOR.test(cps[runEnd]!)) runEnd++;
    let end = runEnd;
    while (end < cps.length && CLOSER.test(cps[end]!)) end++;
    let next = end;
    while (next < cps.length && SPACE.test(cps[next]!)) next++;
    const atEnd = next >= cps.length;
    const boundary = atEnd || (next > end && OPENER.test(cps[next]!));
    const singleDot = c === '.' && runEnd === i + 1;
    if (boundary && !(singleDot && isAbbreviation(cps, i))) {
      push(start, end);
      start = end;
    }
    i = end;
  }
  push(start, cps.length);
  return out;
}

/** Is the full stop at `dot` the end of an abbreviation or of initials? */
function isAbbreviation(cps: string | readonly string[], dot: number): boolean {
  let k = dot;
  while (k > 0 && !SPACE.test(cps[k - 1]!) && !/^["'“‘„«(\[]$/u.test(cps[k - 1]!)) k--;
  const word = typeof cps === 'string' ? cps.slice(k, dot + 1) : cps.slice(k, dot + 1).join('');
  if (/^(\p{L}\.)+$/u.test(word)) return true; // o.a. d.w.z. z.g.a.n. J. J.D.
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * isAbbreviation for text without astral characters, without building a string when the word is ASCII:
 * more ASCII letters or digits right before the dot than the longest listed abbreviation has can be
 * neither an abbreviation nor initials (those alternate letter and dot); an ASCII word is checked by
 * char codes; anything else goes to isAbbreviation.
 */
function isAbbreviationBmp(text: string, dot: number): boolean {
  let k = dot;
  while (k > 0 && dot - k <= LONGEST_ABBREVIATION && isWordCharCode(text.charCodeAt(k - 1))) k--;
  if (dot - k > LONGEST_ABBREVIATION) return false;
  // The whole word: back over ASCII letters, digits and full stops to white space, an opening quote or bracket, or the start.
  while (k > 0 && (isWordCharCode(text.charCodeAt(k - 1)) || text.charCodeAt(k - 1) === 0x2e)) k--;
  if (k > 0 && !isSpaceCode(text.charCodeAt(k - 1)) && !isOpeningQuoteCode(text.charCodeAt(k - 1))) return isAbbreviation(text, dot);
  const length = dot + 1 - k;
  // initials: letter, dot, letter, dot, …
  let initials = length % 2 === 0;
  for (let j = k; j < dot && initials; j += 2) initials = isAsciiLetterCode(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 0x2e;
  if (initials) return true;
  if (length > LONGEST_ABBREVIATION + 1) return false;
  let key = 0;
  for (let j = k; j <= dot; j++) key = key * 128 + (text.charCodeAt(j) | 0x20);
  return ABBREVIATION_KEYS.has(key);
}

export const isAsciiLetterCode = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
/** The opening quotes and brackets isAbbreviation stops at: " ' “ ‘ „ « ( [ */
const isOpeningQuoteCode = (c: number) => c === 0x22 || c === 0x27 || c === 0x28 || c === 0x5b || c === 0xab || c === 0x2018 || c === 0x201c || c === 0x201e;

/** ASCII letters and digits; other characters go to the full test. */
const isWordCharCode = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length - 1));
/**
 * The listed abbreviations as numbers: 7 bits per character, each ORed with 0x20 (lowercase for ASCII
 * letters; digits and the dot have that bit already; they are at most 6 characters, so under 2^42).
 */
const ABBREVIATION_KEYS = new Set([...ABBREVIATIONS].map((a) => [...a].reduce((key, ch) => key * 128 + (ch.charCodeAt(0) | 0x20), 0)));
