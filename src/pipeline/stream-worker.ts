/** Worker thread for src/pipeline/stream.ts: counts or codes its share of the documents and posts the result back (`code`: its documents batch by batch). */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../core/errors.js';
import { useYamlCache } from '../core/parse/yaml.js';
import { codeFiles, countFiles, type StreamJob } from './stream.js';
import { diskYamlCache } from '../io/cache.js';

const job = workerData as StreamJob;
const progress = (done: number) => parentPort!.postMessage({ progress: done });
try {
  useYamlCache(process.env.WERKSCAN_CACHE === '0' ? null : diskYamlCache());
  const result = job.kind === 'code' ? codeFiles(job, progress, undefined, (documents) => parentPort!.postMessage({ documents })) : countFiles(job, progress);
  parentPort!.postMessage({ result });
} catch (e) {
  const err = e instanceof InputError ? { message: e.message, file: e.file, line: e.line, column: e.column, hint: e.hint } : { message: `internal error in worker: ${(e as Error).message}` };
  parentPort!.postMessage({ error: err });
}
