/**
 * Large corpora with bounded memory: documents are read, parsed, coded automatically and counted one at a
 * time — on several threads that take batches of files from a shared counter — and only what the reports
 * need is kept: counts and sets of unit keys (freq), or documents without their text plus streamed segment
 * rows (code).
 */
import { appendFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packUnits, unitsOf } from '../core/agreement/units.js';
import { autoCode, type AutoResult } from '../core/autocode/code.js';
import { compileCodebook, type CompiledCodebook } from '../core/autocode/compile.js';
import type { CountOptions } from '../core/count/select.js';
import { parseDocument } from '../core/parse/document.js';
import { InconsistentProject, unknownAttribute } from '../core/errors.js';
import { knownAttributes, lintDocument, type Problem } from '../core/checks/lint.js';
import type { CorpusDocument, Project } from '../core/model.js';
import { CountAccumulator, FindingsAccumulator, type PartialCounts, type PartialFindings } from '../core/count/accumulate.js';
import { lineIndex } from '../core/text/positions.js';
import { countHits, segmentRows, segmentsBody, type CsvOptions } from '../report/segments.js';
import { display, listDocuments, loadProject, readText, requireDir, type Paths } from '../io/read.js';
import { batches, runThreads, stopAll, type Progress, type ThreadOptions } from './threads.js';

interface JobBase {
  cwd: string;
  corpus: string;
  codebook: string;
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

export interface Common {
  problems: Problem[];
  /** Document id, file, line and column of its id, index of its file in the corpus. */
  ids: [string, string, number, number | undefined, number][];
  /** Attribute names met in front matter and respondents (for checking --where). */
  attributes: string[];
}
export interface CountResult extends Common {
  partial: PartialCounts;
}
export interface CodeResult extends Common {
  /** Documents without their text, with the index of their file. */
  documents: [number, CorpusDocument][];
  /** Part files of segments.csv, with the index of the first file of their batch. */
  parts: [number, string][];
  termCounts: [string, number][];
  findings: PartialFindings;
}

/** The project without its documents: cases, codebook, findings, quantifiers. */
export function loadShell(paths: Paths): Project {
  return loadProject({ ...paths, documents: false });
}

/**
 * path.join(base, ·) for the paths listDocuments gives (relative, '/'-separated, no . or .. parts):
 * on POSIX a concatenation: path.join normalises the whole path again for every file.
 */
export function joiner(base: string, sep = path.sep): (rel: string) => string {
  if (sep !== '/') return (rel) => path.join(base, rel);
  if (base === '.' || base === '') return (rel) => rel;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return (rel) => prefix + rel;
}

/** Read, parse and lint each file this thread takes; hand each document (and its automatic segments) on. */
function eachDocument(
  job: StreamJob,
  shell: Project,
  book: CompiledCodebook | null,
  visit: (doc: CorpusDocument, auto: AutoResult, index: number) => void,
  endBatch: (from: number) => void = () => {},
  progress?: (done: number) => void,
): Common {
  const cases = new Set(shell.corpus.cases.map((c) => c.id));
  const codes = new Map(shell.codebook.codes.map((c) => [c.id, c]));
  const problems: Problem[] = [];
  const ids: Common['ids'] = [];
  const attributes = new Set<string>();
  const root = path.resolve(job.cwd, job.corpus);
  const absolute = joiner(root);
  const shown = joiner(display(job.cwd, root)); // = display(job.cwd, abs), without resolving per file
  let done = 0;
  const shared = job.next !== null && job.doneAt >= 0 ? new Int32Array(job.next) : null;
  try {
    for (const [from, to] of batches(job)) {
      for (let i = from; i < to; i++) {
        const rel = job.files[i]!;
        const abs = absolute(rel);
        const file = shown(rel);
        const doc = parseDocument({ text: readText(abs, file), path: rel, file });
        ids.push([doc.id, file, doc.origin.id.line, doc.origin.id.column, i]);
        for (const k of Object.keys(doc.attrs)) attributes.add(k);
        for (const r of doc.respondents) for (const k of Object.keys(r.attrs)) attributes.add(k);
        problems.push(...lintDocument(doc, cases, codes));
        let auto: AutoResult = { segments: [], hits: [] };
        if (book) {
          let lineAt: ((offset: number) => number) | undefined;
          auto = autoCode(doc, book, { lineOf: (o) => doc.bodyLine + (lineAt ??= lineIndex(doc.plainText))(o) - 1, countOnly: job.kind === 'count' });
        }
        visit(doc, auto, i);
        done++;
        if (shared) Atomics.store(shared, job.doneAt, done);
        if (progress && done % 250 === 0) progress(done);
      }
      endBatch(from);
    }
  } catch (e) {
    stopAll(job);
    throw e;
  }
  return { problems, ids, attributes: [...attributes] };
}

/** Count this thread's documents into sets of unit keys. */
export function countFiles(job: CountJob, progress?: (done: number) => void, shell = loadShell(job)): CountResult {
  const book = job.options.source === 'manual' || job.options.source === undefined ? null : compileCodebook(shell.codebook);
  const acc = new CountAccumulator();
  const common = eachDocument(job, shell, book, (doc, auto) => acc.addDocument(shell, doc, { ...job.options, auto: new Map([[doc.id, auto.segments]]) }), undefined, progress);
  return { ...common, partial: acc.toPartial() };
}

/**
 * Code this thread's documents: segment rows go to a part file per batch, term hits and the units of
 * findings that count automatic coding are gathered, and each document comes back without its text —
 * in the result, or (with `send`) batch by batch.
 */
export function codeFiles(job: CodeJob, progress?: (done: number) => void, shell = loadShell(job), send?: (documents: CodeResult['documents']) => void): CodeResult {
  const book = compileCodebook(shell.codebook);
  const findings = new FindingsAccumulator(shell.findings.filter((f) => f.source !== 'manual'));
  const termCounts = new Map<string, number>();
  const documents: CodeResult['documents'] = [];
  const parts: CodeResult['parts'] = [];
  let rows = '';
  let part: string | null = null;
  const flush = (from: number) => {
    if (part === null) {
      part = path.join(job.partDir, `segments-${String(from).padStart(9, '0')}.csv`);
      writeFileSync(part, rows);
      parts.push([from, part]);
    } else appendFileSync(part, rows);
    rows = '';
  };
  const common = eachDocument(
    job,
    shell,
    book,
    (doc, auto, index) => {
      rows += segmentsBody(segmentRows(doc, [...doc.segments, ...auto.segments]), job.csv);
      if (rows.length > 1 << 20) flush(index);
      countHits(auto.hits, termCounts);
      findings.addDocument(shell, doc, { auto: new Map([[doc.id, auto.segments]]) });
      // The reports need no text once its rows are in segments.csv: neither the document's nor its segments'.
      documents.push([index, { ...doc, plainText: '', turns: [], segments: doc.segments.map((s) => ({ ...s, text: '' })), units: packUnits(doc.segments.length > 0 ? unitsOf(doc, 'turn') : []) }]);
    },
    (from) => {
      flush(from);
      part = null;
      // A worker hands each batch's documents on at once, so its heap does not gather them all.
      if (send) send(documents.splice(0));
    },
    progress,
  );
  return { ...common, documents, parts, termCounts: [...termCounts], findings: findings.toPartial() };
}

/**
 * The documents of a corpus and their total size in bytes: counted exactly up to `exactUpTo` (whether
 * to stream must not be guessed: it bounds memory), then estimated from a spread sample of 64 files
 * (whether a second thread pays; a stat per file is slow on a large corpus).
 */
export function corpusBytes(cwd: string, corpus: string, exactUpTo = Infinity): CorpusFiles {
  const root = path.resolve(cwd, corpus);
  requireDir(root, display(cwd, root), 'corpus', 'expected a folder with cases.yaml and the documents; give its path, e.g. `werkscan code corpus/`');
  const files = listDocuments(root, display(cwd, root));
  const size = (f: string) => {
    try {
      return statSync(path.join(root, f)).size;
    } catch {
      return 0; // unreadable: reading it reports the error with the file's name
    }
  };
  let bytes = 0;
  let i = 0;
  while (i < files.length && bytes <= exactUpTo) bytes += size(files[i++]!);
  const rest = files.length - i;
  if (rest > 0) {
    const step = Math.max(1, Math.floor(rest / 64));
    let sampled = 0;
    let n = 0;
    for (let k = i; k < files.length; k += step, n++) sampled += size(files[k]!);
    bytes += Math.round((sampled / n) * rest);
  }
  return { files, bytes };
}

/** A corpus's document files (below the corpus folder), and their size in bytes (exact up to a limit, then estimated: see corpusBytes). */
export interface CorpusFiles {
  files: string[];
  bytes: number;
}

/**
 * Every thread's problems in corpus order, and (with `duplicates`) document ids used twice across the
 * threads, reported as lint reports them. `code` lints the whole project afterwards, which finds those.
 */
function crossCheck(results: readonly Common[], duplicates: boolean): Problem[] {
  const ids = results.flatMap((r) => r.ids).sort((a, b) => a[4] - b[4]);
  let problems = results.flatMap((r) => r.problems);
  if (problems.length > 0) {
    const order = new Map(ids.map(([, file, , , index]) => [file, index]));
    problems = problems.sort((a, b) => (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1));
  }
  if (!duplicates) return problems;
  // Where each id was first met, as a position in `ids` (a message is made only for a duplicate).
  const seen = new Map<string, number>();
  ids.forEach(([id, file, line, column], k) => {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, k);
    else problems.push({ rule: 'duplicate-id', severity: 'error', file, line, ...(column === undefined ? {} : { column }), args: { kind: 'document', id, first: `${ids[first]![1]}:${ids[first]![2]}` } });
  });
  return problems;
}

const jobBase = (paths: Paths, corpus: CorpusFiles) => ({ cwd: paths.cwd, corpus: paths.corpus, codebook: paths.codebook, files: corpus.files, batch: corpus.files.length, next: null, thread: 0, doneAt: -1 });

/** How a streamed run may fall back to one thread (see runThreads), and the workers' heap cap. */
export type Fallback = Pick<ThreadOptions<unknown>, 'onFallback' | 'workerHeapMb'>;

export async function streamCounts(paths: Paths, corpus: CorpusFiles, options: CountJob['options'], threads: number, onProgress?: Progress, fallback: Fallback = {}) {
  // The workers start first: they load the project while this thread does the same.
  let shell: Project | undefined;
  const job: CountJob = { ...jobBase(paths, corpus), kind: 'count', options };
  const results = await runThreads(job, threads, { mainWorks: true, inline: (j, p) => countFiles(j as CountJob, p, (shell = loadShell(paths))), onProgress, ...fallback });
  if (shell === undefined) throw new Error('unreachable: the main thread loads the project');
  const problems = crossCheck(results, true).filter((p) => p.severity === 'error');
  if (problems.length > 0) throw new InconsistentProject(problems);
  const known = new Set([...knownAttributes(shell), ...results.flatMap((r) => r.attributes)]);
  const unknown = Object.keys(options.where ?? {}).find((k) => !known.has(k));
  if (unknown !== undefined) throw unknownAttribute(unknown, known);
  const accumulator = new CountAccumulator();
  for (const r of results) accumulator.add(r.partial);
  return { accumulator, shell };
}

/**
 * A document posted by a worker arrives with its own copy of every string, once per segment (its code
 * id, the document id, the source, the speaker): share them again, as the thread that parsed them did.
 */
function sharedStrings(): (doc: CorpusDocument) => CorpusDocument {
  const table = new Map<string, string>();
  const one = (s: string) => {
    const known = table.get(s);
    if (known !== undefined) return known;
    table.set(s, s);
    return s;
  };
  return (doc) => {
    for (const s of doc.segments) {
      s.document = doc.id;
      s.code = one(s.code);
      s.source = one(s.source) as typeof s.source;
      if (s.speaker !== null) s.speaker = one(s.speaker);
    }
    return doc;
  };
}

export async function streamCode(paths: Paths, corpus: CorpusFiles, threads: number, partDir: string, csv: CsvOptions, onProgress?: Progress, fallback: Fallback = {}) {
  const job: CodeJob = { ...jobBase(paths, corpus), kind: 'code', partDir, csv };
  let shell: Project | undefined;
  const sent: CodeResult['documents'] = [];
  let fellBack = false;
  const shared = sharedStrings();
  const results = await runThreads(job, threads, {
    mainWorks: false,
    inline: (j, p) => codeFiles(j as CodeJob, p, (shell = loadShell(paths))),
    onProgress,
    onDocuments: (docs) => {
      if (!fellBack) for (const entry of docs) sent.push([entry[0], shared(entry[1])]);
    },
    ...fallback,
    onFallback: (message) => {
      // the job is done again from the start, here: what the workers sent is dropped
      fellBack = true;
      sent.length = 0;
      fallback.onFallback?.(message);
    },
  });
  shell ??= loadShell(paths);
  const findings = new FindingsAccumulator(shell.findings.filter((f) => f.source !== 'manual'));
  const termCounts = new Map<string, number>();
  for (const r of results) {
    findings.add(r.findings);
    for (const [k, n] of r.termCounts) termCounts.set(k, (termCounts.get(k) ?? 0) + n);
  }
  const inOrder = <T>(pairs: [number, T][]) => pairs.sort((a, b) => a[0] - b[0]).map((p) => p[1]);
  const documents = inOrder([...sent, ...results.flatMap((r) => r.documents)]);
  const project: Project = { ...shell, corpus: { ...shell.corpus, documents } };
  return { project, problems: crossCheck(results, false), termCounts, findings: findings.units, parts: inOrder(results.flatMap((r) => r.parts)) };
}
