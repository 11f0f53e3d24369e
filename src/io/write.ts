/** Writing reports: atomically (temp file, then rename), and never inside the corpus or codebook. */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
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

/** Temporary folders of segments.csv's parts: `werkscan-parts-<pid>-<random>` in the system's temp folder. */
export const PARTS_PREFIX = 'werkscan-parts-';

/** A part folder untouched for this long, of a process that does not exist, was left by a killed run. */
const STALE_PARTS_MS = 10 * 60 * 1000;

/** The names in `dir`, or none where it cannot be read (not there yet, say). */
export function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * Remove what runs that no longer exist left in `dir`: the entries whose name `pidOf` gives a process id
 * of a process that is gone, and (with `olderThanMs`) that have not been changed for that long. A live
 * process's entry, one this user may not signal or remove, and anything else is left alone.
 */
function removeLeftovers(dir: string, pidOf: (name: string) => number | null, alive: (pid: number) => boolean, olderThanMs = 0, now = Date.now()): void {
  for (const name of namesIn(dir)) {
    const pid = pidOf(name);
    if (pid === null || alive(pid)) continue;
    try {
      if (olderThanMs > 0 && now - statSync(path.join(dir, name)).mtimeMs < olderThanMs) continue;
      rmSync(path.join(dir, name), { recursive: true, force: true });
    } catch {
      // another user's, say: not ours to remove
    }
  }
}

/**
 * Remove the part folders in `dir` left by runs that no longer exist (killed, or interrupted on one
 * thread), once untouched for ten minutes: a temp folder shared across containers can show a live run's
 * folder with a process id that means nothing here.
 */
export function sweepParts(dir: string, alive: (pid: number) => boolean = isAlive, now = Date.now()): void {
  const pidOf = (name: string) => {
    const m = name.startsWith(PARTS_PREFIX) ? /^(\d+)-/.exec(name.slice(PARTS_PREFIX.length)) : null;
    return m ? Number(m[1]) : null;
  };
  removeLeftovers(dir, pidOf, alive, STALE_PARTS_MS, now);
}

/** What a failed write to the temporary folder `dir` is to the user: an input error naming the folder, not an internal one. */
export function tempFolderError(dir: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  const why = code === 'ENOSPC' ? 'no space left on the device' : code === 'EDQUOT' ? 'disk quota exceeded' : code === 'ENOENT' ? 'it does not exist' : code;
  return new InputError(`cannot write to the temporary folder ${dir} (${why})`, {
    hint: 'a large corpus keeps the rows of segments.csv there while it is coded; free some space, or set TMPDIR to a folder with room',
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const CHUNK = 1 << 20;

/** Copy `from` to the end of the open file `fd`, a megabyte at a time. */
function append(fd: number, from: string): void {
  const buf = Buffer.allocUnsafe(CHUNK);
  const src = openSync(from, 'r');
  try {
    for (let n = readSync(src, buf, 0, CHUNK, null); n > 0; n = readSync(src, buf, 0, CHUNK, null)) writeSync(fd, buf, 0, n);
  } finally {
    closeSync(src);
  }
}

/**
 * `mkdir -p`, without Node's `recursive` option: on Node 20 that spins forever at full CPU where a parent
 * exists but cannot hold the folder (a path below /proc), and a folder under a dangling symlink fails
 * with ENOENT. Here each level is made once; an error that remains is thrown as it is.
 */
export function makeDir(abs: string): void {
  try {
    mkdirSync(abs);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && statSync(abs).isDirectory()) return; // (a file there, or a dangling link: thrown by statSync or below)
    if (code !== 'ENOENT' || path.dirname(abs) === abs) throw e;
  }
  makeDir(path.dirname(abs));
  mkdirSync(abs); // the parent exists now: a second ENOENT is final
}

/** writeAtomic's temporary file for `abs`: hidden, with the writer's process id. */
const tmpName = (abs: string) => path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${Date.now().toString(36)}.tmp`);
const TMP_NAME = /^\..+\.(\d+)\.[0-9a-z]+\.tmp$/;

export function writeAtomic(abs: string, file: OutputFile): void {
  const dir = path.dirname(abs);
  try {
    makeDir(dir);
  } catch (e) {
    throw new InputError(`cannot create folder ${dir} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { hint: 'expected a writable output folder (or a path where one can be made)' });
  }
  const tmp = tmpName(abs);
  try {
    if ('content' in file) writeFileSync(tmp, file.content);
    else {
      const fd = openSync(tmp, 'w');
      try {
        writeSync(fd, file.header);
        for (const part of file.parts) append(fd, part);
      } finally {
        closeSync(fd);
      }
    }
    renameSync(tmp, abs);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new InputError(`cannot write ${abs} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { hint: 'expected a writable output folder' });
  }
}

/**
 * Write `files`, and remove those of `known` (names a bundle may hold) that this bundle no longer has;
 * returns their names. Temporary files a killed run left in the folder go first.
 */
export function writeAll(outAbs: string, files: readonly OutputFile[], known: readonly string[] = []): string[] {
  removeLeftovers(outAbs, (name) => {
    const m = TMP_NAME.exec(name);
    return m ? Number(m[1]) : null;
  }, isAlive);
  for (const f of files) writeAtomic(path.join(outAbs, f.name), f);
  const removed = obsolete(outAbs, files, known);
  for (const name of removed) {
    try {
      rmSync(path.join(outAbs, name));
    } catch (e) {
      throw new InputError(`cannot remove ${path.join(outAbs, name)} (${(e as NodeJS.ErrnoException).code ?? 'error'}), a report no longer written`, { hint: 'expected a writable output folder' });
    }
  }
  return removed;
}

/** Files of `known` present in the output folder that the bundle does not hold. */
function obsolete(outAbs: string, files: readonly OutputFile[], known: readonly string[]): string[] {
  const written = new Set(files.map((f) => f.name));
  return known.filter((name) => !written.has(name) && existsSync(path.join(outAbs, name)));
}

/** Names of files that differ from (or are missing in) the output folder, then those of `known` it should no longer hold. */
export function staleFiles(outAbs: string, files: readonly OutputFile[], known: readonly string[] = []): string[] {
  const differ = files
    .filter((f) => {
      try {
        return 'content' in f ? readFileSync(path.join(outAbs, f.name), 'utf8') !== f.content : !sameAsParts(path.join(outAbs, f.name), f.header, f.parts);
      } catch {
        return true;
      }
    })
    .map((f) => f.name);
  return [...differ, ...obsolete(outAbs, files, known)];
}

/** Is the file at `abs` exactly `header` followed by the parts? Compared a megabyte at a time. */
function sameAsParts(abs: string, header: string, parts: readonly string[]): boolean {
  const head = Buffer.from(header);
  const size = head.length + parts.reduce((n, p) => n + statSync(p).size, 0);
  if (statSync(abs).size !== size) return false;
  const fd = openSync(abs, 'r');
  const a = Buffer.allocUnsafe(CHUNK);
  const b = Buffer.allocUnsafe(CHUNK);
  try {
    if (readSync(fd, a, 0, head.length, null) !== head.length || !a.subarray(0, head.length).equals(head)) return false;
    for (const part of parts) {
      const src = openSync(part, 'r');
      try {
        for (let n = readSync(src, b, 0, CHUNK, null); n > 0; n = readSync(src, b, 0, CHUNK, null)) {
          if (readSync(fd, a, 0, n, null) !== n || !a.subarray(0, n).equals(b.subarray(0, n))) return false;
        }
      } finally {
        closeSync(src);
      }
    }
    return true;
  } finally {
    closeSync(fd);
  }
}
