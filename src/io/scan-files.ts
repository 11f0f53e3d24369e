/**
 * Every file below a folder, read for the privacy scan: hidden files, READMEs and files of any extension
 * included. A file that cannot be read as text is returned with the reason, never silently left out.
 */
import { lstatSync, readFileSync, statSync } from 'node:fs';
import { normalizeNewlines } from '../core/text/positions.js';
import { MAX_FILE_BYTES, walkFiles } from './read.js';

/** Version-control internals: history, not corpus files (named in the docs, not scanned). */
const SKIPPED_FOLDERS = new Set(['.git']);

export type ScanFile = { rel: string; text: string } | { rel: string; reason: string };

/** Files below `root` (symbolic links to files followed, links to folders not), sorted, with forward slashes. */
function walk(root: string, shown: string): { rel: string; abs: string }[] {
  const out: { rel: string; abs: string }[] = [];
  walkFiles(root, shown, (_, rel, abs) => out.push({ rel, abs }), (name, isFolder) => isFolder && SKIPPED_FOLDERS.has(name));
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function read(abs: string): { text: string } | { reason: string } {
  try {
    const stat = statSync(abs);
    if (stat.isDirectory()) return { reason: lstatSync(abs).isSymbolicLink() ? 'link to a folder' : 'folder' };
    if (!stat.isFile()) return { reason: 'not a regular file' };
    if (stat.size > MAX_FILE_BYTES) return { reason: `larger than ${MAX_FILE_BYTES / 2 ** 20} MB` };
    const bytes = readFileSync(abs);
    if (bytes.includes(0)) return { reason: 'binary file' };
    try {
      return { text: normalizeNewlines(utf8.decode(bytes)) };
    } catch {
      return { reason: 'binary file (not UTF-8 text)' };
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return { reason: `unreadable (${code === 'ENOENT' ? 'broken link' : code})` };
  }
}

export function scanFiles(root: string, shown: string): ScanFile[] {
  return walk(root, shown).map(({ rel, abs }) => ({ rel, ...read(abs) }));
}
