/** Worker thread for src/pipeline/stream.ts: counts or codes its share of the documents and posts the result back (`code`: its documents batch by batch). */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError, InputErrors } from '../core/errors.js';
import { codeFiles, countFiles, errorData } from './stream.js';
import type { StreamJob } from './jobs.js';
import type { WorkerMessage } from './threads.js';

const job = workerData as StreamJob;
const post = (m: WorkerMessage<unknown>) => parentPort!.postMessage(m);
const progress = (done: number) => post({ progress: done });
try {
  const result = job.kind === 'code' ? codeFiles(job, progress, (documents) => post({ documents })) : countFiles(job, progress);
  post({ result });
} catch (e) {
  if (e instanceof InputErrors) post({ error: { errors: e.errors.map(errorData), total: e.total } });
  else if (e instanceof InputError) post({ error: { errors: [errorData(e)], total: 1 } });
  else post({ error: { internal: (e as Error).message } });
}
