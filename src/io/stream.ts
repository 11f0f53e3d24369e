/**
 * Large corpora with bounded memory: documents are read, parsed, coded automatically and counted one at a
 * time — in worker threads when there is more than one job — and only what the reports need is kept:
 * sets of unit keys (freq), or documents without their text plus streamed segment rows (code).
 */
import { appendFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { unitsOf } from '../core/agree.js';
import { autoCode, compileCodebook, type AutoResult, type CompiledCodebook } from '../core/autocode.js';
import type { CountOptions } from '../core/count.js';
import { parseDocument } from '../core/document.js';
import { InconsistentProject, InputError, unknownAttribute } from '../core/errors.js';
import { knownAttributes, lintDocument, type Problem } from '../core/lint.js';
import type { CorpusDocument, Project } from '../core/model.js';
import { CountAccumulator, FindingsAccumulator, type PartialCounts, type PartialFindings } from '../core/partial.js';
import { lineIndex } from '../core/text.js';
import { countHits, segmentRows, segmentsBody, type CsvOptions } from '../report/segments.js';
import { display, listDocuments, loadProject, readText, requireDir, type Paths } from './load.js';

interface JobBase {
  cwd: string;
  corpus: string;
  codebook: string;
  /** Paths below the corpus folder. */
  files: string[];
}

export interface CountJob extends JobBase {
  kind: 'count';
  options: Pick<CountOptions, 'where' | 'source' | 'rollup'>;
}

export interface CodeJob extends JobBase {
  kind: 'code';
  /** Where this job appends its rows of segments.csv, in document order. */
  partFile: string;
  csv: CsvOptions;
}

export type StreamJob = CountJob | CodeJob;

interface Common {
  problems: Problem[];
  /** Document id, file, line of its id. */
  ids: [string, string, number][];
  /** Attribute names met in front matter and respondents (for checking --where). */
  attributes: string[];
}
export interface CountResult extends Common {
  partial: PartialCounts;
}
export interface CodeResult extends Common {
  documents: CorpusDocument[];
  termCounts: [string, number][];
  findings: PartialFindings;
}

/** The project without its documents: cases, codebook, findings, quantifiers. */
export function loadShell(paths: Paths): Project {
  return loadProject({ ...paths, documentsFilter: () => false });
}

/** Read, parse and lint each file of a job; hand each document (and its automatic segments) on. */
function eachDocument(job: StreamJob, shell: Project, book: CompiledCodebook | null, visit: (doc: CorpusDocument, auto: AutoResult) => void, progress?: (done: number) => void): Common {
  const cases = new Set(shell.corpus.cases.map((c) => c.id));
  const codes = new Map(shell.codebook.codes.map((c) => [c.id, c]));
  const problems: Problem[] = [];
  const ids: [string, string, number][] = [];
  const attributes = new Set<string>();
  const root = path.resolve(job.cwd, job.corpus);
  job.files.forEach((rel, i) => {
    const abs = path.join(root, rel);
    const file = display(job.cwd, abs);
    const doc = parseDocument({ text: readText(abs, file), path: rel, file });
    ids.push([doc.id, file, doc.origin.id.line]);
    for (const k of Object.keys(doc.attrs)) attributes.add(k);
    for (const r of doc.respondents) for (const k of Object.keys(r.attrs)) attributes.add(k);
    problems.push(...lintDocument(doc, cases, codes));
    let auto: AutoResult = { segments: [], hits: [] };
    if (book) {
      let lineAt: ((offset: number) => number) | undefined;
      auto = autoCode(doc, book, { lineOf: (o) => doc.bodyLine + (lineAt ??= lineIndex(doc.plainText))(o) - 1, hits: job.kind === 'code' });
    }
    visit(doc, auto);
    if (progress && (i + 1) % 250 === 0) progress(i + 1);
  });
  return { problems, ids, attributes: [...attributes] };
}

/** Count a job's documents into sets of unit keys (the body of a worker, or of the single-job path). */
export function countFiles(job: CountJob, progress?: (done: number) => void): CountResult {
  const shell = loadShell(job);
  const book = job.options.source === 'manual' || job.options.source === undefined ? null : compileCodebook(shell.codebook);
  const acc = new CountAccumulator();
  const common = eachDocument(job, shell, book, (doc, auto) => acc.addDocument(shell, doc, { ...job.options, auto: new Map([[doc.id, auto.segments]]) }), progress);
  return { ...common, partial: acc.toPartial() };
}

/**
 * Code a job's documents: segment rows go to the part file, term hits and the units of findings that count
 * automatic coding are gathered, and each document comes back without its text (and turns).
 */
export function codeFiles(job: CodeJob, progress?: (done: number) => void): CodeResult {
  const shell = loadShell(job);
  const book = compileCodebook(shell.codebook);
  const findings = new FindingsAccumulator(shell.findings.filter((f) => f.source !== 'manual'));
  const termCounts = new Map<string, number>();
  const documents: CorpusDocument[] = [];
  let rows = '';
  writeFileSync(job.partFile, '');
  const common = eachDocument(
    job,
    shell,
    book,
    (doc, auto) => {
      rows += segmentsBody(segmentRows(doc, [...doc.segments, ...auto.segments]), job.csv);
      if (rows.length > 1 << 20) {
        appendFileSync(job.partFile, rows);
        rows = '';
      }
      countHits(auto.hits, termCounts);
      findings.addDocument(shell, doc, { auto: new Map([[doc.id, auto.segments]]) });
      documents.push({ ...doc, plainText: '', turns: [], units: doc.segments.length > 0 ? unitsOf(doc, 'turn') : [] });
    },
    progress,
  );
  appendFileSync(job.partFile, rows);
  return { ...common, documents, termCounts: [...termCounts], findings: findings.toPartial() };
}

/** The documents of a corpus and their total size in bytes (to decide whether to stream). */
export function corpusBytes(cwd: string, corpus: string): CorpusFiles {
  const root = path.resolve(cwd, corpus);
  requireDir(root, display(cwd, root), 'corpus', 'expected a folder with cases.yaml and the documents; give its path, e.g. `werkscan code corpus/`');
  const files = listDocuments(root, display(cwd, root));
  const sizes = files.map((f) => {
    try {
      return statSync(path.join(root, f)).size;
    } catch {
      return 0; // unreadable: reading it reports the error with the file's name
    }
  });
  return { files, sizes, bytes: sizes.reduce((a, b) => a + b, 0) };
}

/** A corpus's document files (below the corpus folder) with their sizes in bytes. */
export interface CorpusFiles {
  files: string[];
  sizes: number[];
  bytes: number;
}

/** Deal files out in contiguous runs of about equal size, so results concatenate in document order. */
export function shares({ files, sizes, bytes }: CorpusFiles, jobs: number): string[][] {
  const out: string[][] = Array.from({ length: jobs }, () => []);
  let acc = 0;
  files.forEach((f, i) => {
    out[Math.min(jobs - 1, Math.floor((acc / Math.max(1, bytes)) * jobs))]!.push(f);
    acc += sizes[i]!;
  });
  return out;
}

type Progress = (done: number, total: number) => void;

/**
 * A worker keeps little alive (documents without text, sets of keys), but V8 lets an idle heap grow far
 * beyond that before collecting; a cap keeps the whole process near the 300 MB it is meant to stay under.
 */
const WORKER_HEAP_MB = 160;

/** Run jobs: in this thread when there is one, else one worker thread each. */
async function runJobs<R>(jobs: StreamJob[], inline: (job: StreamJob, progress: (d: number) => void) => R, total: number, onProgress?: Progress): Promise<R[]> {
  if (jobs.length === 1) return [inline(jobs[0]!, (d) => onProgress?.(d, total))];
  const done = new Array<number>(jobs.length).fill(0);
  return Promise.all(
    jobs.map(
      (job, w) =>
        new Promise<R>((resolve, reject) => {
          // execArgv: [] — a worker must not inherit flags such as --input-type from the parent.
          const worker = new Worker(new URL('./stream-worker.js', import.meta.url), { workerData: job, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
          worker.on('message', (m: { progress?: number; result?: R; error?: { message: string; file?: string; line?: number; column?: number; hint?: string } }) => {
            if (m.progress !== undefined) {
              done[w] = m.progress;
              onProgress?.(done.reduce((a, b) => a + b, 0), total);
            } else if (m.error) reject(new InputError(m.error.message, m.error));
            else if (m.result) resolve(m.result);
          });
          worker.on('error', reject);
        }),
    ),
  );
}

/** Duplicate document ids across the jobs, and every job's problems; throws when one is an error (counting). */
function crossCheck(results: readonly Common[]): Problem[] {
  const problems = results.flatMap((r) => r.problems);
  const seen = new Map<string, string>();
  for (const r of results) {
    for (const [id, file, line] of r.ids) {
      const first = seen.get(id);
      if (first) problems.push({ rule: 'duplicate-id', severity: 'error', file, line, args: { kind: 'document', id, first } });
      else seen.set(id, `${file}:${line}`);
    }
  }
  return problems;
}

export async function streamCounts(paths: Paths, corpus: CorpusFiles, options: CountJob['options'], jobs: number, onProgress?: Progress) {
  const shell = loadShell(paths);
  const base = { cwd: paths.cwd, corpus: paths.corpus, codebook: paths.codebook };
  const work = shares(corpus, jobs).map((share): CountJob => ({ ...base, kind: 'count', files: share, options }));
  const results = await runJobs(work, (job, p) => countFiles(job as CountJob, p), corpus.files.length, onProgress);
  const problems = crossCheck(results).filter((p) => p.severity === 'error');
  if (problems.length > 0) throw new InconsistentProject(problems);
  const known = new Set([...knownAttributes(shell), ...results.flatMap((r) => r.attributes)]);
  const unknown = Object.keys(options.where ?? {}).find((k) => !known.has(k));
  if (unknown !== undefined) throw unknownAttribute(unknown, known);
  const accumulator = new CountAccumulator();
  for (const r of results) accumulator.add(r.partial);
  return { accumulator, shell };
}

export async function streamCode(paths: Paths, corpus: CorpusFiles, jobs: number, partDir: string, csv: CsvOptions, onProgress?: Progress) {
  const shell = loadShell(paths);
  const base = { cwd: paths.cwd, corpus: paths.corpus, codebook: paths.codebook };
  const work = shares(corpus, jobs).map((share, i): CodeJob => ({ ...base, kind: 'code', files: share, partFile: path.join(partDir, `segments-${i}.csv`), csv }));
  const results = await runJobs(work, (job, p) => codeFiles(job as CodeJob, p), corpus.files.length, onProgress);
  const findings = new FindingsAccumulator(shell.findings.filter((f) => f.source !== 'manual'));
  const termCounts = new Map<string, number>();
  for (const r of results) {
    findings.add(r.findings);
    for (const [k, n] of r.termCounts) termCounts.set(k, (termCounts.get(k) ?? 0) + n);
  }
  const project: Project = { ...shell, corpus: { ...shell.corpus, documents: results.flatMap((r) => r.documents) } };
  return { project, problems: crossCheck(results), termCounts, findings: findings.units, parts: work.map((w) => w.partFile) };
}
