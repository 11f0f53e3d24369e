/**
 * Automatic coding from codebook `terms`: each sentence in which a term of a code occurs becomes an
 * automatic segment (source `auto`) of that code, unless the sentence also holds one of the code's
 * `not:` terms. Interviewer turns are not coded (questions would echo the codes they ask about).
 *
 * The codebook is compiled once (compile.ts); coding a document is then one pass over its words.
 */
import type { CorpusDocument, Segment, Turn } from '../model.js';
import { INTERVIEWER } from '../parse/document.js';
import { lineIndex } from '../text/positions.js';
import type { CompiledCodebook } from './compile.js';
import { allowedIn, eachSentence, type SentenceHit } from './sentence.js';
import { answerCodes, askedCodes, type Asked } from './question.js';
import { surfaceOf, utf16, wordsOf, type Words } from './words.js';

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

interface Region {
  start: number;
  end: number;
  speaker: string | null;
  /** The interviewer's turn just before a respondent's turn, or null. */
  question: Turn | null;
}

/** Regions of a document that are coded: respondents' turns in interviews, the whole text elsewhere (code points). */
function regions(doc: Pick<CorpusDocument, 'hasTurns' | 'turns'>, length: number): Region[] {
  if (!doc.hasTurns) return [{ start: 0, end: length, speaker: null, question: null }];
  const out: Region[] = [];
  doc.turns.forEach((t, i) => {
    const previous = i > 0 ? doc.turns[i - 1]! : null;
    if (t.speaker !== INTERVIEWER) out.push({ start: t.start, end: t.end, speaker: t.speaker, question: previous?.speaker === INTERVIEWER ? previous : null });
  });
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

/** Coding one document: its options, and what has been found so far. */
interface DocumentRun {
  doc: Pick<CorpusDocument, 'id'>;
  /** The document's type (undefined: a text without one, such as a codebook example: every code may apply). */
  docType: string | undefined;
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
export function autoCode(doc: Pick<CorpusDocument, 'id' | 'hasTurns' | 'turns' | 'plainText'> & { type?: string }, book: CompiledCodebook, options: AutoCodeOptions = {}): AutoResult {
  const countOnly = options.countOnly === true;
  // Code points equal UTF-16 units unless the text has astral characters; only then split it up.
  const chars = /[\uD800-\uDBFF]/.test(doc.plainText) ? Array.from(doc.plainText) : null;
  const slice = (a: number, b: number) => (chars ? chars.slice(a, b).join('') : doc.plainText.slice(a, b));
  const run: DocumentRun = {
    doc,
    docType: doc.type,
    book,
    lineOf: options.lineOf ?? (() => 0),
    countOnly,
    sentenceHits: options.hits !== false && !countOnly ? [] : null,
    astral: chars !== null,
    segments: [],
    hits: [],
  };
  for (const region of regions(doc, chars ? chars.length : doc.plainText.length)) {
    // the question first: coding it reuses the scratch space the answer's words are then put in
    const q = region.question !== null && book.questionCodes.length > 0 ? region.question : null;
    const asked = q === null ? [] : askedCodes(book, slice(q.start, q.end), chars !== null, run.sentenceHits !== null);
    const words = wordsOf(book, slice(region.start, region.end), chars !== null);
    const before = run.segments.length;
    eachSentence(book, words, run.sentenceHits, (sStart, sEnd, found, gen) => addSegments(run, region, words, sStart, sEnd, found, gen));
    if (asked.length > 0) fromQuestion(run, region, words, answerCodes(book, words, asked), before);
  }
  if (!countOnly) run.segments.forEach((s, i) => (s.id = `${doc.id}~${i + 1}`));
  return { segments: run.segments, hits: run.hits };
}

/** The segments (and hits) of a sentence whose `n` codes codesOfSentence() listed, in codebook order. */
function addSegments(run: DocumentRun, region: Region, words: Words, sStart: number, sEnd: number, n: number, gen: number): void {
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
    if (excluded[code] === gen || !allowedIn(book, code, run.docType)) continue;
    const id = book.codes[code]!.id;
    if (run.sentenceHits !== null) {
      for (const h of run.sentenceHits) {
        if (h.code !== code) continue;
        run.hits.push({ code: id, term: h.entry.term.term, surface: h.at.map((k) => surfaceOf(words, k)).join(' ') });
      }
    }
    const line = countOnly ? 0 : run.lineOf(start);
    run.segments.push({ id: '', document: run.doc.id, code: id, text, start, end: region.start + sEnd, line, column: 0, speaker: region.speaker, source: 'auto' });
  }
}

/** Segments over a whole short answer for the codes it takes from the question (those it has not got itself). */
function fromQuestion(run: DocumentRun, region: Region, words: Words, codes: readonly Asked[], before: number): void {
  const { book, countOnly } = run;
  for (const a of codes) {
    const id = book.codes[a.code]!.id;
    if (!allowedIn(book, a.code, run.docType) || run.segments.some((s, i) => i >= before && s.code === id)) continue;
    if (run.sentenceHits !== null) run.hits.push({ code: id, term: a.term, surface: a.surface });
    const text = countOnly ? '' : words.text;
    run.segments.push({ id: '', document: run.doc.id, code: id, text, start: region.start, end: region.end, line: countOnly ? 0 : run.lineOf(region.start), column: 0, speaker: region.speaker, source: 'auto' });
  }
}

/** Automatic coding of a whole corpus: segments per document id, and every term hit (none with `hits: false`, the faster path for callers that only count). */
export function autoCodeCorpus(documents: readonly CorpusDocument[], book: CompiledCodebook, options: { hits?: boolean } = {}): { segments: Map<string, Segment[]>; hits: TermHit[] } {
  const segments = new Map<string, Segment[]>();
  const hits: TermHit[] = [];
  for (const doc of documents) {
    let lineAt: ((offset: number) => number) | undefined;
    const r = autoCode(doc, book, { lineOf: (offset) => doc.bodyLine + (lineAt ??= lineIndex(doc.plainText))(offset) - 1, hits: options.hits });
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
