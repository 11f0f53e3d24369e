/**
 * Clauses and negation for automatic coding (docs/formats.md, "Matching options").
 *
 * A CLAUSE is a stretch of a sentence between clause boundaries: a , ; : ( ) – — or " between two words,
 * or a conjunction word (the boundary falls before it): en, of, maar, want, dus, omdat, doordat,
 * hoewel, terwijl, zodat, tenzij, toen, nadat, voordat, zodra. A NEGATION is one of the cue words
 * below anywhere in the clause of a match (before or after it: Dutch puts "niet" after the object, and
 * "Capaciteit is geen probleem" has its cue after the term), not counting the matched words themselves.
 */
import { infoAt, wordMatches, type Words } from './words.js';
import type { CompiledCodebook, IndexedTerm } from './compile.js';

const CONJUNCTIONS = new Set(['en', 'of', 'maar', 'want', 'dus', 'omdat', 'doordat', 'hoewel', 'terwijl', 'zodat', 'tenzij', 'toen', 'nadat', 'voordat', 'zodra']);
export const NEGATIONS = new Set(['geen', 'niet', 'nooit', 'nauwelijks', 'zonder', 'allerminst', 'amper', 'nergens', 'niemand', 'niets', 'niks', 'geenszins', 'evenmin']);

/** Does punctuation that ends a clause stand between word k − 1 and word k? */
function punctuationBefore(words: Words, k: number): boolean {
  const from = words.ends[k - 1]!;
  const to = words.starts[k]!;
  if (words.chars !== null) {
    for (let i = from; i < to; i++) if (STOPS.includes(words.chars[i]!)) return true;
    return false;
  }
  for (let i = from; i < to; i++) if (STOP_UNITS.has(words.codes[i]!)) return true;
  return false;
}
const STOPS = ',;:()\u2013\u2014"\u201c\u201d';
const STOP_UNITS = new Set(Array.from(STOPS, (c) => c.charCodeAt(0)));

/** Is there a clause boundary between word k − 1 and word k? */
function boundaryBefore(book: CompiledCodebook, words: Words, k: number): boolean {
  return punctuationBefore(words, k) || CONJUNCTIONS.has(infoAt(book, words, k).norm);
}

/** The clause of word i within the sentence of words first … last − 1: [start, end) word indices. */
export function clauseOf(book: CompiledCodebook, words: Words, i: number, first: number, last: number): [number, number] {
  let a = i;
  while (a > first && !boundaryBefore(book, words, a)) a--;
  let b = i + 1;
  while (b < last && !boundaryBefore(book, words, b)) b++;
  return [a, b];
}

/** Is there a negation cue among words a … b − 1, other than the words in `skip`? */
export function negationIn(book: CompiledCodebook, words: Words, a: number, b: number, skip: readonly number[]): boolean {
  for (let k = a; k < b; k++) if (!skip.includes(k) && NEGATIONS.has(infoAt(book, words, k).norm)) return true;
  return false;
}

/**
 * The words a term `e` matches when its first word matches word i (which the caller checked), within the
 * sentence of words first … last − 1: adjacent words, or (`order: free`) any words of the clause of word i,
 * each used once. Null when it does not match.
 */
export function matchAt(book: CompiledCodebook, words: Words, e: IndexedTerm, i: number, first: number, last: number): number[] | null {
  const terms = e.term.words;
  if (terms.length === 1) return [i];
  if (e.free) {
    const [a, b] = clauseOf(book, words, i, first, last);
    const at = [i];
    for (let j = 1; j < terms.length; j++) {
      let k = a;
      while (k < b && (at.includes(k) || !wordMatches(terms[j]!, infoAt(book, words, k), e.compounds))) k++;
      if (k === b) return null;
      at.push(k);
    }
    return at;
  }
  if (i + terms.length > last) return null;
  for (let j = 1; j < terms.length; j++) if (!wordMatches(terms[j]!, infoAt(book, words, i + j), e.compounds)) return null;
  return Array.from(terms, (_, j) => i + j);
}
