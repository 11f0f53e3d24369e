/**
 * Counting a large corpus with bounded memory: documents are read, parsed, coded automatically and
 * counted one at a time, in worker threads when there is more than one job; only the sets of unit keys
 * (src/core/partial.ts) are kept and merged.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { autoCode, compileCodebook, type CompiledCodebook } from '../core/autocode.js';
import type { CountOptions } from '../core/count.js';
import { parseDocument } from '../core/document.js';
import { InconsistentProject, InputError } from '../core/errors.js';
import type { Problem } from '../core/lint.js';
import type { Project } from '../core/model.js';
import { CountAccumulator, type PartialCounts } from '../core/partial.js';
import { lineIndex } from '../core/text.js';
import { display, listDocuments, loadProject, readText, requireDir, type Paths } from './load.js';

export interface StreamJob {
  cwd: string;
  corpus: string;
  codebook: string;
  /** Paths below the corpus folder. */
  files: string[];
  options: Pick<CountOptions, 'where' | 'source' | 'rollup'>;
}

export interface StreamResult {
  partial: PartialCounts;
  problems: Problem[];
  ids: [string, string][];
}

/** The project without its documents: cases, codebook, findings, quantifiers. */
export function loadShell(paths: Paths): Project {
  return loadProject({ ...paths, documentsFilter: () => false });
}

/** Count `job.files` one document at a time (the body of a worker, or of the single-job path). */
export function countFiles(job: StreamJob, progress?: (done: number) => void): StreamResult {
  const shell = loadShell({ cwd: job.cwd, corpus: job.corpus, codebook: job.codebook });
  const book: CompiledCodebook | null = job.options.source === 'manual' || job.options.source === undefined ? null : compileCodebook(shell.codebook);
  const cases = new Set(shell.corpus.cases.map((c) => c.id));
  const codes = new Set(shell.codebook.codes.map((c) => c.id));
  const acc = new CountAccumulator();
  const problems: Problem[] = [];
  const ids: [string, string][] = [];
  const root = path.resolve(job.cwd, job.corpus);
  job.files.forEach((rel, i) => {
    const abs = path.join(root, rel);
    const file = display(job.cwd, abs);
    const doc = parseDocument({ text: readText(abs, file), path: rel, file });
    ids.push([doc.id, file]);
    if (!cases.has(doc.case)) problems.push({ rule: 'unknown-case', severity: 'error', ...doc.origin.case, args: { document: doc.id, case: doc.case } });
    for (const s of doc.segments) if (!codes.has(s.code)) problems.push({ rule: 'unknown-code', severity: 'error', file, line: s.line, column: s.column, args: { document: doc.id, code: s.code } });
    for (const t of doc.turns) {
      if (t.speaker !== 'I' && !doc.respondents.some((r) => r.id === t.speaker)) {
        problems.push({ rule: 'unknown-speaker', severity: 'error', file, line: t.line, column: 1, args: { document: doc.id, label: t.speaker, expected: ['I', ...doc.respondents.map((r) => r.id)].join(', ') } });
      }
    }
    let auto: CountOptions['auto'];
    if (book) {
      let lineAt: ((offset: number) => number) | undefined;
      auto = new Map([[doc.id, autoCode(doc, book, (o) => doc.bodyLine + (lineAt ??= lineIndex(doc.plainText))(o) - 1).segments]]);
    }
    acc.addDocument(shell, doc, { ...job.options, auto });
    if (progress && (i + 1) % 250 === 0) progress(i + 1);
  });
  return { partial: acc.toPartial(), problems, ids };
}

/** Total size in bytes of the corpus's documents (to decide whether to stream). */
export function corpusBytes(cwd: string, corpus: string): { files: string[]; bytes: number } {
  const root = path.resolve(cwd, corpus);
  requireDir(root, display(cwd, root), 'corpus', 'expected a folder with cases.yaml and the documents; give its path, e.g. `werkscan code corpus/`');
  const files = listDocuments(root, display(cwd, root));
  let bytes = 0;
  for (const f of files) {
    try {
      bytes += statSync(path.join(root, f)).size;
    } catch {
      // unreadable: reading it reports the error with the file's name
    }
  }
  return { files, bytes };
}

/** Count in `jobs` worker threads (1: in this thread); files are dealt out round-robin by size. */
export async function streamCounts(
  paths: Paths,
  files: readonly string[],
  options: StreamJob['options'],
  jobs: number,
  onProgress?: (done: number, total: number) => void,
): Promise<{ accumulator: CountAccumulator; shell: Project }> {
  const shell = loadShell(paths);
  const base = { cwd: paths.cwd, corpus: paths.corpus, codebook: paths.codebook, options };
  let results: StreamResult[];
  if (jobs <= 1) {
    results = [countFiles({ ...base, files: [...files] }, (d) => onProgress?.(d, files.length))];
  } else {
    const shares: string[][] = Array.from({ length: jobs }, () => []);
    files.forEach((f, i) => shares[i % jobs]!.push(f));
    const done = new Array<number>(jobs).fill(0);
    results = await Promise.all(
      shares.map(
        (share, w) =>
          new Promise<StreamResult>((resolve, reject) => {
            const worker = new Worker(new URL('./stream-worker.js', import.meta.url), { workerData: { ...base, files: share } satisfies StreamJob, execArgv: [] });
            worker.on('message', (m: { progress?: number; result?: StreamResult; error?: { message: string; file?: string; line?: number; column?: number; hint?: string } }) => {
              if (m.progress !== undefined) {
                done[w] = m.progress;
                onProgress?.(done.reduce((a, b) => a + b, 0), files.length);
              } else if (m.error) reject(new InputError(m.error.message, m.error));
              else if (m.result) resolve(m.result);
            });
            worker.on('error', reject);
          }),
      ),
    );
  }
  const accumulator = new CountAccumulator();
  const problems = results.flatMap((r) => r.problems);
  const seen = new Map<string, string>();
  for (const r of results) {
    for (const [id, file] of r.ids) {
      const first = seen.get(id);
      if (first) problems.push({ rule: 'duplicate-id', severity: 'error', file, line: 1, args: { kind: 'document', id, first } });
      else seen.set(id, file);
    }
    accumulator.add(r.partial);
  }
  if (problems.length > 0) throw new InconsistentProject(problems);
  return { accumulator, shell };
}
