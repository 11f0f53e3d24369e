/**
 * `reports/werkscan.xlsx` as data: which sheets, which rows, what kind each column is. Pure; xlsx.ts
 * writes it as SpreadsheetML. Numbers are numbers, a share is its fraction (shown as a percentage), k and n
 * stand in columns of their own.
 */
import { segmentRows } from './segments.js';
import { caseHeaders, points } from './compare.js';
import { caseNames } from './matrix.js';
import { WORKBOOK_WORDS, type SheetKey } from './workbook-words.js';
import type { Report, ReportInput } from './input.js';
import type { Kind, Sheet, Value, Workbook } from './workbook-model.js';

const MAX_WIDTH = 60;

/** Columns sized to their header and longest cell (shares as "100%"), at least 6 and at most 60 wide. */
function sheet(name: string, headers: readonly [string, Kind][], rows: Iterable<readonly Value[]>): Sheet {
  const shown = (v: Value, kind: Kind) => (v === null ? '' : kind === 'share' ? `${Math.round(Number(v) * 100)}%` : String(v));
  // One pass over the rows (they may be read from files each time they are iterated).
  const widths = headers.map(([header]) => [...header].length);
  for (const r of rows) headers.forEach(([, kind], i) => (widths[i] = Math.max(widths[i]!, [...shown(r[i] ?? null, kind)].length)));
  const columns = headers.map(([header, kind], i) => ({ header, kind, width: Math.min(MAX_WIDTH, Math.max(6, widths[i]! + 2)) }));
  return { name, columns, rows };
}

/** Per code a category's label, for the first column of the code tables. */
const categoryLabels = ({ project: { codebook } }: ReportInput) => {
  const label = new Map(codebook.categories.map((c) => [c.id, c.label || c.id]));
  return new Map(codebook.codes.map((c) => [c.id, label.get(c.category) ?? c.category]));
};

function frequencySheet(input: ReportInput, name: string): Sheet {
  const { codebook } = input.project;
  const polarity = new Map(codebook.categories.map((c) => [c.id, c.polarity]));
  const subquestions = new Map(codebook.codes.map((c) => [c.id, c.subquestions.join(' ')]));
  const rows = input.rows.map((r) => [r.code, r.label, r.category, polarity.get(r.category) ?? '', subquestions.get(r.code) ?? '', r.segments, r.documents, r.respondents, r.cases]);
  const text = (h: string): [string, Kind] => [h, 'text'];
  const count = (h: string): [string, Kind] => [h, 'count'];
  return sheet(name, [text('code'), text('label'), text('category'), text('polarity'), text('subquestions'), count('segments'), count('documents'), count('respondents'), count('cases')], rows);
}

function matrixSheet(input: ReportInput, name: string, total: string): Sheet {
  const m = input.matrix;
  const category = categoryLabels(input);
  const label = new Map(input.project.codebook.codes.map((c) => [c.id, c.label]));
  const heads = caseHeaders(m.cases, caseNames(input.project.corpus.cases));
  const rows: Value[][] = m.rows.map((r) => [category.get(r.code) ?? '', r.code, label.get(r.code) ?? '', ...m.cases.map((c) => r.counts[c]!), r.total]);
  rows.push(['', total, '', ...m.cases.map((c) => m.totals[c]!), m.rows.reduce((n, r) => n + r.total, 0)]);
  return sheet(name, [['category', 'text'], ['code', 'text'], ['label', 'text'], ...m.cases.map((c): [string, Kind] => [heads.get(c)!, 'count']), ['total', 'count']], rows);
}

function groupSheet(input: ReportInput, name: string): Sheet {
  const g = input.byLine;
  const values = g.groups.map((x) => x.value);
  const category = categoryLabels(input);
  const label = new Map(input.project.codebook.codes.map((c) => [c.id, c.label]));
  const rows = g.rows.map((r): Value[] => [
    category.get(r.code) ?? '',
    r.code,
    label.get(r.code) ?? '',
    ...values.flatMap((v) => {
      const s = r.groups[v]!;
      return [s.k, s.n, s.n === 0 ? null : s.k / s.n];
    }),
    points(r, values),
  ]);
  const diff = values.length === 2 ? `Δ pp (${values[0]} − ${values[1]})` : 'Δ pp (max − min)';
  const heads = values.flatMap((v): [string, Kind][] => [[`${v} k`, 'count'], [`${v} n`, 'count'], [`${v} %`, 'share']]);
  return sheet(name, [['category', 'text'], ['code', 'text'], ['label', 'text'], ...heads, [diff, 'points']], rows);
}

function findingSheet(input: ReportInput, name: string): Sheet {
  const rows = input.findings.map((f): Value[] => [f.id, f.section, f.claim, f.codes.join(' '), f.unit, f.quantifier, f.rule, f.k, f.n, f.n === 0 ? null : f.k / f.n, f.status]);
  const text = (h: string): [string, Kind] => [h, 'text'];
  return sheet(name, [text('id'), text('section'), text('claim'), text('codes'), text('unit'), text('quantifier'), text('rule'), ['k', 'count'], ['n', 'count'], ['share', 'share'], text('status')], rows);
}

const SEGMENT_KINDS: [string, Kind][] = [['id', 'text'], ['document', 'text'], ['case', 'text'], ['respondent', 'text'], ['role', 'text'], ['code', 'text'], ['source', 'text'], ['start', 'count'], ['end', 'count'], ['line', 'count'], ['text', 'text']];

/** Data rows a sheet can hold (Excel's 1,048,576 rows, less the header). */
const MAX_ROWS = 1_048_575;

/**
 * Every coded segment (manual, then automatic, per document): the rows of segments.csv, from memory or
 * (a streamed run) read back from its part files, so both give the same sheet. More than a sheet holds:
 * a note that they are in segments.csv.
 */
function segmentSheet({ project, auto }: ReportInput, name: string, onlyCsv: string): Sheet {
  const rows = auto.segmentsParts !== null ? (auto.segmentRows ?? []) : project.corpus.documents.flatMap((d) => segmentRows(d, [...d.segments, ...(auto.segments?.get(d.id) ?? [])]));
  const count = 'count' in rows ? rows.count : rows.length;
  if (count > MAX_ROWS) return sheet(name, [['', 'text']], [[onlyCsv]]);
  const typed = (r: readonly string[]) => r.map((v, i) => (SEGMENT_KINDS[i]![1] === 'count' ? Number(v) : v));
  return sheet(name, SEGMENT_KINDS, {
    *[Symbol.iterator]() {
      for (const r of rows) yield typed(r);
    },
  });
}

function evidenceSheet({ matrix }: ReportInput, name: string): Sheet {
  const rows = matrix.rows.flatMap((r) => matrix.cases.filter((c) => r.segments[c]!.length > 0).map((c): Value[] => [r.code, c, r.segments[c]!.length, r.segments[c]!.join(' ')]));
  return sheet(name, [['code', 'text'], ['case', 'text'], ['segments', 'count'], ['ids', 'text']], rows);
}

/** The workbook: a first sheet that says what each of the others holds, then one sheet per table. */
function buildWorkbook(input: ReportInput): Workbook {
  const w = WORKBOOK_WORDS[input.language];
  const tables: [SheetKey, Sheet][] = [
    ['frequencies', frequencySheet(input, w.sheets.frequencies.name)],
    ['matrix', matrixSheet(input, w.sheets.matrix.name, w.total)],
    ...(input.byLine.groups.length > 0 ? [['groups', groupSheet(input, w.sheets.groups.name)] as [SheetKey, Sheet]] : []),
    ...(input.findings.length > 0 ? [['findings', findingSheet(input, w.sheets.findings.name)] as [SheetKey, Sheet]] : []),
    ['segments', segmentSheet(input, w.sheets.segments.name, w.segmentsInCsv)],
    ['evidence', evidenceSheet(input, w.sheets.evidence.name)],
  ];
  const about = tables.map(([key, s]): Value[] => [s.name, w.sheets[key].about(input.byLine.attribute)]);
  const readMe = sheet(w.readMe.name, [[w.readMe.sheet, 'text'], [w.readMe.holds, 'text']], [...about, [], [w.readMe.generated, null]]);
  return { sheets: [readMe, ...tables.map(([, s]) => s)] };
}

/** `reports/werkscan.xlsx`: the model here; the bytes are written by xlsx.ts (see renderFiles in bundle.ts). */
export const werkscanXlsx: Report = {
  name: 'werkscan.xlsx',
  build: (input) => ({ workbook: buildWorkbook(input) }),
};
