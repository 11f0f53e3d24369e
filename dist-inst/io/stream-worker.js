/** Worker thread for src/io/stream.ts: counts or codes its share of the documents and posts the result back. */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../core/errors.js';
import { useYamlCache } from '../core/yaml-source.js';
import { codeFiles, countFiles } from './stream.js';
import { diskYamlCache } from './yaml-cache.js';
const job = workerData;
const progress = (done) => parentPort.postMessage({ progress: done });
try {
    useYamlCache(process.env.WERKSCAN_CACHE === '0' ? null : diskYamlCache());
    const result = job.kind === 'code' ? codeFiles(job, progress) : countFiles(job, progress);
    parentPort.postMessage({ result });
}
catch (e) {
    const err = e instanceof InputError ? { message: e.message, file: e.file, line: e.line, column: e.column, hint: e.hint } : { message: `internal error in worker: ${e.message}` };
    parentPort.postMessage({ error: err });
}
