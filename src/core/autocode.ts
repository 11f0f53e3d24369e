/**
 * Automatic coding from codebook `terms`: each sentence in which a term of a code occurs becomes an
 * automatic segment (source `auto`) of that code, unless the sentence also holds one of the code's
 * `not:` terms. Interviewer turns are not coded (questions would echo the codes they ask about).
 *
 * The codebook is compiled once into an index from stems to the terms that start with them, so a
 * document costs one pass over its tokens however many terms there are.
 */
import type { Code, Codebook, CorpusDocument, Segment } from './model.js';
import { splitSentences } from './text/sentences.js';
import { stem } from './text/stem.js';
import { compileTerm, type CompiledTerm, type TermWord } from './text/terms.js';
import { normalizeMemo, scanTokens, tokenize } from './text/tokenize.js';
import { INTERVIEWER } from './document.js';
import { lineIndex } from './text.js';

interface IndexedTerm {
  code: number;
  term: CompiledTerm;
  negative: boolean;
}

export interface CompiledCodebook {
  codes: readonly Code[];
  /** Terms whose first word is a plain word, by that word's stem. */
  byStem: Map<string, IndexedTerm[]>;
  /** Terms whose first word has a wildcard. */
  wildcards: IndexedTerm[];
  /** Terms that did not compile, with the reason (lint reports them). */
  invalid: { code: string; term: string; reason: string }[];
  /** What each distinct word form matches, filled as documents are coded: by normalised form, and by surface form. */
  memo: Map<string, WordInfo>;
  bySurface: Map<string, WordInfo>;
}

export function compileCodebook(codebook: Pick<Codebook, 'codes'>): CompiledCodebook {
  const byStem = new Map<string, IndexedTerm[]>();
  const wildcards: IndexedTerm[] = [];
  const invalid: CompiledCodebook['invalid'] = [];
  codebook.codes.forEach((c, code) => {
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
      const entry = { code, term: compiled, negative };
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
  return { codes: codebook.codes, byStem, wildcards, invalid, memo: new Map(), bySurface: new Map() };
}

export interface TermHit {
  code: string;
  term: string;
  /** The matched words as written in the text. */
  surface: string;
}

export interface AutoResult {
  segments: Segment[];
  hits: TermHit[];
}

/** What a distinct word form can match: its stem (and its parts' stems, for hyphenated compounds), and the wildcard terms it starts. */
interface WordInfo {
  norm: string;
  stems: string[];
  /** Every term that may start at this word: by any of its stems, or by a wildcard. */
  candidates: IndexedTerm[];
}

const wildcardKey = (norm: string) => norm.replace(/-/g, '');

/**
 * A hyphenated compound (IPTA-methodiek, W&I-afdeling) matches a term word by its whole stem or by
 * the stem of any of its parts, so a term `ipta` finds "IPTA-methodiek".
 */
function wordInfo(book: CompiledCodebook, norm: string): WordInfo {
  let info = book.memo.get(norm);
  if (info === undefined) {
    const stems = [stem(norm)];
    if (norm.includes('-')) for (const part of norm.split('-')) if (part) stems.push(stem(part));
    const key = wildcardKey(norm);
    const byStem = [...new Set(stems.flatMap((st) => book.byStem.get(st) ?? []))];
    const wild = book.wildcards.filter((e) => (e.term.words[0] as Extract<TermWord, { kind: 'wildcard' }>).pattern.test(key));
    info = { norm, stems, candidates: [...byStem, ...wild] };
    book.memo.set(norm, info);
  }
  return info;
}

const wordMatches = (w: TermWord, info: WordInfo) => (w.kind === 'stem' ? info.stems.includes(w.stem) : w.pattern.test(wildcardKey(info.norm)));

/** The words of a region: offsets in code points, what each matches, and its surface form. */
interface Words {
  starts: number[];
  ends: number[];
  infos: WordInfo[];
  surface(i: number): string;
}

function wordsOf(book: CompiledCodebook, text: string, astral: boolean): Words {
  if (astral) {
    const tokens = tokenize(text);
    return { starts: tokens.map((t) => t.start), ends: tokens.map((t) => t.end), infos: tokens.map((t) => wordInfo(book, t.norm)), surface: (i) => tokens[i]!.text };
  }
  // Without astral characters UTF-16 indices are code points: scan without building token objects,
  // and look words up by their surface form first (no normalising of words already seen).
  const starts: number[] = [];
  const ends: number[] = [];
  const infos: WordInfo[] = [];
  scanTokens(text, (from, to) => {
    const surface = text.slice(from, to);
    let info = book.bySurface.get(surface);
    if (info === undefined) {
      info = wordInfo(book, normalizeMemo(surface));
      book.bySurface.set(surface, info);
    }
    starts.push(from);
    ends.push(to);
    infos.push(info);
  });
  return { starts, ends, infos, surface: (i) => text.slice(starts[i], ends[i]) };
}

/** Regions of a document that are coded: respondents' turns in interviews, the whole text elsewhere (code points). */
function regions(doc: Pick<CorpusDocument, 'type' | 'turns'>, length: number): { start: number; end: number; speaker: string | null }[] {
  if (doc.type === 'interview') return doc.turns.filter((t) => t.speaker !== INTERVIEWER);
  return [{ start: 0, end: length, speaker: null }];
}

/** Automatic coding of one document. `lineOf` maps a code-point offset of the plain text to a file line. */
export function autoCode(doc: Pick<CorpusDocument, 'id' | 'type' | 'turns' | 'plainText'>, book: CompiledCodebook, lineOf: (offset: number) => number = () => 0): AutoResult {
  // Code points equal UTF-16 units unless the text has astral characters; only then split it up.
  const chars = /[\uD800-\uDBFF]/.test(doc.plainText) ? Array.from(doc.plainText) : null;
  const slice = (a: number, b: number) => (chars ? chars.slice(a, b).join('') : doc.plainText.slice(a, b));
  const length = chars ? chars.length : doc.plainText.length;
  const segments: Segment[] = [];
  const hits: TermHit[] = [];
  for (const region of regions(doc, length)) {
    const text = slice(region.start, region.end);
    const { starts, ends, infos, surface } = wordsOf(book, text, chars !== null);
    const count = starts.length;
    let t = 0;
    const found = new Map<number, TermHit[]>();
    const negative = new Set<number>();
    for (const sentence of splitSentences(text)) {
      while (t < count && starts[t]! < sentence.start) t++;
      const first = t;
      while (t < count && ends[t]! <= sentence.end) t++;
      const last = t; // tokens first … last − 1 lie in the sentence
      found.clear();
      negative.clear();
      for (let i = first; i < last; i++) {
        const info = infos[i]!;
        for (let c = 0; c < info.candidates.length; c++) {
          const e = info.candidates[c]!;
          const words = e.term.words;
          if (i + words.length > last) continue;
          let ok = true;
          for (let j = 1; j < words.length && ok; j++) ok = wordMatches(words[j]!, infos[i + j]!);
          if (!ok) continue;
          if (e.negative) {
            negative.add(e.code);
            continue;
          }
          let list = found.get(e.code);
          if (!list) found.set(e.code, (list = []));
          list.push({ code: book.codes[e.code]!.id, term: e.term.term, surface: words.length === 1 ? surface(i) : Array.from({ length: words.length }, (_, j) => surface(i + j)).join(' ') });
        }
      }
      if (found.size === 0) continue;
      const start = region.start + sentence.start;
      const sText = text.slice(...utf16(text, sentence, chars !== null));
      for (const [code, list] of [...found].sort((a, b) => a[0] - b[0])) {
        if (negative.has(code)) continue;
        hits.push(...list);
        segments.push({
          id: '',
          document: doc.id,
          code: book.codes[code]!.id,
          text: sText,
          start,
          end: region.start + sentence.end,
          line: lineOf(start),
          column: 0,
          speaker: region.speaker,
          source: 'auto',
        });
      }
    }
  }
  segments.forEach((s, i) => (s.id = `${doc.id}~${i + 1}`));
  return { segments, hits };
}

/** UTF-16 bounds of a code-point span of `text`. */
function utf16(text: string, span: { start: number; end: number }, astral: boolean): [number, number] {
  if (!astral) return [span.start, span.end];
  const chars = Array.from(text);
  const a = chars.slice(0, span.start).join('').length;
  return [a, a + chars.slice(span.start, span.end).join('').length];
}

/** Automatic coding of a whole corpus: segments per document id, and every term hit. */
export function autoCodeCorpus(documents: readonly CorpusDocument[], book: CompiledCodebook): { segments: Map<string, Segment[]>; hits: TermHit[] } {
  const segments = new Map<string, Segment[]>();
  const hits: TermHit[] = [];
  for (const doc of documents) {
    let lineAt: ((offset: number) => number) | undefined;
    const r = autoCode(doc, book, (offset) => doc.bodyLine + (lineAt ??= lineIndex(doc.plainText))(offset) - 1);
    segments.set(doc.id, r.segments);
    hits.push(...r.hits);
  }
  return { segments, hits };
}

/** Does automatic coding give `code` to `text`? With the term that matched, for messages. */
export function codesText(book: CompiledCodebook, code: string, text: string): TermHit | null {
  const doc = { id: 'example', type: 'document' as const, turns: [], plainText: text };
  return autoCode(doc, book).hits.find((h) => h.code === code) ?? null;
}
