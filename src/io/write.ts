/** Writing files: atomically (temp file, then rename), and never inside the corpus or codebook. Sets of reports: report-set.ts. */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { InputError } from '../core/errors.js';

import type { OutputFile } from '../core/files.js';

const inside = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** The real path of `abs` (links resolved), where only a leading part of it exists: that part resolved, the rest appended. */
function realPathOf(abs: string): string {
  try {
    return realpathSync(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(realPathOf(parent), path.basename(abs));
  }
}

/**
 * Refuse an output path (folder or file) inside, equal to, or leading through a link into a protected
 * input folder: real paths are compared, so `ln -s corpus c; code --out c` is refused like `--out corpus`.
 */
export function guardOutput(outAbs: string, protectedDirs: readonly { abs: string; what: string }[], shown: string): void {
  const out = realPathOf(outAbs);
  for (const p of protectedDirs) {
    if (inside(outAbs, p.abs) || inside(out, realPathOf(p.abs))) {
      throw new InputError(`refusing to write reports into the ${p.what} folder (${shown}${out === outAbs ? '' : ` is ${out}`})`, {
        hint: `werkscan never writes inside the ${p.what}; pass --out to a folder outside it, e.g. --out reports`,
      });
    }
  }
}

// @testOnly: exported for test/io/sweep-parts.test.ts
/**
 * Temporary folders of segments.csv's parts, in the system's temp folder:
 * `werkscan-parts-<pid>@<host>-<random>` (the host's name in lower-case letters and digits).
 */
export const PARTS_PREFIX = 'werkscan-parts-';

// @testOnly: exported for test/io/sweep-parts.test.ts
/** This machine, as part of a part folder's name: a process id means something only on the machine that gave it. */
export const hostTag = (name = hostname()) => name.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 32) || 'host';

/** The prefix for mkdtemp of this run's part folder. */
export const partsPrefix = () => `${PARTS_PREFIX}${process.pid}@${hostTag()}-`;

/** A part folder of another machine (or of an older werkscan, without a host), untouched for this long, of a process that does not exist here, was left by a killed run. */
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
export function removeLeftovers(dir: string, pidOf: (name: string) => number | null, alive: (pid: number) => boolean, olderThanMs = 0, now = Date.now()): void {
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
 * thread): at once where the folder names this machine; otherwise once untouched for ten minutes, as a
 * temp folder shared across containers can show a live run's folder with a process id that means
 * nothing here.
 */
export function sweepParts(dir: string, alive: (pid: number) => boolean = isAlive, now = Date.now(), host = hostTag()): void {
  const pidOf = (here: boolean) => (name: string) => {
    const m = name.startsWith(PARTS_PREFIX) ? /^(\d+)(?:@([a-z0-9]+))?-/.exec(name.slice(PARTS_PREFIX.length)) : null;
    return m && (m[2] === host) === here ? Number(m[1]) : null;
  };
  removeLeftovers(dir, pidOf(true), alive, 0, now);
  removeLeftovers(dir, pidOf(false), alive, STALE_PARTS_MS, now);
}

/** What a failed write to the temporary folder `dir` is to the user: an input error naming the folder, not an internal one. */
export function tempFolderError(dir: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  const why = code === 'ENOSPC' ? 'no space left on the device' : code === 'EDQUOT' ? 'disk quota exceeded' : code === 'ENOENT' ? 'it does not exist' : code;
  return new InputError(`cannot write to the temporary folder ${dir} (${why})`, {
    hint: 'a large corpus keeps the rows of segments.csv there while it is coded; free some space, or set TMPDIR to a folder with room',
  });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const CHUNK = 1 << 20;

/** Copy `from` to the end of the open file `fd`, a megabyte at a time (and into `hash`). */
function append(fd: number, from: string, hash: Hash): void {
  const buf = Buffer.allocUnsafe(CHUNK);
  const src = openSync(from, 'r');
  try {
    for (let n = readSync(src, buf, 0, CHUNK, null); n > 0; n = readSync(src, buf, 0, CHUNK, null)) {
      writeAllBytes(fd, buf.subarray(0, n));
      hash.update(buf.subarray(0, n));
    }
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
/** A file of bytes (an export's zip), written like a report. */
export interface BytesFile {
  name: string;
  content: Uint8Array;
}

const TMP_NAME = /^\..+\.(\d+)\.[0-9a-z]+\.tmp$/;

/** Remove the temporary files (writeAtomic's) that runs which are gone left in `dir`: at once, whatever their age. */
export function removeTemporaries(dir: string, alive: (pid: number) => boolean = isAlive): void {
  removeLeftovers(dir, (name) => {
    const m = TMP_NAME.exec(name);
    return m ? Number(m[1]) : null;
  }, alive);
}

/** Write `file` to `abs` (not atomically); returns the SHA-256 of what was written, in hex. */
export function writeFileFrom(abs: string, file: OutputFile | BytesFile): string {
  const hash = createHash('sha256');
  const fd = openSync(abs, 'w');
  try {
    if ('content' in file) {
      const bytes = Buffer.from(file.content);
      writeAllBytes(fd, bytes);
      hash.update(bytes);
    } else {
      const head = Buffer.from(file.header);
      writeAllBytes(fd, head);
      hash.update(head);
      for (const part of file.parts) append(fd, part, hash);
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function writeAllBytes(fd: number, bytes: Uint8Array): void {
  for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
}

/** The SHA-256 of the file at `abs` in hex, or null where it cannot be read. */
export function hashFile(abs: string): string | null {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(CHUNK);
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch {
    return null;
  }
  try {
    for (let n = readSync(fd, buf, 0, CHUNK, null); n > 0; n = readSync(fd, buf, 0, CHUNK, null)) hash.update(buf.subarray(0, n));
    return hash.digest('hex');
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

export const cannotWrite = (abs: string, e: unknown) =>
  new InputError(`cannot write ${abs} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { hint: 'expected a writable output folder' });

export function ensureDir(dir: string): void {
  try {
    makeDir(dir);
  } catch (e) {
    throw new InputError(`cannot create folder ${dir} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { hint: 'expected a writable output folder (or a path where one can be made)' });
  }
}

/** Write `file` (a report, or bytes such as an export's) to `abs` atomically: a temporary file beside it, then renamed over it. Returns its SHA-256. */
export function writeAtomic(abs: string, file: OutputFile | BytesFile): string {
  ensureDir(path.dirname(abs));
  const tmp = tmpName(abs);
  try {
    const sha = writeFileFrom(tmp, file);
    renameSync(tmp, abs);
    return sha;
  } catch (e) {
    rmSync(tmp, { force: true });
    throw cannotWrite(abs, e);
  }
}

