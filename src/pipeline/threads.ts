/**
 * Threads for the large-corpus path (src/pipeline/stream.ts): batches of files taken from a shared counter, the
 * workers (stream-worker.ts), and what happens when one of them fails.
 */
import { Worker } from 'node:worker_threads';
import { InputError, InputErrors } from '../core/errors.js';
import type { Checked, CodeResult, ErrorData, StreamJob } from './jobs.js';

/** The batches this thread takes: [from, to) over job.files, until none are left. */
export function* batches(job: StreamJob): Generator<[number, number]> {
  if (job.next === null) {
    yield [0, job.files.length];
    return;
  }
  const next = new Int32Array(job.next);
  if (job.thread > 0 && Atomics.compareExchange(next, job.thread, 0, 1) === -1) return; // started too late
  for (;;) {
    const from = Atomics.add(next, 0, job.batch);
    if (from >= job.files.length) return;
    yield [from, Math.min(job.files.length, from + job.batch)];
  }
}

/** Tell every thread to stop taking batches (after an error). */
export function stopAll(job: StreamJob): void {
  if (job.next !== null) Atomics.store(new Int32Array(job.next), 0, job.files.length);
}

export type Progress = (done: number, total: number) => void;

/** What a worker posts (stream-worker.ts): progress, a batch of documents (code), its result, or why it failed. */
export interface WorkerMessage<R> {
  progress?: number;
  documents?: CodeResult['documents'];
  result?: R;
  /** The errors a worker could not get past (the project's own files), the first of `total`. */
  error?: { errors: ErrorData[]; total: number } | { internal: string };
}

/** A worker's error, as the error it was. */
function inputError(e: NonNullable<WorkerMessage<unknown>['error']>): Error {
  if ('internal' in e) return new Error(`internal error in worker: ${e.internal}`);
  const errors = e.errors.map((d) => new InputError(d.message, d));
  return e.total === 1 ? errors[0]! : new InputErrors(errors, e.total);
}

/**
 * A worker keeps little alive (documents without text, sets of keys), but V8 lets an idle heap grow far
 * beyond that before collecting; a cap keeps the whole process near the 300 MB it is meant to stay under.
 */
const WORKER_HEAP_MB = 160;

/**
 * Run a job on `threads` threads taking batches of files from a shared counter, so a thread that starts
 * late (loading modules, the project, the stemmer) takes fewer and all finish together. Batches are about
 * 1/64 of a thread's share (the threads finish within one small batch of each other).
 *
 * With `mainWorks`, this thread is one of them and starts at once, and a worker still starting when every
 * batch is taken is not waited for. Without it (for `code`, whose documents and rows take more memory than
 * this thread, without a heap cap, should gather) only workers take batches; one thread always runs here.
 */
export interface ThreadOptions<R> {
  /** This thread codes too (freq); else only workers take batches (code). */
  mainWorks: boolean;
  /** The job on this thread: all of it (job.next null), or its share of the batches. */
  inline: (job: StreamJob, progress: (d: number) => void) => R;
  onProgress?: Progress;
  /** Documents a worker hands on batch by batch (code). */
  onDocuments?: (documents: CodeResult['documents']) => void;
  /** Called when a worker ran out of memory, before the whole job is done again here (see runThreads). */
  onFallback?: (message: string) => void;
  /** The workers' heap cap (tests make it small). */
  workerHeapMb?: number;
}

/**
 * Run a job on `threads` threads taking batches of files from a shared counter, so a thread that starts
 * late (loading modules, the project, the stemmer) takes fewer and all finish together. Batches are about
 * 1/64 of a thread's share (the threads finish within one small batch of each other).
 *
 * With `mainWorks`, this thread is one of them and starts at once, and a worker still starting when every
 * batch is taken is not waited for. Without it (for `code`, whose documents and rows take more memory than
 * this thread, without a heap cap, should gather) only workers take batches; one thread always runs here.
 *
 * A worker that runs out of its capped heap (one document of tens of megabytes) does not end the run: the
 * workers are stopped, `onFallback` says so, and the whole job is done again on this thread, uncapped.
 */
export async function runThreads<R extends Checked>(job: StreamJob, threads: number, options: ThreadOptions<R>): Promise<R[]> {
  const { mainWorks, inline, onProgress, onDocuments } = options;
  const total = job.files.length;
  if (threads === 1) return [inline(job, (d) => onProgress?.(d, total))];
  // [0] next file, [1 … threads] workers' states, [threads + 1 + t] documents finished by thread t
  const doneAt = threads + 1;
  const shared: StreamJob = { ...job, next: new SharedArrayBuffer(4 * (2 * threads + 2)), batch: Math.max(1, Math.ceil(total / (threads * 64))), doneAt };
  const counts = new Int32Array(shared.next!);
  // Every thread's count, read from shared memory: a busy main thread receives no messages meanwhile.
  const report = () => {
    let sum = 0;
    for (let t = 0; t <= threads; t++) sum += Atomics.load(counts, doneAt + t);
    onProgress?.(sum, total);
  };
  const heapMb = options.workerHeapMb ?? WORKER_HEAP_MB;
  const workers: Worker[] = [];
  const results = Array.from(
    { length: mainWorks ? threads - 1 : threads },
    (_, w) =>
      new Promise<R>((resolve, reject) => {
        // execArgv: [] — a worker must not inherit flags such as --input-type from the parent.
        const worker = new Worker(new URL('./stream-worker.js', import.meta.url), { workerData: { ...shared, thread: w + 1, doneAt: doneAt + w + 1 }, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: heapMb } });
        workers.push(worker);
        worker.on('message', (m: WorkerMessage<R>) => {
          if (m.progress !== undefined) report();
          else if (m.documents) onDocuments?.(m.documents);
          else if (m.error) reject(inputError(m.error));
          else if (m.result) resolve(m.result);
        });
        worker.on('error', reject);
      }),
  );
  // Never leave a rejection unobserved while this thread is busy.
  for (const r of results) r.catch(() => {});
  try {
    if (!mainWorks) return await Promise.all(results);
    const own = inline(shared, report);
    const state = new Int32Array(shared.next!);
    const wanted = results.filter((_, w) => {
      if (Atomics.compareExchange(state, w + 1, 0, -1) !== 0) return true;
      void workers[w]!.terminate();
      return false;
    });
    return [own, ...(await Promise.all(wanted))];
  } catch (e) {
    stopAll(shared);
    await Promise.all(workers.map((w) => w.terminate()));
    if ((e as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw e;
    options.onFallback?.(`a worker thread ran out of its ${heapMb} MB heap (a very large document?); doing the job again on one thread`);
    return [inline(job, (d) => onProgress?.(d, total))];
  }
}
