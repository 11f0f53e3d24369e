/**
 * Counting: which documents, respondents and cases a filter selects, and which of them carry a code.
 *
 * A filter is matched per speaker context (document, respondent or none). A key resolves to the
 * respondent's attribute (role, domain, …; never its `id`), else the document's front matter, else its
 * case's attributes. With no respondent keys in the filter every context of a document agrees, so the
 * filter selects documents, as the SPEC says; with them it also selects respondents and their segments.
 */
import { ancestors } from '../parse/codebook.js';
import type { Attributes, Case, CorpusDocument, Project, Respondent, Segment, Source } from '../model.js';
import { INTERVIEWER } from '../parse/document.js';

export type SourceChoice = Source | 'any';

export interface CountOptions {
  where?: Attributes;
  source?: SourceChoice;
  rollup?: boolean;
  /** Automatic segments per document id (from automatic coding), used for source auto and any. */
  auto?: ReadonlyMap<string, readonly Segment[]>;
  /** Selections and coded units to share between the reports of one bundle (see countCache). */
  cache?: CountCache;
}

/**
 * What several reports of one bundle ask for alike — the frequencies, the matrix and the co-occurrences
 * all count the whole corpus — kept for as long as the bundle is built. It serves one project and one
 * automatic coding; asked about another, it is passed by.
 */
interface CountCache {
  project: Project;
  auto: CountOptions['auto'];
  entries: Map<string, { selection: Selection; coded: Map<string, CodedUnits> }>;
}

export function countCache(project: Project, auto?: CountOptions['auto']): CountCache {
  return { project, auto, entries: new Map() };
}

/** A filter as a string that does not depend on the order of its keys (for grouping and caching). */
export function filterKey(where: Attributes): string {
  return JSON.stringify(Object.entries(where).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The selection for `where` and the units every code has there: from options.cache, or counted now. */
export function counted(project: Project, options: CountOptions, where: Attributes = options.where ?? {}): { selection: Selection; coded: Map<string, CodedUnits> } {
  const cache = options.cache;
  const usable = cache !== undefined && cache.project === project && cache.auto === options.auto;
  const key = JSON.stringify([filterKey(where), options.source ?? 'manual', options.rollup === true]);
  const known = usable ? cache.entries.get(key) : undefined;
  if (known) return known;
  const selection = select(project, where);
  const result = { selection, coded: codedUnits(project, selection, { ...options, where }) };
  if (usable) cache.entries.set(key, result);
  return result;
}

export interface Selection {
  documents: CorpusDocument[];
  /** Population keys per unit. */
  population: { document: Set<string>; case: Set<string>; respondent: Set<string> };
  /** Does a segment said in this context count? (It depends on the document and the segment's speaker only.) */
  counts(doc: CorpusDocument, segment: Pick<Segment, 'speaker'>): boolean;
}

interface CodedUnits {
  segments: Segment[];
  document: Set<string>;
  case: Set<string>;
  respondent: Set<string>;
}

export const respondentKey = (caseId: string, id: string) => `${caseId}/${id}`;

export function respondentOf(doc: CorpusDocument, speaker: string | null): Respondent | null {
  if (speaker === null || speaker === INTERVIEWER) return null;
  return doc.respondents.find((r) => r.id === speaker) ?? null;
}

/** @memo Cases by id, built once per case list (counting document by document selects once per document). */
const byId = new WeakMap<readonly Case[], Map<string, Case>>();
function casesById(cases: readonly Case[]): Map<string, Case> {
  let m = byId.get(cases);
  if (!m) byId.set(cases, (m = new Map(cases.map((c) => [c.id, c]))));
  return m;
}

export function select(project: Project, where: Attributes = {}): Selection {
  const cases = casesById(project.corpus.cases);
  const keys = Object.keys(where);
  const matches = (doc: CorpusDocument, respondent: Respondent | null) =>
    keys.every((key) => {
      const fromRespondent = key === 'id' ? undefined : respondent?.attrs[key];
      const value = fromRespondent ?? doc.attrs[key] ?? cases.get(doc.case)?.attrs[key];
      return value === where[key];
    });

  const documents: CorpusDocument[] = [];
  const population = { document: new Set<string>(), case: new Set<string>(), respondent: new Set<string>() };
  // Documents selected in their own right (not only through a respondent), by identity: cheaper than by id.
  const atDocumentLevel = new Set<CorpusDocument>();
  for (const doc of project.corpus.documents) {
    const atDocument = matches(doc, null);
    let selected = atDocument;
    for (const r of doc.respondents) {
      if (!matches(doc, r)) continue;
      selected = true;
      population.respondent.add(respondentKey(doc.case, r.id));
    }
    if (!selected) continue;
    if (atDocument) atDocumentLevel.add(doc);
    documents.push(doc);
    population.document.add(doc.id);
    population.case.add(doc.case);
  }
  return {
    documents,
    population,
    counts(doc, segment) {
      const respondent = respondentOf(doc, segment.speaker);
      return respondent ? matches(doc, respondent) : atDocumentLevel.has(doc);
    },
  };
}

function segmentsOf(doc: CorpusDocument, options: CountOptions): readonly Segment[] {
  const source = options.source ?? 'manual';
  const auto = options.auto?.get(doc.id) ?? [];
  if (source === 'manual') return doc.segments;
  if (source === 'auto') return auto;
  return [...doc.segments, ...auto];
}

/**
 * For every code of the codebook (and any unknown code met), the segments and units that carry it; with
 * `only`, for those codes alone (a finding names one to three: the rest would be gathered for nothing).
 */
export function codedUnits(project: Project, selection: Selection, options: CountOptions = {}, only?: readonly string[]): Map<string, CodedUnits> {
  const out = new Map<string, CodedUnits>();
  const entry = (code: string) => {
    let e = out.get(code);
    if (!e) {
      e = { segments: [], document: new Set(), case: new Set(), respondent: new Set() };
      out.set(code, e);
    }
    return e;
  };
  const wanted = only ? new Set(only) : null;
  for (const id of only ?? project.codebook.codes.map((c) => c.id)) entry(id);
  eachCounted(project, selection, options, (code, s, doc, respondent) => {
    if (wanted !== null && !wanted.has(code)) return;
    const e = entry(code);
    e.segments.push(s);
    e.document.add(doc.id);
    e.case.add(doc.case);
    if (respondent !== null) e.respondent.add(respondent);
  });
  return out;
}

/**
 * Every segment the selection counts, once per code it counts for (its own, and with `rollup` its
 * ancestors'), with the key of the respondent who said it (null: not a respondent).
 */
export function eachCounted(
  project: Project,
  selection: Selection,
  options: CountOptions,
  visit: (code: string, segment: Segment, doc: CorpusDocument, respondent: string | null) => void,
): void {
  const lift = new Map<string, string[]>();
  for (const doc of selection.documents) {
    // Per speaker, once per document: whether the selection counts what they said (that depends on the
    // speaker only), and their respondent key. false: not counted.
    const speakers = new Map<string | null, string | null | false>();
    for (const s of segmentsOf(doc, options)) {
      let respondent = speakers.get(s.speaker);
      if (respondent === undefined) {
        const r = respondentOf(doc, s.speaker);
        speakers.set(s.speaker, (respondent = !selection.counts(doc, s) ? false : r ? respondentKey(doc.case, r.id) : null));
      }
      if (respondent === false) continue;
      visit(s.code, s, doc, respondent);
      if (options.rollup) {
        let a = lift.get(s.code);
        if (!a) lift.set(s.code, (a = ancestors(project.codebook, s.code)));
        for (const code of a) visit(code, s, doc, respondent);
      }
    }
  }
}

export interface FrequencyRow {
  code: string;
  label: string;
  category: string;
  segments: number;
  documents: number;
  respondents: number;
  cases: number;
}

export function frequencies(project: Project, options: CountOptions = {}): { rows: FrequencyRow[]; population: Selection['population'] } {
  const { selection, coded } = counted(project, options);
  const rows = project.codebook.codes.map((c) => {
    const e = coded.get(c.id)!;
    return {
      code: c.id,
      label: c.label,
      category: c.category,
      segments: e.segments.length,
      documents: e.document.size,
      respondents: e.respondent.size,
      cases: e.case.size,
    };
  });
  return { rows, population: selection.population };
}
