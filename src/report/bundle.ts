/**
 * Every report `werkscan code` writes, as data: pure, so `--check` and tests can compare it. A report is
 * one file under report/ exporting a `Report` (its name and how to build it) and one entry in REPORTS.
 */
import type { OutputFile } from '../core/files.js';
import { autoCodeCorpus } from '../core/autocode/code.js';
import { compileCodebook } from '../core/autocode/compile.js';
import { caseMatrix } from '../core/count/compare.js';
import { countCache, frequencies, type CountOptions } from '../core/count/select.js';
import { findingUnitsAll, judgeFinding } from '../core/claims/evaluate.js';
import type { Project } from '../core/model.js';
import { cooccurrenceCsv } from './cooccurrence.js';
import type { CsvOptions } from './csv.js';
import { axisComparison } from './axis.js';
import { deelvragenMd } from './deelvragen.js';
import { findingsMd } from './findings.js';
import { frequenciesCsv, frequenciesMd } from './frequencies.js';
import { indexHtml } from './html.js';
import type { AutoCoding, Report, ReportInput } from './input.js';
import { caseTableFiles } from './case-tables.js';
import { evidenceCsv, matrixCsv } from './matrix.js';
import { countHits, segmentsCsv } from './segments.js';
import { termMatchesCsv } from './term-matches.js';
import { vergelijkingLijnenCsv, vergelijkingLijnenMd } from './vergelijking-lijnen.js';
import { werkscanXlsx } from './workbook.js';
import type { Workbook } from './workbook-model.js';
import { DEFAULT_LANGUAGE, WORDS, type Language } from './words.js';

/** How the reports are written: CSV dialect, and the language of headings and sentences. */
export interface ReportOptions extends CsvOptions {
  /** `nl` or `en` (default nl); CSV headers are identifiers and the same in both. */
  language?: Language;
}

// @testOnly: exported for test/report/bundle.test.ts
/** A report file: its content, or (for a large segments.csv) a header and part files to concatenate. */
/** Every report, in the order they are written and listed. */
export const REPORTS: readonly Report[] = [
  frequenciesMd,
  frequenciesCsv,
  segmentsCsv,
  termMatchesCsv,
  matrixCsv,
  evidenceCsv,
  vergelijkingLijnenMd,
  vergelijkingLijnenCsv,
  cooccurrenceCsv,
  deelvragenMd,
  findingsMd,
  indexHtml,
  werkscanXlsx,
];

/**
 * Every file a bundle may hold. Some are written only when the project has what they show (research
 * lines, countries, findings); one left from an earlier run would be out of date, so `werkscan code`
 * removes it and `--check` names it.
 */
export const REPORT_NAMES: readonly string[] = REPORTS.map((r) => r.name);

/** Automatic coding of a project held in memory. */
function autoCodingInMemory(project: Project): AutoCoding {
  const auto = autoCodeCorpus(project.corpus.documents, compileCodebook(project.codebook));
  return { segments: auto.segments, termCounts: countHits(auto.hits), findings: null, segmentsParts: null };
}

/** Every report file, as it would be written. Pure but for the project it is given. */
export function buildReports(project: Project, options: ReportOptions = {}, auto: AutoCoding = autoCodingInMemory(project)) {
  const { language = project.settings.language ?? DEFAULT_LANGUAGE, ...csv } = options;
  const input = reportInput(project, language, csv, auto);
  const files = REPORTS.flatMap((r): BuiltFile[] => {
    const content = r.build(input);
    if (content === null) return [];
    return [typeof content === 'string' ? { name: r.name, content } : { name: r.name, ...content }];
  });
  // The project file's tables of cases come after deelvragen.md, as the study's country table always did.
  files.splice(files.findIndex((f) => f.name === 'findings.md' || f.name === 'index.html') >>> 0, 0, ...caseTableFiles(project, input.count));
  const { rows, population, segments, findings } = input;
  return { files, rows, population, segments, findings };
}

/** A report as built: a file to write, or a workbook still to be written as bytes (renderFiles). */
export type BuiltFile = OutputFile | { name: string; workbook: Workbook };

/** The files to write: each workbook written as .xlsx bytes (xlsx.ts, loaded only here). */
export async function renderFiles(files: readonly BuiltFile[]): Promise<OutputFile[]> {
  const books = files.some((f) => 'workbook' in f) ? await import('./xlsx.js') : null;
  return Promise.all(files.map(async (f) => ('workbook' in f ? { name: f.name, content: await books!.xlsxBytes(f.workbook) } : f)));
}

/** What several reports show, counted once. */
function reportInput(project: Project, language: Language, csv: CsvOptions, auto: AutoCoding): ReportInput {
  // The reports count the whole corpus (and the research lines) several times over: count once.
  const count: CountOptions = { source: 'manual', auto: auto.segments ?? undefined, cache: countCache(project, auto.segments ?? undefined) };
  const { rows, population } = frequencies(project, count);
  const segments = project.corpus.documents.reduce((n, d) => n + d.segments.length, 0);
  const matrix = caseMatrix(project, 'segment', count);
  const evidence = new Map(matrix.rows.map((r) => [r.code, matrix.cases.flatMap((c) => r.segments[c]!)]));
  const byLine = axisComparison(project, count);

  // Units gathered while streaming (automatic coding of a large corpus), else counted here in one go.
  const gathered = project.findings.map((f) => (f.source !== 'manual' ? auto.findings?.get(f.id) : undefined));
  const toCount = project.findings.filter((_, i) => gathered[i] === undefined);
  const counted = findingUnitsAll(project, toCount, { auto: auto.segments ?? undefined });
  let next = 0;
  const findings = project.findings.map((f, i) => judgeFinding(project, f, gathered[i] ?? counted[next++]!));
  return { project, language, words: WORDS[language], csv, auto, count, rows, population, segments, matrix, evidence, byLine, findings };
}
