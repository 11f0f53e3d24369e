/**
 * `werkscan scan`: a draft plan held against the study's recommendations and stimulating factors.
 *
 * Each code on the checklist is *present* (the plan says something about it: a sentence of at least
 * SUBSTANCE_WORDS words that codes it), *mentioned* (named only in a heading, a list line or a short
 * sentence) or *missing* (nothing codes it). Coding is the study's own: the automatic coding of the
 * codebook's terms (and, when asked, the coder learned from the study's hand coding), and any spans
 * the plan's author coded by hand. The plan's main topic (work, in the
 * shipped study) gets its own line: described at length when at least a quarter
 * of the plan's sentences name it (a heading alone is not enough: a summary's "Work in this plan" heading
 * over two sentences is not a described topic), mentioned when any sentence does.
 */
import type { Code, Codebook, CorpusDocument, ScanSettings, Segment } from '../model.js';
import { autoCode } from '../autocode/code.js';
import type { CompiledCodebook } from '../autocode/compile.js';
import { splitSentences } from '../text/sentences.js';
import { lineIndex } from '../text/positions.js';

export type ScanStatus = 'present' | 'mentioned' | 'missing';

/** A sentence of at least this many words says something about a code; a shorter one only names it. */
const SUBSTANCE_WORDS = 10;
/** The topic is described at length when at least this share of the plan's sentences names it (and at least TOPIC_MIN). */
const TOPIC_SHARE = 0.25;
const TOPIC_MIN = 3;

export interface Evidence {
  /** Line in the plan's file; null for a converted plan (Word, PDF), whose lines are not the original's. */
  line: number | null;
  /** Page of a PDF plan (from its `<!-- p. N -->` anchors). */
  page?: number;
  text: string;
  /** A heading, a list line or a sentence under SUBSTANCE_WORDS words. */
  brief: boolean;
}

export interface ScanItem {
  code: string;
  label: string;
  category: string;
  status: ScanStatus;
  evidence: Evidence[];
  /** The code's definition: why it is on the list. */
  why: string;
  /** The obstructions it counters (the code's `addresses`). */
  addresses: { code: string; label: string }[];
}

export interface TopicLine {
  label: string;
  status: ScanStatus;
  /** Sentences that name the topic, of all sentences of the plan. */
  sentences: number;
  of: number;
  heading: boolean;
  evidence: Evidence[];
}

export interface ScanResult {
  document: string;
  topic: TopicLine | null;
  items: ScanItem[];
  counts: Record<ScanStatus, number>;
}

/** The settings when the project file has none: every code of a stimulating category, no topic line. */
export function defaultScanSettings(codebook: Pick<Codebook, 'categories'>): Omit<ScanSettings, 'origin'> {
  return { subquestions: [], categories: codebook.categories.filter((c) => c.polarity === 'stimulerend').map((c) => c.id), excludeCategories: [], topic: null };
}

/** The codes on the checklist, in codebook order. */
export function checklistCodes(codebook: Pick<Codebook, 'codes'>, settings: Omit<ScanSettings, 'origin'>): Code[] {
  return codebook.codes.filter(
    (c) => !settings.excludeCategories.includes(c.category) && (settings.categories.includes(c.category) || c.subquestions.some((s) => settings.subquestions.includes(s))),
  );
}

const words = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
/** A heading or list line: the start of a line marked as one. */
const isMarked = (text: string) => /^\s*(#{1,6}\s|[-*+]\s|\d+[.)]\s)/.test(text);

/**
 * A sentence as evidence. A heading or list line not followed by a blank line runs into the next
 * sentence; only what follows its first line can give it substance.
 */
function evidenceOf(s: Pick<Segment, 'line' | 'text'>): Evidence {
  const nl = s.text.indexOf('\n');
  const body = !isMarked(s.text) ? s.text : nl >= 0 ? s.text.slice(nl + 1) : '';
  return { line: s.line, text: s.text.replace(/\s+/g, ' ').trim(), brief: words(body) < SUBSTANCE_WORDS };
}

/** The first sentence of a definition: the reason a code is on the list. */
function firstSentence(description: string): string {
  // the coder's notes (include: …, exclude: …) are not the reason
  const text = description.replace(/\s+/g, ' ').split(/\s(?:include|exclude):/)[0]!.trim();
  const first = splitSentences(text)[0];
  return first ? text.slice(first.start, first.end).trim() : text;
}

export interface ScanInput {
  doc: CorpusDocument;
  codebook: Pick<Codebook, 'codes'>;
  book: CompiledCodebook;
  /** The topic's terms compiled as one code (see topicBook); null: no topic line. */
  topic: { label: string; book: CompiledCodebook } | null;
  settings: Omit<ScanSettings, 'origin'>;
  /** Lines of front matter that the plan's file does not have (added for a plan without one). */
  lineShift: number;
  /** The text was converted from another format: give pages where it has them, no lines. */
  converted?: boolean;
  /** Code with the codebook's terms (default true). */
  terms?: boolean;
  /** Further automatic segments of the plan (the learned coder's), lines as in the parsed text. */
  extra?: readonly Segment[];
}

export function scanPlan(input: ScanInput): ScanResult {
  const { doc, codebook, book, settings } = input;
  const lineAt = lineIndex(doc.plainText);
  const lineOf = (offset: number) => doc.bodyLine + lineAt(offset) - 1 - input.lineShift;
  const locate = input.converted ? pageLocator(doc) : (e: Evidence) => e;
  const byCode = new Map<string, Evidence[]>();
  const add = (s: Segment) => {
    let list = byCode.get(s.code);
    if (!list) byCode.set(s.code, (list = []));
    const e = evidenceOf(s);
    if (!list.some((x) => x.line === e.line && x.text === e.text)) list.push(e);
  };
  if (input.terms !== false) for (const s of autoCode(doc, book, { lineOf }).segments) add(s);
  for (const s of [...doc.segments, ...(input.extra ?? [])]) add({ ...s, line: s.line - input.lineShift });
  const label = new Map(codebook.codes.map((c) => [c.id, c.label]));
  const items = checklistCodes(codebook, settings).map((c): ScanItem => {
    const evidence = (byCode.get(c.id) ?? []).sort((a, b) => a.line! - b.line!).map(locate);
    const status: ScanStatus = evidence.length === 0 ? 'missing' : evidence.some((e) => !e.brief) ? 'present' : 'mentioned';
    return { code: c.id, label: c.label, category: c.category, status, evidence, why: firstSentence(c.description), addresses: c.addresses.map((a) => ({ code: a, label: label.get(a) ?? a })) };
  });
  const counts = { present: 0, mentioned: 0, missing: 0 };
  for (const i of items) counts[i.status]++;
  const topic = input.topic ? topicLine(doc, input.topic, lineOf) : null;
  return { document: doc.id, topic: topic && { ...topic, evidence: topic.evidence.map(locate) }, items, counts };
}

/** For a converted plan: the page of each sentence (the last `<!-- p. N -->` above its line), and no line. */
function pageLocator(doc: CorpusDocument): (e: Evidence) => Evidence {
  const anchors: { line: number; page: number }[] = [];
  doc.plainText.split('\n').forEach((text, i) => {
    const m = /^<!-- p\. (\d+) -->$/.exec(text.trim());
    if (m) anchors.push({ line: doc.bodyLine + i, page: Number(m[1]) });
  });
  return (e) => {
    const page = anchors.findLast((a) => e.line !== null && a.line <= e.line)?.page;
    return { ...e, line: null, ...(page !== undefined ? { page } : {}) };
  };
}

function topicLine(doc: CorpusDocument, topic: { label: string; book: CompiledCodebook }, lineOf: (offset: number) => number): TopicLine {
  const evidence = autoCode(doc, topic.book, { lineOf }).segments.map(evidenceOf);
  const of = splitSentences(doc.plainText).filter((s) => /[\p{L}\p{N}]/u.test(doc.plainText.slice(s.start, s.end))).length;
  const heading = evidence.some((e) => /^#{1,6}\s/.test(e.text));
  const status: ScanStatus = evidence.length === 0 ? 'missing' : evidence.length >= Math.max(TOPIC_MIN, TOPIC_SHARE * of) ? 'present' : 'mentioned';
  return { label: topic.label, status, sentences: evidence.length, of, heading, evidence };
}

/** The topic's terms as a codebook of one code, for the automatic coder. */
export function topicCodebook(terms: readonly string[]): Pick<Codebook, 'codes'> {
  const code: Code = {
    id: 'topic',
    label: 'topic',
    category: 'topic',
    subquestions: [],
    parent: null,
    description: '',
    terms: [...terms],
    not: [],
    addresses: [],
    examples: { match: [], nomatch: [] },
    origin: { file: '', line: 0, column: 0 },
    fieldOrigins: {},
  };
  return { codes: [code] };
}
