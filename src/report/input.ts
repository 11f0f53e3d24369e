/**
 * What the reports of `werkscan code` are built from, and what a report is: a file name and a function
 * from this input to the file's content. The list of reports is REPORTS in bundle.ts.
 */
import type { FindingResult, FindingUnits } from '../core/claims/evaluate.js';
import type { GroupComparison, Matrix } from '../core/count/compare.js';
import type { CountOptions, FrequencyRow, Selection } from '../core/count/select.js';
import type { Project, Segment } from '../core/model.js';
import type { CsvOptions } from './csv.js';
import type { Language, Words } from './words.js';

/** What automatic coding contributes to the reports. */
export interface AutoCoding {
  /** Automatic segments per document, when kept in memory (null: streamed into segmentsParts). */
  segments: ReadonlyMap<string, readonly Segment[]> | null;
  /** Term hits per code, term and surface form (see countHits). */
  termCounts: ReadonlyMap<string, number>;
  /** Units of the findings that count automatic coding, gathered document by document (large corpora). */
  findings: ReadonlyMap<string, FindingUnits> | null;
  /** Files holding segments.csv's rows in document order, written while coding (large corpora). */
  segmentsParts: readonly string[] | null;
  /**
   * Those rows (for the workbook's segments sheet), when they are in part files: read back each time they
   * are iterated, so they are never all in memory; `count` says how many there are.
   */
  segmentRows?: Iterable<readonly string[]> & { count: number };
}

import type { Workbook } from './workbook-model.js';

/** The project, and what several reports show, counted once (the reports count the corpus many times over). */
export interface ReportInput {
  project: Project;
  /** The language of every heading and sentence, and its words. */
  language: Language;
  words: Words;
  csv: CsvOptions;
  auto: AutoCoding;
  /** Manual coding, with a count cache shared by every report. */
  count: CountOptions;
  /** Frequencies of the manual coding, and the population counted. */
  rows: FrequencyRow[];
  population: Selection['population'];
  /** How many segments were coded by hand. */
  segments: number;
  /** Case × code, in segments. */
  matrix: Matrix;
  /** Per code the ids of its segments, case by case. */
  evidence: ReadonlyMap<string, string[]>;
  /** Research lines side by side, in cases; no groups when no case has a `line`. */
  byLine: GroupComparison;
  findings: FindingResult[];
}

/**
 * A file's content: text, or (a large segments.csv) a header and part files to concatenate, or (the
 * .xlsx) a workbook, whose bytes are written after (asynchronously, see renderFiles in bundle.ts).
 */
export type ReportContent = string | { header: string; parts: readonly string[] } | { workbook: Workbook };

/** One file `werkscan code` writes. */
export interface Report {
  /** Path below the output folder, forward slashes. */
  name: string;
  /** The content; null when the project has nothing the report shows (then an earlier copy is removed). */
  build(input: ReportInput): ReportContent | null;
}
