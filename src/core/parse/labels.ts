/**
 * Lines of an interview that start like a speaker label: up to six words before a colon at the start of
 * the line, with an optional `@` or `#` prefix — `R1:`, `Jan de Vries:`, `@R2:`, `R1 :`, `R1：` (full-width
 * colon), with a no-break or zero-width space after the colon as Word writes it. Read character by
 * character and at most a few dozen characters per line: it is tried on every line of every interview.
 */

export interface LabelLine {
  /** The label's words, separated by one space, zero-width characters left out, without prefix. */
  name: string;
  /** As written, for messages: prefix and name. */
  written: string;
  /** UTF-16 units from the start of the line to the end of the blanks after the colon. */
  length: number;
  /** The classic form: ASCII letter, letters, digits, `_` or `-`, colon, a blank or the end of the line. */
  plain: boolean;
  /** Every word capitalised, a number, an initial or a name particle (`de`, `van`, …): a name, not prose. */
  nameLike: boolean;
  /** What is unusual about it ('prefix', 'space-before-colon', 'full-width-colon', 'no-space-after-colon'), or ''. */
  unusual: string;
  /** Offset from the start of the line of the first zero-width character before the text, or -1. */
  zeroWidth: number;
  /** Text follows the colon without a blank (`R2:[ja]…`): a label only for a known speaker. */
  tight: boolean;
}

const MAX_WORDS = 6;
const MAX_WORD = 40;
const PARTICLES = new Set(['de', 'den', 'der', 'van', 'von', 'vom', 'het', "'t", '’t', "'s", '’s', 'te', 'ten', 'ter', 'in', 'op', 'aan', 'bij', 'la', 'le', 'du', 'da', 'di', 'del', 'della', 'dos', 'das', 'do', 'el', 'al', 'bin', 'ibn', 'zu']);
const ABBREVIATIONS = new Set(['dhr.', 'mevr.', 'mw.', 'mr.', 'dr.', 'drs.', 'ir.', 'ing.', 'prof.', 'mej.', 'st.']);

export const isZeroWidth = (c: number) => c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff;
const isNoBreakSpace = (c: number) => c === 0xa0 || c === 0x202f || c === 0x2007;
const isAsciiWord = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;
const LETTER = /^[\p{L}\p{M}\p{N}]$/u;
const UPPER_OR_DIGIT = /^[\p{Lu}\p{Lt}\p{N}]/u;

/** A character of a label word: letter, mark, digit, `_ - . '` or `’`. */
function isWordChar(c: number): boolean {
  if (c < 0x80) return isAsciiWord(c) || c === 0x2e || c === 0x27;
  return c === 0x2019 || (!isZeroWidth(c) && !isNoBreakSpace(c) && LETTER.test(String.fromCharCode(c)));
}

/** Can a label start with the character `c`? (A quick test before reading the line.) */
export function mayStartLabel(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x40 || c === 0x23 || (c >= 0x80 && (isZeroWidth(c) || isWordChar(c)));
}

/** A word that may stand in a label; `name`: whether it is one of a name. Null: prose (a sentence ends in it). */
function wordKind(word: string): { name: boolean } | null {
  if (!/[\p{L}\p{N}]/u.test(word[0]!)) return null;
  const lower = word.toLowerCase();
  if (word.endsWith('.') && !ABBREVIATIONS.has(lower) && !/^(?:\p{L}\.)+$/u.test(word)) return null;
  return { name: UPPER_OR_DIGIT.test(word) || PARTICLES.has(lower) };
}

/** Longest stretch before a label's colon: prefix, six words of at most 40 characters, blanks between. */
const MAX_LABEL = 8 + MAX_WORDS * (MAX_WORD + 4);

/** Is there a colon (or a full-width one) within a label's reach of `at`? Most prose lines have none. */
function colonWithinReach(text: string, at: number, end: number): boolean {
  const stop = Math.min(end, at + MAX_LABEL);
  for (let i = at; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a || c === 0xff1a) return true;
  }
  return false;
}

/** The classic label `R1: ` (ASCII word, colon, a blank or the end of the line), read without building strings on the way; null for anything else. */
function plainLabel(text: string, at: number, end: number): LabelLine | null {
  let i = at;
  const first = text.charCodeAt(i);
  if (!((first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a))) return null;
  while (i < end && i - at <= MAX_WORD && isAsciiWord(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 0x3a || i - at > MAX_WORD) return null;
  const next = i + 1 < end ? text.charCodeAt(i + 1) : 0x20;
  if (next !== 0x20 && next !== 0x09) return null;
  let j = i + 1;
  while (j < end && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09)) j++;
  if (j < end && (isNoBreakSpace(text.charCodeAt(j)) || isZeroWidth(text.charCodeAt(j)))) return null; // the full reader notes these
  const name = text.slice(at, i);
  const nameLike = first <= 0x5a || PARTICLES.has(name.toLowerCase());
  return { name, written: name, length: j - at, plain: true, nameLike, unusual: '', zeroWidth: -1, tight: false };
}

/** The speaker label at the start of the line from `at` to `end` (exclusive, before its `\n`), or null. */
export function readLabel(text: string, at: number, end: number): LabelLine | null {
  if (!colonWithinReach(text, at, end)) return null;
  const plain = plainLabel(text, at, end);
  if (plain) return plain;
  let i = at;
  let zeroWidth = -1;
  let unusual = '';
  const skipZeroWidth = () => {
    while (i < end && isZeroWidth(text.charCodeAt(i))) {
      if (zeroWidth === -1) zeroWidth = i - at;
      i++;
    }
  };
  skipZeroWidth();
  let prefix = '';
  if (text.charCodeAt(i) === 0x40 || text.charCodeAt(i) === 0x23) {
    const from = i;
    i++;
    while (text.charCodeAt(i) === 0x23 && i - from < 6) i++;
    prefix = text.slice(from, i);
    while (text.charCodeAt(i) === 0x20) i++;
    unusual = 'prefix';
  }
  const words: string[] = [];
  let nameLike = true;
  for (;;) {
    skipZeroWidth();
    let word = '';
    while (i < end && word.length <= MAX_WORD) {
      const c = text.charCodeAt(i);
      if (isZeroWidth(c)) skipZeroWidth();
      else if (isWordChar(c)) word += text[i++];
      else break;
    }
    const kind = word === '' || word.length > MAX_WORD ? null : wordKind(word);
    if (!kind) return null;
    nameLike &&= kind.name || words.length > 0 && /^\p{L}\.$/u.test(word);
    words.push(word);
    const blanksFrom = i;
    while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09 || isNoBreakSpace(text.charCodeAt(i)) || isZeroWidth(text.charCodeAt(i)))) {
      if (isZeroWidth(text.charCodeAt(i)) && zeroWidth === -1) zeroWidth = i - at;
      i++;
    }
    const c = text.charCodeAt(i);
    if (c === 0x3a || c === 0xff1a) {
      if (i > blanksFrom) unusual ||= 'space-before-colon';
      if (c === 0xff1a) unusual ||= 'full-width-colon';
      break;
    }
    if (i === blanksFrom || words.length === MAX_WORDS || i >= end) return null;
  }
  return afterColon(text, at, i + 1, end, { words, prefix, nameLike, unusual, zeroWidth });
}

/** The blanks after the colon at `i - 1`; null when the colon is followed by text. */
function afterColon(text: string, at: number, i: number, end: number, l: { words: string[]; prefix: string; nameLike: boolean; unusual: string; zeroWidth: number }): LabelLine | null {
  const first = text.charCodeAt(i);
  const tight = i < end && first !== 0x20 && first !== 0x09 && first !== 0x2028 && first !== 0x2029 && !isNoBreakSpace(first) && !isZeroWidth(first);
  const colon = i - 1;
  let zeroWidth = l.zeroWidth;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isZeroWidth(c)) zeroWidth = zeroWidth === -1 ? i - at : zeroWidth;
    else if (c !== 0x20 && c !== 0x09 && !isNoBreakSpace(c)) break; // a no-break space after the colon: as Word writes it
    i++;
  }
  const name = l.words.join(' ');
  const plain = !tight && l.prefix === '' && l.words.length === 1 && colon === at + name.length && text.charCodeAt(colon) === 0x3a && /^[A-Za-z][\w-]*$/.test(name) && zeroWidth === -1;
  return { name, written: l.prefix + name, length: i - at, plain, nameLike: l.nameLike, unusual: tight ? l.unusual || 'no-space-after-colon' : l.unusual, zeroWidth, tight };
}

/** Is the line from `at` to `end` empty or white space only? */
export function isBlankLine(text: string, at: number, end: number): boolean {
  for (let i = at; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && !isNoBreakSpace(c) && !isZeroWidth(c)) return false;
  }
  return true;
}
