/** Writing reports: atomically (temp file, then rename), and never inside the corpus or codebook. */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors.js';

import type { OutputFile } from '../report/bundle.js';

const inside = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** Refuse an output folder inside (or equal to) a protected input folder. */
export function guardOutput(outAbs: string, protectedDirs: readonly { abs: string; what: string }[], shown: string): void {
  for (const p of protectedDirs) {
    if (inside(outAbs, p.abs)) {
      throw new InputError(`refusing to write reports into the ${p.what} folder (${shown})`, {
        hint: `werkscan never writes inside the ${p.what}; pass --out to a folder outside it, e.g. --out reports`,
      });
    }
  }
}

export function writeAtomic(abs: string, content: string): void {
  mkdirSync(path.dirname(abs), { recursive: true });
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, abs);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new InputError(`cannot write ${abs} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { hint: 'expected a writable output folder' });
  }
}

export function writeAll(outAbs: string, files: readonly OutputFile[]): void {
  for (const f of files) writeAtomic(path.join(outAbs, f.name), f.content);
}

/** Names of files that differ from (or are missing in) the output folder. */
export function staleFiles(outAbs: string, files: readonly OutputFile[]): string[] {
  return files
    .filter((f) => {
      try {
        return readFileSync(path.join(outAbs, f.name), 'utf8') !== f.content;
      } catch {
        return true;
      }
    })
    .map((f) => f.name);
}
