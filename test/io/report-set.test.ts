/**
 * #14.3: reports/ is replaced as a set (src/io/report-set.ts). A run stopped at any step leaves the old set,
 * the new set, or a journal from which the next run finishes the new set; its staging folder and
 * temporary files go at once when its process is gone.
 * #14.4: a report no longer written is removed only where the manifest says werkscan wrote it, unchanged.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL, MANIFEST, readManifest, recoverReports, writeAll, type Step } from '../../src/io/report-set.js';
import { tempDir } from '../helpers/run.js';

type Files = Record<string, string>;
const OLD: Files = { 'a.md': 'old a\n', 'b.csv': 'old b\n', 'c.md': 'old c\n', 'same.md': 'same\n' };
const NEW: Files = { 'a.md': 'new a\n', 'b.csv': 'new b\n', 'same.md': 'same\n', 'd.md': 'new d\n' }; // c.md no longer written
const KNOWN = ['a.md', 'b.csv', 'c.md', 'd.md', 'same.md'];
const asFiles = (f: Files) => Object.entries(f).map(([name, content]) => ({ name, content }));

/** The visible files of `dir` and their text. */
function visible(dir: string): Files {
  const out: Files = {};
  for (const name of readdirSync(dir).sort()) if (!name.startsWith('.')) out[name] = readFileSync(path.join(dir, name), 'utf8');
  return out;
}

class Killed extends Error {}

describe('writeAll replaces the reports as a set', () => {
  it('writes the files and a manifest of their SHA-256, and nothing else is left', () => {
    const dir = tempDir('werkscan-set-');
    expect(writeAll(dir, asFiles(OLD), KNOWN)).toEqual({ removed: [], kept: [], recovered: false });
    expect(visible(dir)).toEqual(OLD);
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([MANIFEST]);
    // sha256("old a\n"), worked out with `printf 'old a\n' | sha256sum`
    expect(readManifest(dir)!.get('a.md')).toBe('c8518d7e574626e44644fb5dd1348aec70ed95b22336992a981336f5a0c69be3');
    expect(readFileSync(path.join(dir, MANIFEST), 'utf8').split('\n')[1]).toBe('c8518d7e574626e44644fb5dd1348aec70ed95b22336992a981336f5a0c69be3  a.md');
  });

  // The steps of writing NEW over OLD: staged, journal, 4 moves, 1 removal, manifest.
  const steps: Step[] = [];
  {
    const dir = tempDir('werkscan-set-');
    writeAll(dir, asFiles(OLD), KNOWN);
    writeAll(dir, asFiles(NEW), KNOWN, (s) => steps.push(s));
  }

  it('goes through these steps', () => {
    expect(steps).toEqual(['staged', 'journal', 'moved a.md', 'moved b.csv', 'moved same.md', 'moved d.md', 'removed c.md', 'manifest']);
  });

  it.each(steps.map((s, i) => [s, i] as const))('stopped after "%s": old set, or journal; the next run recovers the new set', (_, k) => {
    const dir = tempDir('werkscan-set-');
    writeAll(dir, asFiles(OLD), KNOWN);
    let n = 0;
    expect(() =>
      writeAll(dir, asFiles(NEW), KNOWN, () => {
        if (n++ === k) throw new Killed();
      }),
    ).toThrow(Killed);
    const journal = existsSync(path.join(dir, JOURNAL));
    if (k === 0) {
      expect(journal).toBe(false);
      expect(visible(dir)).toEqual(OLD); // nothing moved before the journal
    } else {
      expect(journal).toBe(k < steps.length); // (after the manifest, only the journal's removal was left)
    }
    // the next run, the killed one's process being gone
    expect(recoverReports(dir, () => false)).toBe(journal);
    expect(visible(dir)).toEqual(k === 0 ? OLD : NEW);
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([MANIFEST]); // staging folder and journal gone
    const m = readManifest(dir)!;
    expect([...m.keys()].sort()).toEqual(Object.keys(k === 0 ? OLD : NEW).sort());
  });

  it('leaves the staging folder of a live run, and refuses to write beside a live run\'s journal', () => {
    const dir = tempDir('werkscan-set-');
    writeAll(dir, asFiles(OLD), KNOWN);
    expect(() =>
      writeAll(dir, asFiles(NEW), KNOWN, (s) => {
        if (s === 'moved a.md') throw new Killed();
      }),
    ).toThrow(Killed);
    expect(() => recoverReports(dir, () => true)).not.toThrow(); // the journal is this process's own: finished
    expect(visible(dir)).toEqual(NEW);
    const other = JSON.stringify({ pid: 1, staging: '.werkscan-staging-1-00', write: [], remove: [] });
    writeFileSync(path.join(dir, JOURNAL), other);
    expect(() => recoverReports(dir, () => true)).toThrow(/another werkscan run \(process 1\) is writing reports/);
  });
});

describe('clean-up removes only what werkscan wrote', () => {
  it('keeps a report no longer written that was changed since, and one it has no record of writing', () => {
    const dir = tempDir('werkscan-set-');
    writeAll(dir, asFiles(OLD), KNOWN);
    writeFileSync(path.join(dir, 'c.md'), 'my own edits\n');
    writeFileSync(path.join(dir, 'd.md'), 'a file of mine with a report name\n');
    const r = writeAll(dir, asFiles({ 'a.md': 'x\n' }), KNOWN);
    expect(r.removed.sort()).toEqual(['b.csv', 'same.md']);
    expect(r.kept.sort()).toEqual(['c.md', 'd.md']);
    expect(visible(dir)).toEqual({ 'a.md': 'x\n', 'c.md': 'my own edits\n', 'd.md': 'a file of mine with a report name\n' });
  });

  it('in a folder without a manifest (an older werkscan\'s, or the user\'s own) removes nothing', () => {
    const dir = tempDir('werkscan-set-');
    writeFileSync(path.join(dir, 'c.md'), 'mine\n');
    const r = writeAll(dir, asFiles({ 'a.md': 'x\n' }), KNOWN);
    expect(r).toEqual({ removed: [], kept: ['c.md'], recovered: false });
    expect(visible(dir)).toEqual({ 'a.md': 'x\n', 'c.md': 'mine\n' });
  });
});
