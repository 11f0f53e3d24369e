/**
 * The codebook compiled for automatic coding: an index from stems to the terms that start with them, so a
 * document costs one pass over its tokens however many terms there are; a filter on words' first letters;
 * and the coder's state (what it has learnt of word forms, and its scratch space), which autoCode uses.
 */
import type { Code, Codebook, Lexicon } from '../model.js';
import { compoundParts } from '../text/compound.js';
import { ruleOf } from './options.js';
import { SpanBuffer } from '../text/sentences.js';
import { stem } from '../text/stem.js';
import { compileTerm, wildcardKey, type CompiledTerm, type TermWord } from '../text/terms.js';
import { CodeUnits, pairKey, tripleKey, WordBuffer } from '../text/scan.js';
import { normalize } from '../text/normalize.js';
import { SurfaceTable } from './table.js';

export interface IndexedTerm {
  /** The code's index in the codebook. */
  code: number;
  term: CompiledTerm;
  negative: boolean;
  /** May match a part of a closed compound: HEAD, MODIFIER (bits), or 0. */
  compounds: number;
  /** A multi-word term whose words may stand anywhere in one clause (`order: free`). */
  free: boolean;
  /** No negation check is needed (`negated: keep`): counting may take it by its code alone. */
  plain: boolean;
}

export const HEAD = 1;
export const MODIFIER = 2;
const COMPOUND_BITS = { off: 0, head: HEAD, modifier: MODIFIER, both: HEAD | MODIFIER } as const;
/** negatedTo: a negated match is kept, or dropped; other values are the index of the code it goes to. */
export const KEEP = -1;
export const EXCLUDE = -2;

/** What a distinct word form can match: its stem (and its parts' stems, for hyphenated compounds), and the wildcard terms it starts. */
export interface WordInfo {
  norm: string;
  stems: string[];
  /** Stems of the word's last and first parts when it is a closed compound the lexicon licenses (else empty). */
  heads: string[];
  modifiers: string[];
  /** Every term that may start at this word: by any of its stems, or by a wildcard. */
  candidates: IndexedTerm[];
  /** The same, split for counting: codes of one-word terms, codes of one-word `not:` terms, longer terms. */
  single: Int32Array;
  singleNot: Int32Array;
  phrases: IndexedTerm[];
}

/**
 * The coder's mutable state, held by the compiled codebook it belongs to: what it has learnt of word forms
 * (it grows as documents are coded), and scratch space that every autoCode call overwrites. A compiled
 * codebook serves one thread, and autoCode never runs inside itself, so one of each is enough.
 */
export interface CoderState {
  /** What each distinct word form matches: by normalised form, and by surface form. */
  byNorm: Map<string, WordInfo>;
  bySurface: SurfaceTable<WordInfo>;
  /** The WordInfo of a surface form not met before (for bySurface). */
  make: (surface: string) => WordInfo;
  /** Scratch: the words of a region, its UTF-16 units, its sentences, and what each word matches. */
  words: WordBuffer;
  units: CodeUnits;
  sentences: SpanBuffer;
  infos: (WordInfo | undefined)[];
  /** Scratch marks per code, stamped with a sentence's generation (see autoCode), and the codes a sentence has. */
  marks: { found: Int32Array; excluded: Int32Array; generation: number; list: Int32Array };
}

export interface CompiledCodebook {
  codes: readonly Code[];
  /** Terms whose first word is a plain word, by that word's stem. */
  byStem: Map<string, IndexedTerm[]>;
  /** Terms whose first word has a wildcard. */
  wildcards: IndexedTerm[];
  /** Terms that did not compile, with the reason (lint reports them). */
  invalid: { code: string; term: string; reason: string }[];
  /**
   * Which words can start a term, by their first letters (null: no filter, because some term's first
   * word does not start with ASCII letters or digits). The Dutch stemmer removes suffixes only from
   * position 3 on; undoubling a consonant or (step 4) a vowel after that can touch position 2 only when
   * the stem ends up with two or three letters. So a stem keeps its word's first two letters, and its
   * first three when it has four or more (tested on all 45,670 Snowball words). Terms whose first stem
   * (or wildcard prefix) has 3+ letters are keyed by three letters (`three`, tripleKey()), shorter ones
   * by two (`two`, pairKey()). Each entry is the length of the shortest such stem or prefix (0: none):
   * a stem is never longer than its word (tested likewise), so an ASCII word shorter than that cannot
   * match (a word with other characters may change length when normalised, and is not filtered by it).
   */
  prefixes: { two: Uint8Array; three: Uint8Array } | null;
  /** Per code: where a negated match goes (KEEP, EXCLUDE or a code index); the document types it is limited to (null: all). */
  negatedTo: Int32Array;
  documentTypes: (readonly string[] | null)[];
  /** Codes a short answer takes from the interviewer's question (`question: true`), in codebook order. */
  questionCodes: Int32Array;
  /** The lexicon for compound splitting (null: no term matches compounds). */
  lexicon: Lexicon | null;
  state: CoderState;
}

// Long: one pass over the codes builds every index of the compiled codebook.
export function compileCodebook(codebook: Pick<Codebook, 'codes'> & Partial<Pick<Codebook, 'categories' | 'lexicon'>>): CompiledCodebook {
  const byStem = new Map<string, IndexedTerm[]>();
  const wildcards: IndexedTerm[] = [];
  const invalid: CompiledCodebook['invalid'] = [];
  const categories = new Map((codebook.categories ?? []).map((c) => [c.id, c]));
  const rules = codebook.codes.map((c) => ruleOf(c, categories.get(c.category)));
  const index = new Map(codebook.codes.map((c, i) => [c.id, i]));
  const negatedTo = Int32Array.from(rules, (r) => (r.negated === 'keep' ? KEEP : r.negated === 'exclude' ? EXCLUDE : (index.get(r.negated) ?? KEEP)));
  let heads = false;
  codebook.codes.forEach((c, code) => {
    const rule = rules[code]!;
    const add = (term: string, negative: boolean) => {
      let compiled: CompiledTerm;
      try {
        compiled = compileTerm(term);
      } catch (e) {
        invalid.push({ code: c.id, term, reason: (e as Error).message });
        return;
      }
      const first = compiled.words[0];
      if (!first) return;
      const compounds = codebook.lexicon ? COMPOUND_BITS[rule.compounds] : 0;
      if (compounds & HEAD) heads = true;
      const entry = { code, term: compiled, negative, compounds, free: rule.free && compiled.words.length > 1, plain: negatedTo[code] === KEEP };
      if (first.kind === 'wildcard') wildcards.push(entry);
      else {
        let list = byStem.get(first.stem);
        if (!list) byStem.set(first.stem, (list = []));
        list.push(entry);
      }
    };
    for (const t of c.terms) add(t, false);
    for (const t of c.not) add(t, true);
  });
  const n = codebook.codes.length;
  const book: CompiledCodebook = {
    codes: codebook.codes,
    byStem,
    wildcards,
    invalid,
    // a term matching compound heads may start at any word: no filter by first letters
    prefixes: heads ? null : prefixTable([...byStem.keys()], wildcards),
    negatedTo,
    documentTypes: rules.map((r) => r.documentTypes),
    questionCodes: Int32Array.from(rules.flatMap((r, i) => (r.question ? [i] : []))),
    lexicon: codebook.lexicon && rules.some((r) => r.compounds !== 'off') ? codebook.lexicon : null,
    state: {
      byNorm: new Map(),
      bySurface: new SurfaceTable(),
      make: (surface) => wordInfo(book, normalize(surface)),
      words: new WordBuffer(),
      units: new CodeUnits(),
      sentences: new SpanBuffer(),
      infos: [],
      marks: { found: new Int32Array(n), excluded: new Int32Array(n), generation: 0, list: new Int32Array(n) },
    },
  };
  return book;
}

function prefixTable(stems: readonly string[], wildcards: readonly IndexedTerm[]): CompiledCodebook['prefixes'] {
  const two = new Uint8Array(128 * 128);
  const three = new Uint8Array(36 * 36 * 36);
  /** Keep the shortest length per key (capped at 255, which only weakens the filter). */
  const note = (table: Uint8Array, key: number, length: number) => {
    const m = Math.min(length, 255);
    if (table[key] === 0 || m < table[key]!) table[key] = m;
  };
  // A stem of 4+ letters keeps its word's first three; a wildcard's literal start is the word's own.
  const literal = wildcards.map((e) => wildcardKey((e.term.words[0] as TermWord).norm).split('*')[0]!);
  // a wildcard with fewer than two literal letters (a*) could start too many words: no filter
  if (literal.some((l) => l.length < 2)) return null;
  for (const s of [...stems.filter((st) => st.length >= 4), ...literal.filter((l) => l.length >= 3)]) {
    const key = tripleKey(s.charCodeAt(0), s.charCodeAt(1), s.charCodeAt(2));
    if (key < 0) return null;
    note(three, key, s.length);
  }
  // a stem of one letter comes only from a one-letter word, keyed (letter, 0)
  for (const s of [...stems.filter((st) => st.length < 4), ...literal.filter((l) => l.length === 2)]) {
    const key = s.length === 0 ? -1 : pairKey(s.charCodeAt(0), s.length > 1 ? s.charCodeAt(1) : 0);
    if (key < 0) return null;
    note(two, key, s.length);
  }
  return { two, three };
}

/**
 * What the normalised word `norm` matches, worked out on first sight. A hyphenated compound
 * (IPTA-methodiek, W&I-afdeling) matches a term word by its whole stem or by the stem of any of its
 * parts, so a term `ipta` finds "IPTA-methodiek".
 */
export function wordInfo(book: CompiledCodebook, norm: string): WordInfo {
  let info = book.state.byNorm.get(norm);
  if (info === undefined) {
    const stems = [stem(norm)];
    if (norm.includes('-')) for (const part of norm.split('-')) if (part) stems.push(stem(part));
    const parts = book.lexicon === null ? null : compoundParts(norm, book.lexicon);
    const heads = parts === null ? [] : [...new Set(parts.heads.map(stem))];
    const modifiers = parts === null ? [] : [...new Set(parts.modifiers.map(stem))];
    const key = wildcardKey(norm);
    const byParts = (list: string[], bit: number) => list.flatMap((st) => (book.byStem.get(st) ?? []).filter((e) => (e.compounds & bit) !== 0));
    const byStem = [...new Set([...stems.flatMap((st) => book.byStem.get(st) ?? []), ...byParts(heads, HEAD), ...byParts(modifiers, MODIFIER)])];
    const wild = book.wildcards.filter((e) => (e.term.words[0] as Extract<TermWord, { kind: 'wildcard' }>).pattern.test(key));
    const candidates = [...byStem, ...wild];
    const codesOf = (negative: boolean) => Int32Array.from(new Set(candidates.filter((e) => e.term.words.length === 1 && e.negative === negative && (negative || e.plain)).map((e) => e.code)));
    const rest = candidates.filter((e) => e.term.words.length > 1 || (!e.negative && !e.plain));
    info = { norm, stems, heads, modifiers, candidates, single: codesOf(false), singleNot: codesOf(true), phrases: rest };
    book.state.byNorm.set(norm, info);
  }
  return info;
}
