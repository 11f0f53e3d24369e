/**
 * Large corpora with bounded memory: documents are read, parsed, coded automatically and counted one at a
 * time — on several threads that take batches of files from a shared counter — and only what the reports
 * need is kept: counts and sets of unit keys (freq), or documents without their text plus streamed segment
 * rows (code).
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packUnits, unitsOf } from '../core/agreement/units.js';
import { autoCode, type AutoResult } from '../core/autocode/code.js';
import { compileCodebook, type CompiledCodebook } from '../core/autocode/compile.js';
import { parseDocument } from '../core/parse/document.js';
import type { YamlCache } from '../core/parse/yaml-parsed.js';
import { ErrorCollector, InputError, InputErrors } from '../core/errors.js';
import { lintDocument, type Problem } from '../core/checks/lint.js';
import { assertCountable } from '../core/checks/countable.js';
import type { CorpusDocument, Project } from '../core/model.js';
import { CountAccumulator, FindingsAccumulator } from '../core/count/accumulate.js';
import { lineIndex } from '../core/text/positions.js';
import { countHits, segmentRows, segmentsBody, type CsvOptions } from '../report/segments.js';
import { display, loadProject, readText, type Paths } from '../io/read.js';
import type { CorpusFiles } from './corpus.js';
import { openYamlCache } from '../io/cache.js';
import type { Checked, CodeJob, CodeResult, CountJob, CountResult, ErrorData, StreamJob } from './jobs.js';
import { tempFolderError } from '../io/write.js';
import { batches, runThreads, stopAll, type Progress, type ThreadOptions } from './threads.js';

/** Where a streamed run finds its project, and (for its workers) the YAML parse cache's folder. */
export type StreamPaths = Omit<Paths, 'documents' | 'yamlCache'> & { yamlCacheDir?: string | null };

/** The project without its documents: cases, codebook, findings, quantifiers. */
function loadShell(paths: StreamPaths, yamlCache = openYamlCache(paths.yamlCacheDir ?? null)): Project {
  return loadProject({ cwd: paths.cwd, corpus: paths.corpus, codebook: paths.codebook, ...(paths.settings ? { settings: paths.settings } : {}), documents: false, yamlCache });
}

// @testOnly: exported for test/pipeline/joiner.test.ts, test/core/text/tokenize.test.ts
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

/**
 * Read, parse and lint each file this thread takes; hand each document (and its automatic segments) on.
 * A file that cannot be read or parsed is noted and passed over, so that one run names them all.
 */
function eachDocument(
  job: StreamJob,
  shell: Project,
  book: CompiledCodebook | null,
  visit: (doc: CorpusDocument, auto: AutoResult, index: number) => void,
  endBatch: (from: number) => void = () => {},
  progress?: (done: number) => void,
  yamlCache: YamlCache | null = null,
): Omit<Checked, 'documents'> {
  const cases = new Set(shell.corpus.cases.map((c) => c.id));
  const codes = new Map(shell.codebook.codes.map((c) => [c.id, c]));
  const types = shell.settings.documentTypes;
  const problems: Problem[] = [];
  const errors = new ErrorCollector();
  const failures: Checked['failures'] = [];
  const root = path.resolve(job.cwd, job.corpus);
  const absolute = joiner(root);
  const shown = joiner(display(job.cwd, root)); // = display(job.cwd, abs), without resolving per file
  let done = 0;
  const shared = job.next !== null && job.doneAt >= 0 ? new Int32Array(job.next) : null;
  const parse = (i: number) => {
    const rel = job.files[i]!;
    const file = shown(rel);
    const kept = errors.errors.length;
    const doc = errors.attempt(() => parseDocument({ text: readText(absolute(rel), file), path: rel, file, yamlCache, types }));
    if (errors.errors.length > kept) failures.push([i, errorData(errors.errors[kept]!)]);
    return doc;
  };
  try {
    for (const [from, to] of batches(job)) {
      for (let i = from; i < to; i++) {
        const doc = parse(i);
        if (doc) {
          problems.push(...lintDocument(doc, cases, codes, shell.settings));
          let auto: AutoResult = { segments: [], hits: [] };
          if (book) {
            let lineAt: ((offset: number) => number) | undefined;
            auto = autoCode(doc, book, { lineOf: (o) => doc.bodyLine + (lineAt ??= lineIndex(doc.plainText))(o) - 1, countOnly: job.kind === 'count' });
          }
          visit(doc, auto, i);
        }
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
  return { problems, failures, failed: errors.total };
}

/** An InputError as plain data (to post it from a worker). */
export function errorData(e: InputError): ErrorData {
  return { message: e.message, file: e.file, line: e.line, column: e.column, hint: e.hint };
}

/** A document without its text, turns and segments: what the checks across documents need of it (freq). */
const bare = (doc: CorpusDocument): CorpusDocument => { const { notes: _notes, units: _units, ...rest } = doc; return { ...rest, plainText: '', turns: [], segments: [] }; };

/** Count this thread's documents into sets of unit keys. */
export function countFiles(job: CountJob, progress?: (done: number) => void, yamlCache = openYamlCache(job.yamlCacheDir ?? null), shell = loadShell(job, yamlCache)): CountResult {
  const book = job.options.source === 'manual' || job.options.source === undefined ? null : compileCodebook(shell.codebook);
  const acc = new CountAccumulator();
  const documents: CountResult['documents'] = [];
  const visit = (doc: CorpusDocument, auto: AutoResult, index: number) => {
    acc.addDocument(shell, doc, { ...job.options, auto: new Map([[doc.id, auto.segments]]) });
    documents.push([index, bare(doc)]);
  };
  const checked = eachDocument(job, shell, book, visit, undefined, progress, yamlCache);
  return { ...checked, documents, partial: acc.toPartial() };
}

/**
 * Code this thread's documents: segment rows go to a part file per batch, term hits and the units of
 * findings that count automatic coding are gathered, and each document comes back without its text —
 * in the result, or (with `send`) batch by batch.
 */
export function codeFiles(
  job: CodeJob,
  progress?: (done: number) => void,
  send?: (documents: CodeResult['documents']) => void,
  yamlCache = openYamlCache(job.yamlCacheDir ?? null),
  shell = loadShell(job, yamlCache),
): CodeResult {
  const book = compileCodebook(shell.codebook);
  const findings = new FindingsAccumulator(shell.findings.filter((f) => f.source !== 'manual'));
  const termCounts = new Map<string, number>();
  const documents: CodeResult['documents'] = [];
  const parts: CodeResult['parts'] = [];
  let rows = '';
  let rowCount = 0;
  let part: string | null = null;
  const flush = (from: number) => {
    try {
      if (part === null) {
        part = path.join(job.partDir, `segments-${String(from).padStart(9, '0')}.csv`);
        writeFileSync(part, rows);
        parts.push([from, part]);
      } else appendFileSync(part, rows);
    } catch (e) {
      throw tempFolderError(path.dirname(job.partDir), e);
    }
    rows = '';
  };
  const checked = eachDocument(
    job,
    shell,
    book,
    (doc, auto, index) => {
      const docRows = segmentRows(doc, [...doc.segments, ...auto.segments]);
      rows += segmentsBody(docRows, job.csv);
      rowCount += docRows.length;
      if (rows.length > 1 << 20) flush(index);
      countHits(auto.hits, termCounts);
      findings.addDocument(shell, doc, { auto: new Map([[doc.id, auto.segments]]) });
      // The reports need no document text once its rows are in segments.csv; the hand-coded segments keep
      // theirs, the quotes of index.html's drill-down (automatic segments are not kept at all).
      documents.push([index, { ...doc, plainText: '', turns: [], segments: doc.segments, units: packUnits(doc.segments.length > 0 ? unitsOf(doc, 'turn') : []) }]);
    },
    (from) => {
      flush(from);
      part = null;
      // A worker hands each batch's documents on at once, so its heap does not gather them all.
      if (send) send(documents.splice(0));
    },
    progress,
    yamlCache,
  );
  return { ...checked, documents, parts, rows: rowCount, termCounts: [...termCounts], findings: findings.toPartial() };
}

/**
 * Every thread's documents and per-document problems, in corpus order; the files that could not be read
 * or parsed, if any, thrown as one error, as loadProject throws them.
 */
function gathered(results: readonly Checked[], sent: CodeResult['documents'] = []): { documents: CorpusDocument[]; problems: Problem[] } {
  const failures = results.flatMap((r) => r.failures).sort((a, b) => a[0] - b[0]);
  const total = results.reduce((n, r) => n + r.failed, 0);
  if (total > 0) {
    const errors = failures.slice(0, new ErrorCollector().limit).map(([, e]) => new InputError(e.message, e));
    throw total === 1 ? errors[0]! : new InputErrors(errors, total);
  }
  const documents = [...sent, ...results.flatMap((r) => r.documents)].sort((a, b) => a[0] - b[0]).map((p) => p[1]);
  return { documents, problems: results.flatMap((r) => r.problems) };
}

const jobBase = (paths: StreamPaths, corpus: CorpusFiles) => ({
  cwd: paths.cwd,
  corpus: paths.corpus,
  codebook: paths.codebook,
  ...(paths.settings ? { settings: paths.settings } : {}),
  yamlCacheDir: paths.yamlCacheDir ?? null,
  files: corpus.files,
  batch: corpus.files.length,
  next: null,
  thread: 0,
  doneAt: -1,
});

/** How a streamed run may fall back to one thread (see runThreads), and the workers' heap cap. */
export type Fallback = Pick<ThreadOptions<unknown>, 'onFallback' | 'workerHeapMb'>;

/**
 * Count document by document. The project is refused exactly as in memory (assertCountable): with the
 * per-document problems the threads found, and their documents without text for the rest.
 */
export async function streamCounts(paths: StreamPaths, corpus: CorpusFiles, options: CountJob['options'], threads: number, onProgress?: Progress, fallback: Fallback = {}) {
  // The workers start first: they load the project while this thread does the same.
  let shell: Project | undefined;
  const job: CountJob = { ...jobBase(paths, corpus), kind: 'count', options };
  const results = await runThreads(job, threads, { mainWorks: true, inline: (j, p) => countFiles(j as CountJob, p, undefined, (shell = loadShell(paths))), onProgress, ...fallback });
  if (shell === undefined) throw new Error('unreachable: the main thread loads the project');
  const { documents, problems } = gathered(results);
  assertCountable({ ...shell, corpus: { ...shell.corpus, documents } }, options.where ?? {}, { findings: false, documentProblems: problems });
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

export async function streamCode(paths: StreamPaths, corpus: CorpusFiles, threads: number, partDir: string, csv: CsvOptions, onProgress?: Progress, fallback: Fallback = {}) {
  const job: CodeJob = { ...jobBase(paths, corpus), kind: 'code', partDir, csv };
  let shell: Project | undefined;
  const sent: CodeResult['documents'] = [];
  let fellBack = false;
  const shared = sharedStrings();
  const results = await runThreads(job, threads, {
    mainWorks: false,
    inline: (j, p) => codeFiles(j as CodeJob, p, undefined, undefined, (shell = loadShell(paths))),
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
  const { documents, problems } = gathered(results, sent);
  shell ??= loadShell(paths);
  const findings = new FindingsAccumulator(shell.findings.filter((f) => f.source !== 'manual'));
  const termCounts = new Map<string, number>();
  for (const r of results) {
    findings.add(r.findings);
    for (const [k, n] of r.termCounts) termCounts.set(k, (termCounts.get(k) ?? 0) + n);
  }
  const parts = results.flatMap((r) => r.parts).sort((a, b) => a[0] - b[0]).map((p) => p[1]);
  const project: Project = { ...shell, corpus: { ...shell.corpus, documents, unread: corpus.unread } };
  return { project, problems, termCounts, findings: findings.units, parts, rows: results.reduce((n, r) => n + r.rows, 0) };
}
