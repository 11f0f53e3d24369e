/**
 * The codes of one sentence: the coder's inner loop (see code.ts).
 */
import { NON_ASCII, tripleKey } from '../text/scan.js';
import { EXCLUDE, type CompiledCodebook, type IndexedTerm } from './compile.js';
import { clauseOf, matchAt, negationIn } from './clauses.js';
import { infoAt, type Words } from './words.js';

/** A term found in the sentence being coded: its code (after negation), the term, and the words it matched. */
export interface SentenceHit {
  code: number;
  entry: IndexedTerm;
  at: number[];
}

/** May code `code` apply in a document of type `type` (undefined: a text without a type, such as a codebook example)? */
export function allowedIn(book: CompiledCodebook, code: number, type: string | undefined): boolean {
  const types = book.documentTypes[code];
  return types === null || types === undefined || type === undefined || types.includes(type);
}

/**
 * Can no term start at word i? When no short term begins with its first two letters (or the word is too
 * short for those that do), and it is short, or the same holds for long terms and its first three letters.
 */
function startsNoTerm(words: Words, i: number, two: Uint8Array, three: Uint8Array): boolean {
  const k = words.keys![i]!;
  if (k < 0) return false;
  // k ≥ 0: no hyphen, and the first two characters are ASCII letters or digits
  const from = words.starts[i]!;
  const length = words.ends[i]! - from;
  const ascii = k < NON_ASCII;
  const m2 = two[ascii ? k : k - NON_ASCII]!;
  if (m2 !== 0 && !(ascii && length < m2)) return false;
  if (length < 3) return true;
  const codes = words.codes;
  const k3 = tripleKey(codes[from]!, codes[from + 1]!, codes[from + 2]!);
  if (k3 < 0) return false;
  const m3 = three[k3]!;
  return m3 === 0 || (ascii && length < m3);
}

/**
 * The codes of the sentence of words first … last − 1: marked in state.marks (found/excluded = `gen`) and
 * listed in marks.list, in order of discovery; returns how many. With `hits`, also what matched where.
 */
function codesOfSentence(book: CompiledCodebook, words: Words, first: number, last: number, gen: number, prefixes: CompiledCodebook['prefixes'], hits: SentenceHit[] | null): number {
  const { found, excluded, list } = book.state.marks;
  let n = 0;
  for (let i = first; i < last; i++) {
    if (prefixes !== null && startsNoTerm(words, i, prefixes.two, prefixes.three)) continue;
    const info = infoAt(book, words, i);
    if (info.candidates.length === 0) continue; // most words looked up start no term
    if (hits === null) {
      // Only which codes the sentence has: one-word terms by their codes alone.
      const single = info.single;
      for (let c = 0; c < single.length; c++) {
        const code = single[c]!;
        if (found[code] !== gen) {
          found[code] = gen;
          list[n++] = code;
        }
      }
      const singleNot = info.singleNot;
      for (let c = 0; c < singleNot.length; c++) excluded[singleNot[c]!] = gen;
    }
    const candidates = hits === null ? info.phrases : info.candidates;
    for (let c = 0; c < candidates.length; c++) {
      const e = candidates[c]!;
      const at = matchAt(book, words, e, i, first, last);
      if (at === null) continue;
      if (e.negative) {
        excluded[e.code] = gen;
        continue;
      }
      let code = e.code;
      if (!e.plain) {
        const [a, b] = clauseOf(book, words, i, first, last);
        if (negationIn(book, words, Math.min(a, ...at), Math.max(b, ...at.map((k) => k + 1)), at)) {
          const to = book.negatedTo[code]!;
          if (to === EXCLUDE) continue;
          code = to;
        }
      }
      if (found[code] !== gen) {
        found[code] = gen;
        list[n++] = code;
      }
      if (hits !== null) hits.push({ code, entry: e, at });
    }
  }
  return n;
}


/** A fresh generation number for marking one sentence's codes (see CoderState.marks). */
function nextGeneration(book: CompiledCodebook): number {
  const marks = book.state.marks;
  // marks are stamped with a sentence's generation number, so nothing needs clearing between sentences
  if (marks.generation === 0x7fffffff) {
    marks.found.fill(0);
    marks.excluded.fill(0);
    marks.generation = 0;
  }
  return ++marks.generation;
}

/**
 * Each sentence of `words`: its bounds (code points), its words first … last − 1, the number of codes
 * codesOfSentence() found in it and its generation (see visit).
 */
export function eachSentence(
  book: CompiledCodebook,
  words: Words,
  hits: SentenceHit[] | null,
  visit: (sStart: number, sEnd: number, found: number, gen: number) => void,
): void {
  const prefixes = words.keys === null ? null : book.prefixes;
  const { count, starts, ends, sentences } = words;
  let t = 0;
  for (let si = 0; si < sentences.count; si++) {
    const sStart = sentences.starts[si]!;
    const sEnd = sentences.ends[si]!;
    while (t < count && starts[t]! < sStart) t++;
    const first = t;
    while (t < count && ends[t]! <= sEnd) t++;
    const gen = nextGeneration(book);
    if (hits !== null) hits.length = 0;
    const found = codesOfSentence(book, words, first, t, gen, prefixes, hits);
    if (found > 0) visit(sStart, sEnd, found, gen);
  }
}
