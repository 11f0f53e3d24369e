/**
 * Writing a set of files into folders, as import does: every file inside its folder (real paths compared,
 * no symbolic link followed or replaced), and all files or none. The files are written to a temporary
 * folder next to the target first; only when all are there are they moved into place, and a move that
 * fails puts back what the earlier moves replaced.
 */
import { existsSync, lstatSync, mkdtempSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileKey } from '../core/checks/ids.js';
import { InputError } from '../core/errors.js';
import { makeDir } from './write.js';

export interface Tree {
  /** The target folder (absolute, as the user named it). */
  abs: string;
  /** Paths below the folder, with forward slashes. */
  files: readonly { path: string; text: string }[];
}

export interface TreeOptions {
  /** Replace files that exist (never links or folders). */
  force: boolean;
  /** A path as the user should see it. */
  show: (abs: string) => string;
}

interface Planned {
  rel: string;
  /** Real destination: below the target folder's real path. */
  dest: string;
  shown: string;
  text: string;
  exists: boolean;
}

interface Plan {
  /** The target folder's real path (where it does not exist yet: its nearest existing parent's, extended). */
  dir: string;
  files: Planned[];
}

const errno = (e: unknown) => (e as NodeJS.ErrnoException).code ?? 'error';

function lstat(abs: string) {
  try {
    return lstatSync(abs);
  } catch (e) {
    if (errno(e) === 'ENOENT' || errno(e) === 'ENOTDIR') return null;
    throw e;
  }
}

/** A folder's real path, also for one that does not exist yet (the rest of the path kept as named). */
function realFolder(abs: string, show: (abs: string) => string): string {
  let existing = abs;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  const real = realpathSync(existing);
  if (!lstatSync(real).isDirectory()) throw new InputError(`${show(existing)} is not a folder`, { hint: 'expected a folder for --codebook and --corpus' });
  return path.join(real, path.relative(existing, abs));
}

/** Refuse what would leave the folder or go through a link: `..`, absolute paths, links and files on the way. */
function place(dir: string, abs: string, rel: string, show: (abs: string) => string): { dest: string; shown: string; exists: boolean } {
  const parts = rel.split('/');
  const shown = show(path.join(abs, ...parts));
  if (parts.some((p) => p === '' || p === '.' || p === '..' || /[\\\0]/.test(p))) {
    throw new InputError(`refusing to write ${JSON.stringify(rel)}: not a plain path below the target folder`, { hint: 'import writes only files below --codebook and --corpus' });
  }
  let at = dir;
  for (const [i, part] of parts.entries()) {
    at = path.join(at, part);
    const st = lstat(at);
    const last = i === parts.length - 1;
    if (st?.isSymbolicLink()) throw new InputError(`${show(path.join(abs, ...parts.slice(0, i + 1)))} is a symbolic link; import does not replace links`, { hint: 'remove the link, or import into another folder' });
    if (st && last && !st.isFile()) throw new InputError(`${shown} is ${st.isDirectory() ? 'a folder' : 'not a regular file'}; import replaces only files`, { hint: 'remove it, or import into another folder' });
    if (st && !last && !st.isDirectory()) throw new InputError(`${show(path.join(abs, ...parts.slice(0, i + 1)))} is not a folder`, { hint: 'remove it, or import into another folder' });
    if (!st) break;
  }
  const dest = path.join(dir, ...parts);
  if (path.relative(dir, dest).startsWith('..')) throw new InputError(`refusing to write ${shown}: outside ${show(abs)}`, { hint: 'import writes only files below --codebook and --corpus' });
  return { dest, shown, exists: lstat(dest) !== null };
}

function plan(trees: readonly Tree[], options: TreeOptions): Plan[] {
  const plans = trees.map((t) => {
    const dir = realFolder(t.abs, options.show);
    return { dir, files: t.files.map((f) => ({ rel: f.path, text: f.text, ...place(dir, t.abs, f.path, options.show) })) };
  });
  const seen = new Map<string, string>();
  for (const f of plans.flatMap((p) => p.files)) {
    const first = seen.get(fileKey(f.dest));
    if (first !== undefined) throw new InputError(`two files of the import would be one file: ${first} and ${f.shown}`, { hint: 'file names that differ only in case are one file on some systems' });
    seen.set(fileKey(f.dest), f.shown);
  }
  const existing = plans.flatMap((p) => p.files).filter((f) => f.exists);
  if (existing.length > 0 && !options.force) {
    throw new InputError(`import would overwrite ${existing.length} file${existing.length === 1 ? '' : 's'}, e.g. ${existing[0]!.shown}`, {
      hint: 'import into empty folders (--codebook, --corpus), or pass --force to overwrite',
    });
  }
  return plans;
}

/** Write a plan's files into a new temporary folder beside its target, <stage>/new/…, added to `stages` at once. */
function stage(p: Plan, stages: string[]): void {
  makeDir(path.dirname(p.dir));
  const dir = mkdtempSync(path.join(path.dirname(p.dir), `.werkscan-import-${process.pid}-`));
  stages.push(dir);
  for (const f of p.files) {
    const abs = path.join(dir, 'new', ...f.rel.split('/'));
    makeDir(path.dirname(abs));
    writeFileSync(abs, f.text, { flag: 'wx' });
  }
}

/** Move the staged files into place; each step's undo goes onto `undo` (run last to first on failure). */
function commit(p: Plan, staged: string, undo: (() => void)[]): void {
  if (!existsSync(p.dir)) {
    renameSync(path.join(staged, 'new'), p.dir);
    undo.push(() => renameSync(p.dir, path.join(staged, 'new')));
    return;
  }
  for (const f of p.files) {
    const from = path.join(staged, 'new', ...f.rel.split('/'));
    const old = path.join(staged, 'old', ...f.rel.split('/'));
    makeDir(path.dirname(f.dest));
    if (existsSync(f.dest)) {
      makeDir(path.dirname(old));
      renameSync(f.dest, old);
      undo.push(() => renameSync(old, f.dest));
    } else {
      undo.push(() => rmSync(f.dest, { force: true }));
    }
    renameSync(from, f.dest);
  }
}

/** Write every tree's files, confined to its folder, or (on any failure) none of them. */
export function writeTrees(trees: readonly Tree[], options: TreeOptions): void {
  const stages: string[] = [];
  const undo: (() => void)[] = [];
  try {
    const plans = plan(trees, options);
    for (const p of plans) stage(p, stages);
    plans.forEach((p, i) => commit(p, stages[i]!, undo));
  } catch (e) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // put back what can be put back
      }
    }
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot write the imported files (${errno(e)}); nothing was changed`, { hint: 'expected writable folders for --codebook and --corpus' });
  } finally {
    for (const s of stages) rmSync(s, { recursive: true, force: true });
  }
}
