/**
 * The interviewer's question as context for a short answer (docs/formats.md, "Matching options"):
 * a respondent's turn of at most SHORT_ANSWER words that follows an interviewer's turn gets each code with
 * `question: true` that the question holds. A negation cue in the answer (or "nee") counts as negating
 * the question's match: "Werkt u samen met W&I?" — "Nauwelijks." takes the code's `negated` rule.
 */
import type { CompiledCodebook } from './compile.js';
import { EXCLUDE, KEEP } from './compile.js';
import { NEGATIONS } from './clauses.js';
import { eachSentence, type SentenceHit } from './sentence.js';
import { infoAt, surfaceOf, wordsOf, type Words } from './words.js';

const SHORT_ANSWER = 8;

/** A code a question holds, with the term and words that matched it (empty when hits are not wanted). */
export interface Asked {
  code: number;
  term: string;
  surface: string;
}

/** The codes with `question: true` of the interviewer's turn `text`, in codebook order, once each. */
export function askedCodes(book: CompiledCodebook, text: string, astral: boolean, withHits: boolean): Asked[] {
  const words = wordsOf(book, text, astral);
  const hits: SentenceHit[] | null = withHits ? [] : null;
  const out = new Map<number, Asked>();
  const { list, excluded } = book.state.marks;
  eachSentence(book, words, hits, (_s, _e, found, gen) => {
    for (let x = 0; x < found; x++) {
      const code = list[x]!;
      if (excluded[code] === gen || out.has(code) || !book.questionCodes.includes(code)) continue;
      const hit = hits?.find((h) => h.code === code);
      out.set(code, { code, term: hit?.entry.term.term ?? '', surface: hit ? hit.at.map((k) => surfaceOf(words, k)).join(' ') : '' });
    }
  });
  return [...out.values()].sort((a, b) => a.code - b.code);
}

/** What a short answer (its words) takes from the question's codes: negated ones as their code's `negated` says. */
export function answerCodes(book: CompiledCodebook, words: Words, asked: readonly Asked[]): Asked[] {
  if (words.count > SHORT_ANSWER) return [];
  let negated = false;
  for (let k = 0; k < words.count && !negated; k++) {
    const norm = infoAt(book, words, k).norm;
    negated = NEGATIONS.has(norm) || norm === 'nee';
  }
  const out: Asked[] = [];
  for (const a of asked) {
    const to = negated ? book.negatedTo[a.code]! : KEEP;
    if (to === EXCLUDE) continue;
    out.push(to === KEEP ? a : { ...a, code: to });
  }
  return out;
}
