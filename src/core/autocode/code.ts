/**
 * Automatic coding from codebook `terms`: each sentence in which a term of a code occurs becomes an
 * automatic segment (source `auto`) of that code, unless the sentence also holds one of the code's
 * `not:` terms. Interviewer turns are not coded (questions would echo the codes they ask about).
 *
 * The codebook is compiled once into an index from stems to the terms that start with them, so a
 * document costs one pass over its tokens however many terms there are.
 */
import type { Code, Codebook, CorpusDocument, Segment, Turn } from '../model.js';
import { SpanBuffer, splitAtMarksInto, splitSentences } from '../text/sentences.js';
import { stem } from '../text/stem.js';
import { compileTerm, type CompiledTerm, type TermWord } from '../text/terms.js';
import { CodeUnits, grown, NON_ASCII, pairKey, scanUnits, tripleKey, WordBuffer } from '../text/scan.js';
import { normalizeMemo, tokenize } from '../text/tokenize.js';
import { INTERVIEWER } from '../parse/document.js';
import { detach, lineIndex } from '../text/positions.js';

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
  /** What each distinct word form matches, filled as documents are coded: by normalised form, and by surface form. */
  memo: Map<string, WordInfo>;
  bySurface: SurfaceTable<WordInfo>;
  /** The WordInfo of a surface form not met before (for bySurface). */
  make: (surface: string) => WordInfo;
  /** Scratch marks of automatic coding, one slot per code (see autoCode), and a list of the codes found. */
  marks: { found: Int32Array; excluded: Int32Array; generation: number; list: Int32Array };
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
  const book: CompiledCodebook = {
    codes: codebook.codes,
    byStem,
    wildcards,
    invalid,
    prefixes: prefixTable([...byStem.keys()], wildcards),
    memo: new Map(),
    bySurface: new SurfaceTable(),
    make: (surface) => wordInfo(book, normalizeMemo(surface)),
    marks: { found: new Int32Array(codebook.codes.length), excluded: new Int32Array(codebook.codes.length), generation: 0, list: new Int32Array(codebook.codes.length) },
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
  /** The same, split for counting: codes of one-word terms, codes of one-word `not:` terms, longer terms. */
  single: Int32Array;
  singleNot: Int32Array;
  phrases: IndexedTerm[];
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
    const candidates = [...byStem, ...wild];
    const codesOf = (negative: boolean) => Int32Array.from(new Set(candidates.filter((e) => e.term.words.length === 1 && e.negative === negative).map((e) => e.code)));
    info = { norm, stems, candidates, single: codesOf(false), singleNot: codesOf(true), phrases: candidates.filter((e) => e.term.words.length > 1) };
    book.memo.set(norm, info);
  }
  return info;
}

const wordMatches = (w: TermWord, info: WordInfo) => (w.kind === 'stem' ? info.stems.includes(w.stem) : w.pattern.test(wildcardKey(info.norm)));

/**
 * The words of a region: offsets in code points, and what each matches (infos[i]; undefined until
 * looked up by infoAt(), which needs the region's text, its units and the words' hashes).
 */
interface Words {
  text: string;
  count: number;
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
  /** Per word: the key of its first two letters (see WordBuffer), or null: look every word up. */
  keys: ArrayLike<number> | null;
  hashes: ArrayLike<number>;
  /** The region's UTF-16 units (see CodeUnits); empty for text with astral characters, whose infos are all known. */
  codes: Uint16Array;
  infos: (WordInfo | undefined)[];
  /** The words as written, for text with astral characters (whose offsets are not UTF-16 indices); null: slice the text. */
  surfaces: readonly string[] | null;
  /** The sentences of the region. */
  sentences: SpanBuffer;
}

/** Reused between calls (autoCode never runs inside itself). */
const buffer = new WordBuffer();
const units = new CodeUnits();
const spans = new SpanBuffer();
const infoScratch: (WordInfo | undefined)[] = [];

function wordsOf(book: CompiledCodebook, text: string, astral: boolean): Words {
  if (astral) {
    const tokens = tokenize(text);
    const sentences = new SpanBuffer();
    for (const sp of splitSentences(text)) sentences.push(sp.start, sp.end);
    const starts = tokens.map((t) => t.start);
    const ends = tokens.map((t) => t.end);
    const infos = tokens.map((t) => wordInfo(book, t.norm));
    return { text, count: tokens.length, starts, ends, keys: null, hashes: [], codes: new Uint16Array(0), infos, surfaces: tokens.map((t) => t.text), sentences };
  }
  // Without astral characters UTF-16 indices are code points: scan the units without building token
  // objects, and look words up by their surface form first (no normalising of words already seen),
  // and only when a term could start with their first letters or they are needed to finish a phrase.
  const codes = units.load(text);
  scanUnits(codes, text.length, buffer);
  const infos = infoScratch;
  if (infos.length < buffer.count) infos.length = buffer.count;
  infos.fill(undefined, 0, buffer.count);
  splitAtMarksInto(text, buffer.marks, buffer.markCount, spans);
  return { text, count: buffer.count, starts: buffer.starts, ends: buffer.ends, keys: buffer.keys, hashes: buffer.hashes, codes, infos, surfaces: null, sentences: spans };
}

/** What word i of `words` matches, looked up on first need. */
function infoAt(book: CompiledCodebook, words: Words, i: number): WordInfo {
  let info = words.infos[i];
  if (info === undefined) {
    info = book.bySurface.get(words.text, words.codes, words.starts[i]!, words.ends[i]!, words.hashes[i]!, book.make);
    words.infos[i] = info;
  }
  return info;
}

const surfaceOf = (words: Words, i: number) => words.surfaces?.[i] ?? words.text.slice(words.starts[i], words.ends[i]);

/**
 * Values by surface form, looked up by a stretch of a text without cutting it out: an open-addressing
 * table on an FNV-1a hash of the UTF-16 units, so the hot loop allocates no string per word. Keys are
 * kept as units in one pool, and compared with the text's units (see CodeUnits).
 */
export class SurfaceTable<V> {
  private slots = new Int32Array(1 << 12).fill(-1);
  private hashes = new Int32Array(1 << 11);
  /** Entry e's key is pool[keyAt[e] … keyAt[e] + keyLength[e] − 1]. */
  private keyAt = new Int32Array(1 << 11);
  private keyLength = new Int32Array(1 << 11);
  private pool = new Uint16Array(1 << 14);
  private used = 0;
  private readonly values: V[] = [];

  get size(): number {
    return this.values.length;
  }

  /**
   * The value for text[from, to) — whose units are codes[from, to) and whose hashOf() is `h` — made
   * (from that string) and kept on first sight.
   */
  get(text: string, codes: Uint16Array, from: number, to: number, h: number, make: (surface: string) => V): V {
    const mask = this.slots.length - 1;
    const length = to - from;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s]!;
      if (e === -1) return this.add(s, text, codes, from, to, h, make);
      if (this.hashes[e] !== h || this.keyLength[e] !== length) continue;
      const pool = this.pool;
      let k = this.keyAt[e]!;
      let i = from;
      while (i < to && pool[k] === codes[i]) {
        k++;
        i++;
      }
      if (i === to) return this.values[e]!;
    }
  }

  private add(slot: number, text: string, codes: Uint16Array, from: number, to: number, h: number, make: (surface: string) => V): V {
    // a copy: a substring would keep the whole document alive for as long as the table lives
    const value = make(detach(text.slice(from, to)));
    const e = this.values.length;
    if (e === this.hashes.length) {
      this.hashes = grown(this.hashes);
      this.keyAt = grown(this.keyAt);
      this.keyLength = grown(this.keyLength);
    }
    const length = to - from;
    if (this.used + length > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.used + length));
      pool.set(this.pool);
      this.pool = pool;
    }
    this.pool.set(codes.subarray(from, to), this.used);
    this.slots[slot] = e;
    this.hashes[e] = h;
    this.keyAt[e] = this.used;
    this.keyLength[e] = length;
    this.used += length;
    this.values.push(value);
    if (this.values.length * 2 > this.slots.length) this.rehash();
    return value;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let e = 0; e < this.values.length; e++) {
      let s = this.hashes[e]! & mask;
      while (slots[s] !== -1) s = (s + 1) & mask;
      slots[s] = e;
    }
    this.slots = slots;
  }
}

/** Regions of a document that are coded: respondents' turns in interviews, the whole text elsewhere (code points). */
function regions(doc: Pick<CorpusDocument, 'type' | 'turns'>, length: number): { start: number; end: number; speaker: string | null }[] {
  if (doc.type !== 'interview') return [{ start: 0, end: length, speaker: null }];
  const out: Turn[] = [];
  for (const t of doc.turns) if (t.speaker !== INTERVIEWER) out.push(t);
  return out;
}

export interface AutoCodeOptions {
  /** Maps a code-point offset of the plain text to a file line (default: 0). */
  lineOf?: (offset: number) => number;
  /** Also list every term hit (for term-matches.csv and messages); counting does not need them. */
  hits?: boolean;
  /** Only what counting needs: segments without their text, id and line (empty, empty, 0). */
  countOnly?: boolean;
}

/** Automatic coding of one document. */
export function autoCode(doc: Pick<CorpusDocument, 'id' | 'type' | 'turns' | 'plainText'>, book: CompiledCodebook, options: AutoCodeOptions = {}): AutoResult {
  const lineOf = options.lineOf ?? (() => 0);
  const countOnly = options.countOnly === true;
  const wantHits = options.hits !== false && !countOnly;
  // Code points equal UTF-16 units unless the text has astral characters; only then split it up.
  const chars = /[\uD800-\uDBFF]/.test(doc.plainText) ? Array.from(doc.plainText) : null;
  const slice = (a: number, b: number) => (chars ? chars.slice(a, b).join('') : doc.plainText.slice(a, b));
  const length = chars ? chars.length : doc.plainText.length;
  const segments: Segment[] = [];
  const hits: TermHit[] = [];
  // Per sentence: the codes found (in order of discovery) and those excluded by a `not:` term, marked
  // with the sentence's generation number so nothing needs clearing; the hits as (code, term, word).
  const { found, excluded } = book.marks;
  const codesFound = book.marks.list;
  let nFound = 0;
  const sentenceHits: { code: number; entry: IndexedTerm; word: number }[] = [];
  for (const region of regions(doc, length)) {
    const text = slice(region.start, region.end);
    const words = wordsOf(book, text, chars !== null);
    const { count, starts, ends, keys, codes } = words;
    const prefixes = keys === null ? null : book.prefixes;
    const two = prefixes?.two;
    const three = prefixes?.three;
    let t = 0;
    const sentences = words.sentences;
    for (let si = 0; si < sentences.count; si++) {
      const sStart = sentences.starts[si]!;
      const sEnd = sentences.ends[si]!;
      while (t < count && starts[t]! < sStart) t++;
      const first = t;
      while (t < count && ends[t]! <= sEnd) t++;
      const last = t; // tokens first … last − 1 lie in the sentence
      if (book.marks.generation === 0x7fffffff) {
        found.fill(0);
        excluded.fill(0);
        book.marks.generation = 0;
      }
      const gen = ++book.marks.generation;
      nFound = 0;
      if (wantHits) sentenceHits.length = 0;
      for (let i = first; i < last; i++) {
        if (two !== undefined) {
          // No term can start here: no short term begins with its first two letters (or the word is
          // too short for those that do), and it is short, or the same holds for long terms and its
          // first three letters.
          const k = keys![i]!;
          if (k >= 0) {
            // k ≥ 0: no hyphen, and the first two characters are ASCII letters or digits
            const from = starts[i]!;
            const length = ends[i]! - from;
            const ascii = k < NON_ASCII;
            const m2 = two[ascii ? k : k - NON_ASCII]!;
            if (m2 === 0 || (ascii && length < m2)) {
              if (length < 3) continue;
              const k3 = tripleKey(codes[from]!, codes[from + 1]!, codes[from + 2]!);
              if (k3 >= 0) {
                const m3 = three![k3]!;
                if (m3 === 0 || (ascii && length < m3)) continue;
              }
            }
          }
        }
        const info = infoAt(book, words, i);
        if (info.candidates.length === 0) continue; // most words looked up start no term
        if (!wantHits) {
          // Only which codes the sentence has: one-word terms by their codes alone.
          const single = info.single;
          for (let c = 0; c < single.length; c++) {
            const code = single[c]!;
            if (found[code] !== gen) {
              found[code] = gen;
              codesFound[nFound++] = code;
            }
          }
          const singleNot = info.singleNot;
          for (let c = 0; c < singleNot.length; c++) excluded[singleNot[c]!] = gen;
        }
        const candidates = wantHits ? info.candidates : info.phrases;
        for (let c = 0; c < candidates.length; c++) {
          const e = candidates[c]!;
          const terms = e.term.words;
          if (i + terms.length > last) continue;
          let ok = true;
          for (let j = 1; j < terms.length && ok; j++) ok = wordMatches(terms[j]!, infoAt(book, words, i + j));
          if (!ok) continue;
          if (e.negative) {
            excluded[e.code] = gen;
            continue;
          }
          if (found[e.code] !== gen) {
            found[e.code] = gen;
            codesFound[nFound++] = e.code;
          }
          if (wantHits) sentenceHits.push({ code: e.code, entry: e, word: i });
        }
      }
      if (nFound === 0) continue;
      // Codebook order; insertion sort, as a sentence rarely has more than a few codes.
      for (let x = 1; x < nFound; x++) {
        const v = codesFound[x]!;
        let y = x - 1;
        for (; y >= 0 && codesFound[y]! > v; y--) codesFound[y + 1] = codesFound[y]!;
        codesFound[y + 1] = v;
      }
      const start = region.start + sStart;
      const sText = countOnly ? '' : text.slice(...utf16(text, sStart, sEnd, chars !== null));
      for (let x = 0; x < nFound; x++) {
        const code = codesFound[x]!;
        if (excluded[code] === gen) continue;
        if (wantHits) {
          for (const h of sentenceHits) {
            if (h.code !== code) continue;
            const n = h.entry.term.words.length;
            const matched = n === 1 ? surfaceOf(words, h.word) : Array.from({ length: n }, (_, j) => surfaceOf(words, h.word + j)).join(' ');
            hits.push({ code: book.codes[code]!.id, term: h.entry.term.term, surface: matched });
          }
        }
        segments.push({
          id: '',
          document: doc.id,
          code: book.codes[code]!.id,
          text: sText,
          start,
          end: region.start + sEnd,
          line: countOnly ? 0 : lineOf(start),
          column: 0,
          speaker: region.speaker,
          source: 'auto',
        });
      }
    }
  }
  if (!countOnly) segments.forEach((s, i) => (s.id = `${doc.id}~${i + 1}`));
  return { segments, hits };
}

/** UTF-16 bounds of the code-point span [start, end) of `text`. */
function utf16(text: string, start: number, end: number, astral: boolean): [number, number] {
  if (!astral) return [start, end];
  const chars = Array.from(text);
  const a = chars.slice(0, start).join('').length;
  return [a, a + chars.slice(start, end).join('').length];
}

/** Automatic coding of a whole corpus: segments per document id, and every term hit. */
export function autoCodeCorpus(documents: readonly CorpusDocument[], book: CompiledCodebook): { segments: Map<string, Segment[]>; hits: TermHit[] } {
  const segments = new Map<string, Segment[]>();
  const hits: TermHit[] = [];
  for (const doc of documents) {
    let lineAt: ((offset: number) => number) | undefined;
    const r = autoCode(doc, book, { lineOf: (offset) => doc.bodyLine + (lineAt ??= lineIndex(doc.plainText))(offset) - 1 });
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
