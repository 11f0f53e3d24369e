/**
 * Scaffolding a folder from a template folder (`werkscan init`): read every template file, and write only
 * the files that are not there yet. Nothing that exists is replaced, and no symbolic link is followed
 * below the target folder.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors.js';

export interface TemplateFile {
  /** Path below the target folder, with forward slashes. */
  path: string;
  text: string;
}

/**
 * The files of a template folder, sorted by path. A name segment starting with `_` stands for one
 * starting with `.` (`_gitignore` → `.gitignore`): npm leaves `.gitignore` files out of a package.
 */
export function readTemplate(dir: string): TemplateFile[] {
  const out: TemplateFile[] = [];
  const walk = (abs: string, rel: string[]) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const next = [...rel, entry.name.replace(/^_/, '.')];
      if (entry.isDirectory()) walk(path.join(abs, entry.name), next);
      else if (entry.isFile()) out.push({ path: next.join('/'), text: readFileSync(path.join(abs, entry.name), 'utf8') });
    }
  };
  walk(dir, []);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const errno = (e: unknown) => (e as NodeJS.ErrnoException).code ?? 'error';

function lstat(abs: string) {
  try {
    return lstatSync(abs);
  } catch (e) {
    if (errno(e) === 'ENOENT') return null;
    throw e;
  }
}

/**
 * What is in the way of a new file at `rel` below `dir`: null when nothing is (the file can be written),
 * else why it is kept: a file or folder at its place, or a link or file where a folder belongs.
 */
function obstacle(dir: string, rel: string): string | null {
  const parts = rel.split('/');
  let at = dir;
  for (const [i, part] of parts.entries()) {
    at = path.join(at, part);
    const st = lstat(at);
    if (st === null) return null;
    const last = i === parts.length - 1;
    if (last) return st.isSymbolicLink() ? 'a symbolic link' : st.isFile() ? 'exists' : 'a folder is there';
    if (st.isSymbolicLink()) return `${parts.slice(0, i + 1).join('/')} is a symbolic link`;
    if (!st.isDirectory()) return `${parts.slice(0, i + 1).join('/')} is not a folder`;
  }
  return null;
}

export interface ScaffoldResult {
  written: string[];
  /** Files not written, each with why. */
  kept: { path: string; why: string }[];
}

/** Write each file that is not there yet below `dir` (created when missing); keep everything that is. */
export function writeMissing(dir: string, files: readonly TemplateFile[], shown: (rel: string) => string): ScaffoldResult {
  const result: ScaffoldResult = { written: [], kept: [] };
  for (const f of files) {
    const why = obstacle(dir, f.path);
    if (why !== null) {
      result.kept.push({ path: f.path, why });
      continue;
    }
    const abs = path.join(dir, ...f.path.split('/'));
    try {
      mkdirSync(path.dirname(abs), { recursive: true });
      // wx: fails instead of replacing a file that appeared since the check
      writeFileSync(abs, f.text, { flag: 'wx' });
      result.written.push(f.path);
    } catch (e) {
      if (errno(e) === 'EEXIST') {
        result.kept.push({ path: f.path, why: 'exists' });
        continue;
      }
      const done = result.written.length === 0 ? 'nothing was written' : `written before it: ${result.written.join(', ')}`;
      throw new InputError(`cannot write ${shown(f.path)} (${errno(e)}); ${done}`, { hint: 'expected a folder you can write to' });
    }
  }
  return result;
}
