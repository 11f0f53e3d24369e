/** The files `werkscan ingest` is given: listed (folders taken apart), read within the size limit, written atomically. */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../core/errors.js';
import { display, readFileBytes, walkFiles } from '../read.js';
import { CONVERTERS } from './convert.js';

export interface Input {
  abs: string;
  shown: string;
  ext: string;
}

export interface Skipped {
  file: string;
  reason: string;
}

const known = () => Object.keys(CONVERTERS).join(', ');

/** Why a file in a folder is passed over, or null when it is an input. */
function skipReason(name: string, ext: string): string | null {
  if (/^readme\.(md|txt)$/i.test(name)) return 'a README';
  if (ext === '.md') return 'already Markdown: a corpus document is copied, not ingested';
  if (ext === '.yaml' || ext === '.yml') return 'YAML (a speakers map or cases.yaml?), not material';
  if (!(ext in CONVERTERS)) return `unknown extension ${ext || '(none)'}: werkscan ingest converts ${known()}`;
  return null;
}

export function listInputs(args: readonly string[], cwd: string): { inputs: Input[]; skipped: Skipped[] } {
  const inputs: Input[] = [];
  const skipped: Skipped[] = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const shown = display(cwd, abs);
    if (!existsSync(abs)) throw new InputError('file or folder not found', { file: shown, hint: 'expected a file or folder of material to ingest' });
    if (statSync(abs).isDirectory()) {
      const found: Input[] = [];
      walkFiles(abs, shown, (entry, _rel, fileAbs) => {
        const ext = path.extname(entry.name).toLowerCase();
        const why = skipReason(entry.name, ext);
        if (why !== null) skipped.push({ file: display(cwd, fileAbs), reason: why });
        else found.push({ abs: fileAbs, shown: display(cwd, fileAbs), ext });
      });
      inputs.push(...found.sort((a, b) => a.shown.localeCompare(b.shown)));
      continue;
    }
    const ext = path.extname(abs).toLowerCase();
    if (!(ext in CONVERTERS)) throw new InputError(`unknown extension ${ext || '(none)'}`, { file: shown, hint: `expected one of: ${known()}` });
    inputs.push({ abs, shown, ext });
  }
  return { inputs, skipped: skipped.sort((a, b) => a.file.localeCompare(b.file)) };
}

/** The bytes of an input and their SHA-256; what cannot be read (gone, a FIFO, too large) is exit 2 naming it. */
export function readInput(input: Input): { bytes: Uint8Array; sha256: string } {
  const bytes = readFileBytes(input.abs, input.shown);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
