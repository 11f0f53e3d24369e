/**
 * What the threads of the large-corpus path are given (a job, posted to workers as workerData) and what
 * each gives back. Plain data: everything here crosses a thread boundary by structured clone.
 */
import type { Problem } from '../core/checks/lint.js';
import type { CountOptions } from '../core/count/select.js';
import type { CorpusDocument, ProjectSettings } from '../core/model.js';
import type { PartialCounts, PartialFindings } from '../core/count/accumulate.js';
import type { CsvOptions } from '../report/segments.js';

interface JobBase {
  cwd: string;
  corpus: string;
  codebook: string;
  /** The project file's settings (absent: the defaults). */
  settings?: ProjectSettings;
  /** The YAML parse cache's folder (io/cache.ts); null or absent: no cache. */
  yamlCacheDir?: string | null;
  /** Paths below the corpus folder: all of them; threads take batches of them in turn. */
  files: string[];
  /** Files per batch. */
  batch: number;
  /**
   * Shared by all threads (null: this thread takes all files): Int32 [0] is the next file to take;
   * [t] for worker t is 0 until it takes its first batch (then 1), or −1 once it is no longer wanted.
   */
  next: SharedArrayBuffer | null;
  /** This thread's slot in `next` (0: the main thread). */
  thread: number;
  /** Where in `next` this thread counts the documents it has finished (for progress; −1: nowhere). */
  doneAt: number;
}

export interface CountJob extends JobBase {
  kind: 'count';
  options: Pick<CountOptions, 'where' | 'source' | 'rollup'>;
}

export interface CodeJob extends JobBase {
  kind: 'code';
  /** Folder for the rows of segments.csv: one part file per batch, named by the batch's first file. */
  partDir: string;
  csv: CsvOptions;
}

export type StreamJob = CountJob | CodeJob;

/** An InputError as a worker posts it. */
export interface ErrorData {
  message: string;
  file?: string;
  line?: number;
  column?: number;
  hint?: string;
}

/** What every thread gives back about its documents, for the checks across the corpus. */
export interface Checked {
  /** The per-document lint problems (lintDocument) of this thread's documents. */
  problems: Problem[];
  /**
   * This thread's documents without their text, with the index of their file (`code`: those not yet
   * handed on). `freq` keeps no turns or segments either: only what checks across documents need.
   */
  documents: [number, CorpusDocument][];
  /** Files that could not be read or parsed, with their index: the first ErrorCollector limit of them. */
  failures: [number, ErrorData][];
  /** How many files could not be read or parsed. */
  failed: number;
}

export interface CountResult extends Checked {
  partial: PartialCounts;
}

export interface CodeResult extends Checked {
  /** Part files of segments.csv, with the index of the first file of their batch. */
  parts: [number, string][];
  /** How many rows the part files hold. */
  rows: number;
  termCounts: [string, number][];
  findings: PartialFindings;
}
