/**
 * What index.html's heatmap shows, worked out from the report input: the columns (cases grouped by the
 * comparison axis), the rows (codes grouped by sub-question, category and polarity), counts per mode, the
 * segments behind every cell (for the drill-down) and the claims that rest on them. Pure.
 */
import { caseMatrix, type Matrix } from '../../core/count/compare.js';
import { respondentOf, select } from '../../core/count/select.js';
import { POLARITIES, type Code, type CorpusDocument, type Project, type Segment } from '../../core/model.js';
import { groupFilter, groupLabel } from '../axis.js';
import type { ReportInput } from '../input.js';
import type { PageWords } from './words.js';

/** segments, respondents, presence */
export const MODES = 3;

export interface ColumnGroup {
  label: string;
  /** Indices into `cases`, in column order. */
  cases: number[];
}

export interface RowGroup {
  subquestion: { id: string; text: string } | null;
  categories: { id: string; label: string; polarity: string; codes: number[] }[];
}

/** A segment for the drill-down: id, code index, case index, document index, line, speaker, role, text. */
type SegmentRow = [string, number, number, number, number, string | null, string | null, string];
/** A claim: id, mark, section, claim, quantifier, k, n, unit, margin, code indices, case indices. */
type ClaimRow = [string, string, string, string, string, number, number, string, string, number[], number[]];

export interface HeatmapData {
  cases: { id: string; name: string }[];
  codes: Code[];
  columns: ColumnGroup[];
  rows: RowGroup[];
  /** [mode][code][case] */
  counts: number[][][];
  /** Per mode the colour scale: upper bound of each level and its class number (1–5). */
  scales: [number, number][][];
  docs: [string, string][];
  segments: SegmentRow[];
  claims: ClaimRow[];
  /** What the columns are grouped by, as the page names it: `comparison.group_word`, else the axis attribute (null: none). */
  axis: string | null;
  /** Documents whose own axis value differs from their case's, as the page words them. */
  crossing: string[];
}

const MARK: Record<string, string> = { reproduced: '✓', failed: '✗', 'known-discrepancy': '≠', 'stale-discrepancy': '✗' };

/** Up to five levels: one per value up to 5, else log-spaced upper bounds ending at the maximum. */
function colourScale(max: number): [number, number][] {
  if (max <= 0) return [];
  const levels = Math.min(5, max);
  const bounds: number[] = [];
  for (let k = 1; k <= levels; k++) {
    const b = max <= 5 ? k : Math.round(Math.pow(max, k / levels));
    bounds.push(Math.max(b, (bounds[k - 2] ?? 0) + 1));
  }
  bounds[bounds.length - 1] = max;
  return bounds.map((b, i) => [b, Math.ceil(((i + 1) * 5) / levels)]);
}

/** The class number of a count on a scale (0 for nothing). */
export function level(scale: readonly [number, number][], v: number): number {
  if (v <= 0) return 0;
  return (scale.find(([b]) => v <= b) ?? scale[scale.length - 1]!)[1];
}

/**
 * Cases in column order: groups of the axis (comparison groups first, then the schema's, then as found).
 * A group with a `comparison.population` shows the cases outside it as a group of their own after it, so
 * its columns and subtotal count what the claims and deelvragen.md count.
 */
function columnGroups(project: Project, caseIds: readonly string[], words: PageWords): { order: string[]; groups: { label: string; ids: string[] }[] } {
  const settings = project.settings;
  const axis = settings.comparison?.axis;
  if (axis === undefined) return { order: [...caseIds], groups: [{ label: words.allCases, ids: [...caseIds] }] };
  const attrs = new Map(project.corpus.cases.map((c) => [c.id, c.attrs]));
  const declared = (settings.attributes.cases[axis]?.values ?? []).map((v) => v.value);
  const values = [...new Set([...(settings.comparison?.groups ?? []), ...declared, ...caseIds.map((id) => attrs.get(id)?.[axis] ?? '')])];
  const groups = values
    .flatMap((v) => {
      const ids = caseIds.filter((id) => (attrs.get(id)?.[axis] ?? '') === v);
      const label = v === '' ? words.noGroup(settings.comparison?.groupWord?.singular ?? axis) : groupLabel(settings, v);
      const filter = v === '' ? [] : Object.entries(groupFilter(settings, v)).filter(([k]) => k !== axis);
      const inside = ids.filter((id) => filter.every(([k, want]) => attrs.get(id)?.[k] === want));
      return [{ label, ids: inside }, { label: words.outsidePopulation(label), ids: ids.filter((id) => !inside.includes(id)) }];
    })
    .filter((g) => g.ids.length > 0);
  return { order: groups.flatMap((g) => g.ids), groups };
}

/** Codes under their first sub-question, then by polarity and category (codebook order within). */
function rowGroups(project: Project): RowGroup[] {
  const { codebook } = project;
  const polarityRank = (p: string) => ((POLARITIES as readonly string[]).indexOf(p) + POLARITIES.length + 1) % (POLARITIES.length + 1);
  const categories = [...codebook.categories].sort((a, b) => polarityRank(a.polarity) - polarityRank(b.polarity));
  const sqs: (RowGroup['subquestion'])[] = [...codebook.subquestions.map((s) => ({ id: s.id, text: s.text })), null];
  return sqs
    .map((sq) => {
      const mine = codebook.codes.map((c, i) => ({ c, i })).filter(({ c }) => (sq === null ? !codebook.subquestions.some((s) => s.id === c.subquestions[0]) : c.subquestions[0] === sq.id));
      const cats = categories
        .map((cat) => ({ id: cat.id, label: cat.label, polarity: cat.polarity, codes: mine.filter(({ c }) => c.category === cat.id).map(({ i }) => i) }))
        .filter((cat) => cat.codes.length > 0);
      const known = new Set(categories.map((c) => c.id));
      const stray = mine.filter(({ c }) => !known.has(c.category)).map(({ i }) => i);
      if (stray.length > 0) cats.push({ id: '', label: '', polarity: '', codes: stray });
      return { subquestion: sq, categories: cats };
    })
    .filter((g) => g.categories.length > 0);
}

/** The segment rows of the matrix's cells, in the order `compare --explain` lists them. */
function segmentRows(project: Project, matrix: Matrix, caseIndex: ReadonlyMap<string, number>) {
  const docs: [string, string][] = [];
  const docIndex = new Map<string, number>();
  const byId = new Map<string, { s: Segment; doc: CorpusDocument }>();
  for (const doc of project.corpus.documents) for (const s of doc.segments) byId.set(s.id, { s, doc });
  const segments: SegmentRow[] = [];
  matrix.rows.forEach((row, code) => {
    for (const caseId of matrix.cases) {
      for (const id of row.segments[caseId]!) {
        const { s, doc } = byId.get(id)!;
        if (!docIndex.has(doc.id)) docIndex.set(doc.id, docs.push([doc.id, doc.file]) - 1);
        const role = respondentOf(doc, s.speaker)?.attrs.role ?? null;
        segments.push([s.id, code, caseIndex.get(caseId)!, docIndex.get(doc.id)!, s.line, s.speaker, role, s.text.replace(/\s+/g, ' ').trim()]);
      }
    }
  });
  return { docs, segments };
}

/** Each claim on manual coding, with the codes it counts and the cases its filter takes in. */
function claimRows(input: ReportInput, caseIndex: ReadonlyMap<string, number>, margins: readonly string[]): ClaimRow[] {
  const { project, findings } = input;
  const codeIndex = new Map(project.codebook.codes.map((c, i) => [c.id, i]));
  const source = new Map(project.findings.map((f) => [f.id, f.source]));
  const casesOf = new Map<string, number[]>();
  return findings.map((f, i) => {
    const key = JSON.stringify(Object.entries(f.among).sort());
    if (!casesOf.has(key)) casesOf.set(key, [...select(project, f.among).population.case].map((c) => caseIndex.get(c)).filter((c): c is number => c !== undefined).sort((a, b) => a - b));
    const onManual = source.get(f.id) !== 'auto';
    const codes = onManual ? f.codes.map((c) => codeIndex.get(c)).filter((c): c is number => c !== undefined) : [];
    return [f.id, MARK[f.status] ?? '✗', f.section, f.claim, f.quantifier, f.k, f.n, f.unit, margins[i]!, codes, casesOf.get(key)!];
  });
}

/** Documents with a value of the axis other than their case's (they count in their case's column). */
function crossingDocuments(project: Project, words: PageWords): string[] {
  const axis = project.settings.comparison?.axis;
  if (axis === undefined) return [];
  const cases = new Map(project.corpus.cases.map((c) => [c.id, c.attrs]));
  return project.corpus.documents
    .filter((d) => d.attrs[axis] !== undefined && d.attrs[axis] !== cases.get(d.case)?.[axis])
    .map((d) => {
      const c = cases.get(d.case);
      return words.crossingItem(d.id, groupLabel(project.settings, d.attrs[axis]!), c?.name ?? d.case, c?.[axis] === undefined ? '—' : groupLabel(project.settings, c[axis]!));
    });
}

/** `margins`: each finding's margin as the findings table shows it. */
export function heatmapData(input: ReportInput, words: PageWords, margins: readonly string[]): HeatmapData {
  const { project, matrix } = input;
  const { order, groups } = columnGroups(project, matrix.cases, words);
  const caseIndex = new Map(order.map((id, i) => [id, i]));
  const names = new Map(project.corpus.cases.map((c) => [c.id, c.attrs.name ?? c.id]));
  const perMode = [matrix, caseMatrix(project, 'respondent', input.count), caseMatrix(project, 'case', input.count)];
  const counts = perMode.map((m) => m.rows.map((r) => order.map((c) => r.counts[c] ?? 0)));
  const { docs, segments } = segmentRows(project, matrix, caseIndex);
  return {
    cases: order.map((id) => ({ id, name: names.get(id) ?? id })),
    codes: project.codebook.codes,
    columns: groups.map((g) => ({ label: g.label, cases: g.ids.map((id) => caseIndex.get(id)!) })),
    rows: rowGroups(project),
    counts,
    scales: counts.map((m) => colourScale(Math.max(0, ...m.flat()))),
    docs,
    segments,
    claims: claimRows(input, caseIndex, margins),
    axis: project.settings.comparison ? (project.settings.comparison.groupWord?.singular ?? project.settings.comparison.axis) : null,
    crossing: crossingDocuments(project, words),
  };
}
