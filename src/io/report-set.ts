/**
 * The reports of `code` are replaced as a set. Each file is renamed into place atomically, but a folder
 * of files cannot be, so:
 * 1. the new files are written into a hidden staging folder in the output folder (`.werkscan-staging-<pid>-…`);
 * 2. a journal (`.werkscan-journal`, written atomically) then lists every file to move in and every old
 *    report to remove, with its SHA-256: from this moment the new set is decided;
 * 3. the files are moved in, the old ones removed, the manifest written, the journal and staging folder removed.
 * A run killed before 2 leaves the old set (and a staging folder the next run removes at once, its
 * process being gone); one killed during 3 leaves the journal, and the next run finishes the move first.
 * The manifest (`.werkscan-manifest`) names what werkscan wrote, with hashes: a report no longer written is
 * removed only if it is in the manifest and unchanged since, so a user's own file is never removed.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import type { OutputFile } from '../core/files.js';
import { cannotWrite, ensureDir, hashFile, isAlive, removeLeftovers, removeTemporaries, writeAtomic, writeFileFrom } from './write.js';

// @testOnly: exported for test/io/report-set.test.ts
export const MANIFEST = '.werkscan-manifest';
// @testOnly: exported for test/cli/kill.test.ts, test/io/report-set.test.ts
export const JOURNAL = '.werkscan-journal';
const STAGING_PREFIX = '.werkscan-staging-';
const STAGING_NAME = /^\.werkscan-staging-(\d+)-[0-9a-f]+$/;

interface Entry {
  name: string;
  sha256: string;
}
interface Journal {
  pid: number;
  staging: string;
  write: Entry[];
  remove: Entry[];
}

/** Where a set write stands; a test stops it there (as a kill would) by throwing. */
export type Step = 'staged' | 'journal' | `moved ${string}` | `removed ${string}` | 'manifest';

export interface SetResult {
  /** Old reports removed: in the manifest, no longer written, unchanged since. */
  removed: string[];
  /** Reports no longer written but left: not in the manifest (not known to be werkscan's), or changed since. */
  kept: string[];
  /** A journal of an interrupted run was found and its writing finished first. */
  recovered: boolean;
}

const MANIFEST_HEAD = '# werkscan: the files it wrote here (sha-256, name). It removes only these, and only unchanged.\n';

// @testOnly: exported for test/io/report-set.test.ts
/** The manifest of `outAbs`: name → SHA-256; null where there is none (a folder written by an older werkscan, or not by werkscan). */
export function readManifest(outAbs: string): Map<string, string> | null {
  let text: string;
  try {
    text = readFileSync(path.join(outAbs, MANIFEST), 'utf8');
  } catch {
    return null;
  }
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (m) out.set(m[2]!, m[1]!);
  }
  return out;
}

const manifestText = (entries: readonly Entry[]) => MANIFEST_HEAD + entries.map((e) => `${e.sha256}  ${e.name}\n`).join('');

function readJournal(outAbs: string): Journal | null {
  let text: string;
  try {
    text = readFileSync(path.join(outAbs, JOURNAL), 'utf8');
  } catch {
    return null;
  }
  try {
    const j = JSON.parse(text) as Journal;
    if (typeof j.pid === 'number' && STAGING_NAME.test(j.staging) && Array.isArray(j.write) && Array.isArray(j.remove)) return j;
  } catch {
    // not ours, or damaged: said below
  }
  throw new InputError(`${path.join(outAbs, JOURNAL)} is damaged`, { hint: 'it records an interrupted writing of reports; remove it and run `werkscan code` again' });
}

/** Step 3, for a run's own journal or for one a killed run left: move in, remove, manifest, clean up. */
function finish(outAbs: string, j: Journal, step: (s: Step) => void): void {
  const staging = path.join(outAbs, j.staging);
  for (const e of j.write) {
    const from = path.join(staging, e.name);
    if (!existsSync(from)) continue; // moved before the kill
    const to = path.join(outAbs, e.name);
    try {
      ensureDir(path.dirname(to));
      renameSync(from, to);
    } catch (err) {
      throw err instanceof InputError ? err : cannotWrite(to, err);
    }
    step(`moved ${e.name}`);
  }
  for (const e of j.remove) {
    const abs = path.join(outAbs, e.name);
    if (hashFile(abs) !== e.sha256) continue; // gone already, or changed meanwhile: not ours to remove
    try {
      rmSync(abs);
    } catch (err) {
      throw new InputError(`cannot remove ${abs} (${(err as NodeJS.ErrnoException).code ?? 'error'}), a report no longer written`, { hint: 'expected a writable output folder' });
    }
    step(`removed ${e.name}`);
  }
  writeAtomic(path.join(outAbs, MANIFEST), { name: MANIFEST, content: manifestText(j.write) });
  step('manifest');
  rmSync(path.join(outAbs, JOURNAL), { force: true });
  rmSync(staging, { recursive: true, force: true });
}

// @testOnly: exported for test/cli/kill.test.ts, test/io/report-set.test.ts
/**
 * Before writing into `outAbs`: finish the writing a killed run left half done (its journal), and remove
 * the staging folders and temporary files of runs that are gone. A live run's journal: refused.
 */
export function recoverReports(outAbs: string, alive: (pid: number) => boolean = isAlive): boolean {
  const j = readJournal(outAbs);
  if (j && j.pid !== process.pid && alive(j.pid)) {
    throw new InputError(`another werkscan run (process ${j.pid}) is writing reports to ${outAbs}`, { hint: 'wait for it to finish; if there is no such run, remove ' + JOURNAL });
  }
  if (j) finish(outAbs, j, () => {});
  removeLeftovers(outAbs, (name) => {
    const m = STAGING_NAME.exec(name);
    return m ? Number(m[1]) : null;
  }, alive);
  removeTemporaries(outAbs, alive);
  return j !== null;
}

/**
 * Write `files` to `outAbs` as a set (see above), and remove the reports of the manifest it no longer
 * holds; `known` (the names a bundle may hold) only to say which old ones were left.
 */
export function writeAll(outAbs: string, files: readonly OutputFile[], known: readonly string[] = [], step: (s: Step) => void = () => {}): SetResult {
  ensureDir(outAbs);
  const recovered = recoverReports(outAbs);
  const staging = `${STAGING_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`;
  const stagingAbs = path.join(outAbs, staging);
  const write: Entry[] = [];
  try {
    ensureDir(stagingAbs);
    for (const f of files) {
      const abs = path.join(stagingAbs, f.name);
      ensureDir(path.dirname(abs));
      try {
        write.push({ name: f.name, sha256: writeFileFrom(abs, f) });
      } catch (e) {
        throw cannotWrite(path.join(outAbs, f.name), e);
      }
    }
  } catch (e) {
    rmSync(stagingAbs, { recursive: true, force: true });
    throw e;
  }
  step('staged');
  const { remove, kept } = obsolete(outAbs, files, known);
  writeAtomic(path.join(outAbs, JOURNAL), { name: JOURNAL, content: JSON.stringify({ pid: process.pid, staging, write, remove } satisfies Journal) + '\n' });
  step('journal');
  finish(outAbs, { pid: process.pid, staging, write, remove }, step);
  return { removed: remove.map((e) => e.name), kept, recovered };
}

/** Reports no longer written: those werkscan may remove (manifest, unchanged) and those it leaves. */
function obsolete(outAbs: string, files: readonly OutputFile[], known: readonly string[]): { remove: Entry[]; kept: string[] } {
  const written = new Set(files.map((f) => f.name));
  const manifest = readManifest(outAbs) ?? new Map<string, string>();
  const remove: Entry[] = [];
  const kept: string[] = [];
  for (const name of new Set([...manifest.keys(), ...known])) {
    if (written.has(name) || !existsSync(path.join(outAbs, name))) continue;
    const sha = manifest.get(name);
    if (sha !== undefined && hashFile(path.join(outAbs, name)) === sha) remove.push({ name, sha256: sha });
    else kept.push(name);
  }
  return { remove, kept };
}

/**
 * Names of files that differ from (or are missing in) the output folder, then those it should no longer
 * hold: the manifest's (or, in a folder without one, those of `known`).
 */
export function staleFiles(outAbs: string, files: readonly OutputFile[], known: readonly string[] = []): string[] {
  const differ = files
    .filter((f) => {
      try {
        if (!('content' in f)) return !sameAsParts(path.join(outAbs, f.name), f.header, f.parts);
        // (bytes compared as bytes: a binary file is no UTF-8 text)
        return typeof f.content === 'string' ? readFileSync(path.join(outAbs, f.name), 'utf8') !== f.content : !readFileSync(path.join(outAbs, f.name)).equals(f.content);
      } catch {
        return true;
      }
    })
    .map((f) => f.name);
  const written = new Set(files.map((f) => f.name));
  const candidates = [...(readManifest(outAbs)?.keys() ?? known)];
  return [...differ, ...candidates.filter((name) => !written.has(name) && existsSync(path.join(outAbs, name)))];
}

/** Did a killed run leave its writing half done here (to be finished by the next `code`)? */
export const interrupted = (outAbs: string): boolean => existsSync(path.join(outAbs, JOURNAL));

const CHUNK = 1 << 20;

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
