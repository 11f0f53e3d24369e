/**
 * Automatic coding from codebook `terms`: each sentence in which a term of a code occurs becomes an
 * automatic segment (source `auto`) of that code, unless the sentence also holds one of the code's
 * `not:` terms. Interviewer turns are not coded (questions would echo the codes they ask about).
 *
 * The codebook is compiled once (compile.ts); coding a document is then one pass over its words.
 */
import type { CorpusDocument, Segment, Turn } from '../model.js';
import { SpanBuffer, splitAtMarksInto, splitSentences } from '../text/sentences.js';
import { wildcardKey, type TermWord } from '../text/terms.js';
import { NON_ASCII, scanUnits, tripleKey } from '../text/scan.js';
import { tokenize } from '../text/tokenize.js';
import { INTERVIEWER } from '../parse/document.js';
import { lineIndex } from '../text/positions.js';
import { wordInfo, type CompiledCodebook, type CoderState, type IndexedTerm, type WordInfo } from './compile.js';

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

/** The words of `text`; without astral characters, in the scratch space of `state` (valid until the next call). */
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
  const state: CoderState = book.state;
  const buffer = state.words;
  const codes = state.units.load(text);
  scanUnits(codes, text.length, buffer);
  const infos = state.infos;
  if (infos.length < buffer.count) infos.length = buffer.count;
  infos.fill(undefined, 0, buffer.count);
  splitAtMarksInto(text, buffer.marks, buffer.markCount, state.sentences);
  return { text, count: buffer.count, starts: buffer.starts, ends: buffer.ends, keys: buffer.keys, hashes: buffer.hashes, codes, infos, surfaces: null, sentences: state.sentences };
}

/** What word i of `words` matches, looked up on first need. */
function infoAt(book: CompiledCodebook, words: Words, i: number): WordInfo {
  let info = words.infos[i];
  if (info === undefined) {
    info = book.state.bySurface.get(words.text, words.codes, words.starts[i]!, words.ends[i]!, words.hashes[i]!, book.state.make);
    words.infos[i] = info;
  }
  return info;
}

const surfaceOf = (words: Words, i: number) => words.surfaces?.[i] ?? words.text.slice(words.starts[i], words.ends[i]);

/** Regions of a document that are coded: respondents' turns in interviews, the whole text elsewhere (code points). */
function regions(doc: Pick<CorpusDocument, 'hasTurns' | 'turns'>, length: number): { start: number; end: number; speaker: string | null }[] {
  if (!doc.hasTurns) return [{ start: 0, end: length, speaker: null }];
  const out: Turn[] = [];
  for (const t of doc.turns) if (t.speaker !== INTERVIEWER) out.push(t);
  return out;
}

interface AutoCodeOptions {
  /** Maps a code-point offset of the plain text to a file line (default: 0). */
  lineOf?: (offset: number) => number;
  /** Also list every term hit (for term-matches.csv and messages); counting does not need them. */
  hits?: boolean;
  /** Only what counting needs: segments without their text, id and line (empty, empty, 0). */
  countOnly?: boolean;
}

/** A term found in the sentence being coded: its code, the term, and the word it starts at. */
interface SentenceHit {
  code: number;
  entry: IndexedTerm;
  word: number;
}

/** Coding one document: its options, and what has been found so far. */
interface DocumentRun {
  doc: Pick<CorpusDocument, 'id'>;
  book: CompiledCodebook;
  lineOf: (offset: number) => number;
  countOnly: boolean;
  /** The hits of the current sentence, or null when hits are not wanted. */
  sentenceHits: SentenceHit[] | null;
  astral: boolean;
  segments: Segment[];
  hits: TermHit[];
}

/** Automatic coding of one document. */
export function autoCode(doc: Pick<CorpusDocument, 'id' | 'hasTurns' | 'turns' | 'plainText'>, book: CompiledCodebook, options: AutoCodeOptions = {}): AutoResult {
  const countOnly = options.countOnly === true;
  // Code points equal UTF-16 units unless the text has astral characters; only then split it up.
  const chars = /[\uD800-\uDBFF]/.test(doc.plainText) ? Array.from(doc.plainText) : null;
  const slice = (a: number, b: number) => (chars ? chars.slice(a, b).join('') : doc.plainText.slice(a, b));
  const run: DocumentRun = {
    doc,
    book,
    lineOf: options.lineOf ?? (() => 0),
    countOnly,
    sentenceHits: options.hits !== false && !countOnly ? [] : null,
    astral: chars !== null,
    segments: [],
    hits: [],
  };
  const marks = book.state.marks;
  for (const region of regions(doc, chars ? chars.length : doc.plainText.length)) {
    const words = wordsOf(book, slice(region.start, region.end), chars !== null);
    const prefixes = words.keys === null ? null : book.prefixes;
    const { count, starts, ends, sentences } = words;
    let t = 0;
    for (let si = 0; si < sentences.count; si++) {
      const sStart = sentences.starts[si]!;
      const sEnd = sentences.ends[si]!;
      while (t < count && starts[t]! < sStart) t++;
      const first = t;
      while (t < count && ends[t]! <= sEnd) t++;
      // Per sentence: codes found and excluded are marked with the sentence's generation number, so
      // nothing needs clearing between sentences.
      if (marks.generation === 0x7fffffff) {
        marks.found.fill(0);
        marks.excluded.fill(0);
        marks.generation = 0;
      }
      const gen = ++marks.generation;
      if (run.sentenceHits !== null) run.sentenceHits.length = 0;
      const found = codesOfSentence(book, words, first, t, gen, prefixes, run.sentenceHits);
      if (found > 0) addSegments(run, region, words, sStart, sEnd, found, gen);
    }
  }
  if (!countOnly) run.segments.forEach((s, i) => (s.id = `${doc.id}~${i + 1}`));
  return { segments: run.segments, hits: run.hits };
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
        list[n++] = e.code;
      }
      if (hits !== null) hits.push({ code: e.code, entry: e, word: i });
    }
  }
  return n;
}

/** The segments (and hits) of a sentence whose `n` codes codesOfSentence() listed, in codebook order. */
function addSegments(run: DocumentRun, region: { start: number; speaker: string | null }, words: Words, sStart: number, sEnd: number, n: number, gen: number): void {
  const { book, countOnly } = run;
  const { excluded, list } = book.state.marks;
  // Codebook order; insertion sort, as a sentence rarely has more than a few codes.
  for (let x = 1; x < n; x++) {
    const v = list[x]!;
    let y = x - 1;
    for (; y >= 0 && list[y]! > v; y--) list[y + 1] = list[y]!;
    list[y + 1] = v;
  }
  const start = region.start + sStart;
  const text = countOnly ? '' : words.text.slice(...utf16(words.text, sStart, sEnd, run.astral));
  for (let x = 0; x < n; x++) {
    const code = list[x]!;
    if (excluded[code] === gen) continue;
    const id = book.codes[code]!.id;
    if (run.sentenceHits !== null) {
      for (const h of run.sentenceHits) {
        if (h.code !== code) continue;
        const len = h.entry.term.words.length;
        const matched = len === 1 ? surfaceOf(words, h.word) : Array.from({ length: len }, (_, j) => surfaceOf(words, h.word + j)).join(' ');
        run.hits.push({ code: id, term: h.entry.term.term, surface: matched });
      }
    }
    const line = countOnly ? 0 : run.lineOf(start);
    run.segments.push({ id: '', document: run.doc.id, code: id, text, start, end: region.start + sEnd, line, column: 0, speaker: region.speaker, source: 'auto' });
  }
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
  const doc = { id: 'example', hasTurns: false, turns: [], plainText: text };
  return autoCode(doc, book).hits.find((h) => h.code === code) ?? null;
}
