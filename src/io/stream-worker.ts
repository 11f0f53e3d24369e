/** Worker thread for src/io/stream.ts: counts its share of the documents and posts the sets back. */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../core/errors.js';
import { countFiles, type StreamJob } from './stream.js';

try {
  const result = countFiles(workerData as StreamJob, (done) => parentPort!.postMessage({ progress: done }));
  parentPort!.postMessage({ result });
} catch (e) {
  const err = e instanceof InputError ? { message: e.message, file: e.file, line: e.line, column: e.column, hint: e.hint } : { message: `internal error in worker: ${(e as Error).message}` };
  parentPort!.postMessage({ error: err });
}
