import { splitSentences, type SentenceSpan } from './sentences.js';
import { stem, stemAll } from './stem.js';
import { tokenize, type Token } from './tokenize.js';

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

/** A match of a term: tokens startToken … endToken - 1. */
export interface TermMatch {
  startToken: number;
  endToken: number;
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

/** True for a term that tokenizes to nothing (no letter or digit, e.g. only punctuation). */
export function canNeverMatch(term: string): boolean {
  return !WORD_CHAR.test(term);
}

/** Where `compiled` occurs in a token list; `stems` is parallel to `tokens` (see stemAll()). */
export function findTermMatches(
  tokens: readonly Token[],
  stems: readonly string[],
  compiled: CompiledTerm,
): TermMatch[] {
  const n = compiled.words.length;
  const out: TermMatch[] = [];
  if (n === 0) return out;
  for (let i = 0; i + n <= tokens.length; i++) {
    let ok = true;
    for (let j = 0; j < n && ok; j++) ok = wordMatches(compiled.words[j]!, tokens[i + j]!, stems[i + j]);
    if (ok) out.push({ startToken: i, endToken: i + n });
  }
  return out;
}

function wordMatches(word: TermWord, token: Token, tokenStem: string | undefined): boolean {
  if (word.kind === 'stem') return (tokenStem ?? stem(token.norm)) === word.stem;
  return word.pattern.test(wildcardKey(token.norm));
}

/** A word as a wildcard pattern sees it: hyphens are ignored on both sides. */
export function wildcardKey(norm: string): string {
  return norm.replace(/-/g, '');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------

export interface CodeTerms {
  terms: readonly string[];
  /** Exclusion terms: a match in a sentence that also contains one of these is dropped. */
  not?: readonly string[];
}

export interface CodeMatch extends TermMatch {
  /** Code-point offsets of the matched text, end exclusive. */
  start: number;
  end: number;
  /** The codebook term that matched. */
  term: string;
}

export interface MatchOptions {
  /** Sentence spans of the text the tokens came from (splitSentences()). Without them the
   *  whole token list counts as one sentence. */
  sentences?: readonly SentenceSpan[];
  /** stemAll(tokens), if already computed. */
  stems?: readonly string[];
}

const compiledCache = new Map<string, CompiledTerm>();
function compiledOf(term: string): CompiledTerm {
  let c = compiledCache.get(term);
  if (c === undefined) {
    c = compileTerm(term);
    compiledCache.set(term, c);
  }
  return c;
}

/**
 * Automatic coding of one code: every match of any of its terms, sorted by position, one per
 * distinct token span (the first term in codebook order names it). Overlapping matches of
 * different lengths are all kept; merge them if you need segments.
 *
 * Exclusion is per SENTENCE: a match is dropped when its sentence also contains a match of a
 * `not:` term anywhere (so `not: [stadion]` removes "de capaciteit van het stadion"; a rule
 * that only dropped overlapping matches could not express that). With `sentences`, a phrase
 * never matches across a sentence boundary. Invalid terms throw (lint reports them first).
 */
export function matchCode(code: CodeTerms, tokens: readonly Token[], options: MatchOptions = {}): CodeMatch[] {
  const stems = options.stems ?? stemAll(tokens);
  const sentences = options.sentences;
  const sentenceOf = (t: number): number => (sentences ? sentenceIndex(sentences, tokens[t]!.start) : 0);

  const excluded = new Set<number>();
  for (const term of code.not ?? []) {
    for (const m of findTermMatches(tokens, stems, compiledOf(term))) excluded.add(sentenceOf(m.startToken));
  }

  const seen = new Set<string>();
  const out: CodeMatch[] = [];
  for (const term of code.terms) {
    for (const m of findTermMatches(tokens, stems, compiledOf(term))) {
      const s = sentenceOf(m.startToken);
      if (excluded.has(s) || sentenceOf(m.endToken - 1) !== s) continue;
      const key = `${m.startToken}:${m.endToken}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...m, start: tokens[m.startToken]!.start, end: tokens[m.endToken - 1]!.end, term });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** matchCode on a plain text: tokenized and split into sentences here. */
export function matchText(code: CodeTerms, text: string): CodeMatch[] {
  return matchCode(code, tokenize(text), { sentences: splitSentences(text) });
}

/** Index of the sentence containing code point `pos` (or the last one starting before it). */
function sentenceIndex(sentences: readonly SentenceSpan[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
