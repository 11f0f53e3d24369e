import { stem } from './stem.js';
import { tokenize } from './tokenize.js';

/**
 * Codebook terms (SPEC, Codebook: `terms`).
 *
 * - A term is one or more words; case and accents do not matter (normalize()).
 * - Several words form a PHRASE: they must be adjacent tokens in the text (punctuation between
 *   them is no token, so "te weinig, jongerenwerkers" still matches). Double quotes around the
 *   term ("te weinig jongerenwerkers", also “…” or „…”) are allowed and mean the same thing:
 *   in YAML a quoted and an unquoted multi-word term are the same string, so every multi-word
 *   term is a phrase. Quotes must be balanced.
 * - A plain word matches a token with the same Dutch stem (stem() of the normalised word):
 *   jongerenwerker matches jongerenwerkers, financiele matches Financiële.
 * - A word with `*` is a wildcard within ONE token: personeelstekort*, *tekort, jongeren*werk.
 *   It is matched against the normalised token, NOT its stem, because the user wrote a surface
 *   pattern (stems are truncated: personeelstekorten stems to personeelstekort, but
 *   `*korten` must still see the full word). Hyphens are ignored on both sides
 *   (jongerenwerk* matches jongeren-werkers), as in stem().
 * Terms are read with the same tokenizer as the text, so W&I, jongere's and ex-gedetineerden
 * are one word in a term exactly when they are one token in the text.
 * The coder (autocode/) applies these rules; it also lets a hyphenated compound match a plain
 * word by the stem of any of its parts (`ipta` finds "IPTA-methodiek").
 */

export type TermWord =
  | { kind: 'stem'; norm: string; stem: string }
  | { kind: 'wildcard'; norm: string; pattern: RegExp };

export interface CompiledTerm {
  /** The term as written in the codebook. */
  term: string;
  /** One entry per word; more than one makes a phrase. */
  words: TermWord[];
}

const QUOTES = /["“”„]/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Compile a codebook term; throws an Error whose message says why a term is invalid. */
export function compileTerm(term: string): CompiledTerm {
  if (term.trim() === '') throw new Error('empty term');
  const quotes = term.match(QUOTES)?.length ?? 0;
  if (quotes % 2 !== 0) throw new Error(`unbalanced quotes in term ${JSON.stringify(term)}`);
  if (/^[\s*"“”„]*$/u.test(term)) {
    throw new Error(`a lone * in term ${JSON.stringify(term)} would match any word; put it inside a word, e.g. personeelstekort*`);
  }
  if (!WORD_CHAR.test(term)) {
    throw new Error(`term ${JSON.stringify(term)} has no letter or digit, so it can never match`);
  }
  const words: TermWord[] = [];
  for (const tok of tokenize(term.replace(QUOTES, ' '), { wildcard: true })) {
    if (!tok.norm.includes('*')) {
      words.push({ kind: 'stem', norm: tok.norm, stem: stem(tok.norm) });
      continue;
    }
    if (!WORD_CHAR.test(tok.norm)) {
      throw new Error(
        `a lone * in term ${JSON.stringify(term)} would match any word; put it inside a word, e.g. personeelstekort*`,
      );
    }
    const parts = wildcardKey(tok.norm).split(/\*+/u).map(escapeRegExp);
    words.push({ kind: 'wildcard', norm: tok.norm, pattern: new RegExp(`^${parts.join('.*')}$`, 'u') });
  }
  return { term, words };
}

/** A word as a wildcard pattern sees it: hyphens are ignored on both sides. */
export function wildcardKey(norm: string): string {
  return norm.replace(/-/g, '');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
