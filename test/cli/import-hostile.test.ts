/**
 * Import of projects from others (issue #14 items 1, 2, 11): names that climb out of the target folder,
 * zip bombs, colliding names, and a failure half-way. Every write stays inside the target folders, every
 * entry is inflated within limits, and an import that fails leaves the folders as they were.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, repoRoot, starterCopy, tempDir, werkscan, writeFiles } from '../helpers/run.js';
import { deflatedEntry, projectQde, rawZip, storedEntry, zeroStream } from '../helpers/zips.js';
import { crc32 } from '../../src/io/zip.js';

const qdpx = (qde: string, more: ReturnType<typeof storedEntry>[] = []) => rawZip([storedEntry('project.qde', qde), ...more]);
const mdFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.md')).sort();

describe('import: every write inside the target folders (#14.1)', () => {
  it('a source named ../../../../x becomes document x in the corpus folder, with a warning; nothing is written outside', async () => {
    const root = tempDir();
    const cwd = path.join(root, '1/2/3');
    // corpus/../../../../x.md would be <root>/x.md
    writeFiles(cwd, { 'p.qdpx': qdpx(projectQde([['../../../../x', 'Tekst.']])) });
    writeFiles(root, { 'x.md': 'keep' });
    const r = await werkscan(['import', 'p.qdpx', '--force'], cwd);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(root, 'x.md'), 'utf8')).toBe('keep');
    expect(mdFiles(path.join(cwd, 'corpus'))).toEqual(['x.md']);
    expect(readFileSync(path.join(cwd, 'corpus/x.md'), 'utf8')).toMatch(/^---\nid: "x"\n/);
    expect(r.stderr).toBe('werkscan: warning: ../../../../x: the name is not a safe file name (it holds ..); imported as document "x"\n');
    expect((await werkscan(['lint'], cwd)).code).toBe(0);
  });

  it('names that one file system takes for one file (a, A, sub/../a) become three documents, with warnings', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'p.qdpx': qdpx(projectQde([['a', 'Een.'], ['A', 'Twee.'], ['sub/../a', 'Drie.']])) });
    const r = await werkscan(['import', 'p.qdpx'], dir);
    expect(r.code).toBe(0);
    expect(mdFiles(path.join(dir, 'corpus'))).toEqual(['a-2.md', 'a.md', 'sub-a.md']);
    expect(readFileSync(path.join(dir, 'corpus/a.md'), 'utf8')).toMatch(/\nEen\.$/);
    expect(readFileSync(path.join(dir, 'corpus/a-2.md'), 'utf8')).toMatch(/^---\nid: "a-2"\n[\s\S]*\nTwee\.$/);
    expect(readFileSync(path.join(dir, 'corpus/sub-a.md'), 'utf8')).toMatch(/^---\nid: "sub-a"\n[\s\S]*\nDrie\.$/);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'werkscan: warning: A: the name is taken by another source (file names ignore case); imported as document "a-2"',
      'werkscan: warning: sub/../a: the name is not a safe file name (it holds ..); imported as document "sub-a"',
    ]);
  });

  it('werkscan\'s own format: a corpus id ../../x is a lint error, so it is neither exported nor written outside', async () => {
    const dir = starterCopy();
    writeFiles(dir, { 'corpus/x.md': '---\nid: ../../x\ntype: plan\ncase: leiden\n---\nTekst.\n' });
    const lint = await werkscan(['lint'], dir);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('corpus/x.md:2:1: error: document id "../../x" cannot name a file: it holds .. (expected a file name, or folders and a file name separated by /, e.g. plannen/ams-plan) [unsafe-id]');
    expect((await werkscan(['export', 'qdpx', '--out', 'p.qdpx'], dir)).code).toBe(2);
  });

  it('does not write through a symbolic link in the target folder, even with --force', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'p.qdpx': qdpx(projectQde([['doc', 'Tekst.']])), 'elders/geheim.md': 'geheim' });
    mkdirSync(path.join(dir, 'corpus'));
    symlinkSync(path.join(dir, 'elders/geheim.md'), path.join(dir, 'corpus/doc.md'));
    const r = await werkscan(['import', 'p.qdpx', '--force'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^werkscan: corpus\/doc\.md is a symbolic link; import does not replace links\n/);
    expect(readFileSync(path.join(dir, 'elders/geheim.md'), 'utf8')).toBe('geheim');
    expect(existsSync(path.join(dir, 'codebook'))).toBe(false);
  });
});

describe('import: all or nothing (#14.11)', () => {
  it('a failure half-way (a folder where a document should go) leaves every target file as it was', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'p.qdpx': qdpx(projectQde([['a', 'Een.'], ['b', 'Twee.'], ['c', 'Drie.']])),
      'codebook/codebook.yaml': 'oud',
      'corpus/a.md': 'oud',
      'corpus/b.md/in-de-weg.txt': 'x',
    });
    const r = await werkscan(['import', 'p.qdpx', '--force'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^werkscan: corpus\/b\.md is a folder; import replaces only files\n/);
    expect(readFileSync(path.join(dir, 'codebook/codebook.yaml'), 'utf8')).toBe('oud');
    expect(readFileSync(path.join(dir, 'corpus/a.md'), 'utf8')).toBe('oud');
    expect(readdirSync(path.join(dir, 'corpus')).sort()).toEqual(['a.md', 'b.md']);
    expect(readdirSync(dir).sort()).toEqual(['codebook', 'corpus', 'p.qdpx']); // no temporary folder left
  });
});

/** Run the built binary and report its peak memory (resident set, MB). */
function withPeakMemory(args: string[], cwd: string) {
  const hook = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nmaxrss="+process.resourceUsage().maxRSS+"\\n"))';
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', hook, path.join(repoRoot, 'bin/werkscan.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const rss = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  return { code: r.status, stderr: r.stderr.replace(/\nmaxrss=\d+\n$/, ''), rssMB: rss, ms: Date.now() - started };
}

describe('import: zip bombs are refused with exit 2, naming the entry, in bounded memory (#14.2)', () => {
  const lie = (name: string, mib: number, declared: number) => ({ name, stored: zeroStream(mib), method: 8 as const, size: declared, crc: 0 });

  it('a 1 MB .qdpx whose project.qde inflates to 1 GiB', () => {
    const dir = tempDir();
    const bomb = { ...lie('project.qde', 1024, 1024 * 1024 * 1024), crc: 0 };
    writeFiles(dir, { 'b.qdpx': rawZip([bomb]) });
    const r = withPeakMemory(['import', 'b.qdpx'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^werkscan: b\.qdpx: entry project\.qde would inflate to 1024 MB, more than the limit of 64 MB per entry\n/);
    expect(r.rssMB).toBeLessThan(200);
    expect(r.ms).toBeLessThan(10_000);
    expect(existsSync(path.join(dir, 'corpus'))).toBe(false);
  });

  it('an entry whose header understates its size (1 KB declared, 1 GiB inside)', () => {
    const dir = tempDir();
    const qde = projectQde([['doc', null]]);
    writeFiles(dir, { 'b.qdpx': rawZip([storedEntry('project.qde', qde), lie('sources/doc.txt', 1024, 1024)]) });
    const r = withPeakMemory(['import', 'b.qdpx'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^werkscan: b\.qdpx: entry sources\/doc\.txt inflates to more than its declared 1024 bytes\n/);
    expect(r.rssMB).toBeLessThan(200);
  });

  it('16 entries pointing at one deflated stream (257 KB → 4.5 GB before)', () => {
    const dir = tempDir();
    const names = Array.from({ length: 16 }, (_, i) => `doc${i}`);
    const qde = projectQde(names.map((n) => [n, null]));
    const shared = lie('sources/doc0.txt', 250, 250 * 1024 * 1024);
    writeFiles(dir, { 'b.qdpx': rawZip([storedEntry('project.qde', qde), shared], names.slice(1).map((n) => [`sources/${n}.txt`, 1])) });
    const r = withPeakMemory(['import', 'b.qdpx'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^werkscan: b\.qdpx: entry sources\/doc1\.txt shares its data with entry sources\/doc0\.txt\n/);
    expect(r.rssMB).toBeLessThan(200);
  });

  it('an entry within the size limit that inflates more than 100-fold (32 MiB from 33 KB)', async () => {
    const dir = tempDir();
    const qde = projectQde([['doc', null]]);
    writeFiles(dir, { 'b.qdpx': rawZip([storedEntry('project.qde', qde), { ...lie('sources/doc.txt', 32, 32 * 1024 * 1024) }]) });
    const r = await werkscan(['import', 'b.qdpx'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^werkscan: b\.qdpx: entry sources\/doc\.txt would inflate \d+-fold, more than the limit of 100-fold\n/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('inflates only the entries the import uses: an unreferenced bomb next to a good project is never opened', async () => {
    const dir = tempDir();
    const text = 'Tekst van het document.';
    const qde = projectQde([['doc', null]]);
    const bomb = lie('extra/bom.bin', 1024, 1024 * 1024 * 1024);
    writeFiles(dir, { 'b.qdpx': rawZip([deflatedEntry('project.qde', qde), deflatedEntry('sources/doc.txt', text), bomb]) });
    const r = await werkscan(['import', 'b.qdpx'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'corpus/doc.md'), 'utf8')).toMatch(/\nTekst van het document\.$/);
  });

  it('a damaged entry (wrong CRC-32) is exit 2 naming the entry', async () => {
    const dir = tempDir();
    const qde = Buffer.from(projectQde([['doc', 'Tekst.']]));
    writeFiles(dir, { 'b.qdpx': rawZip([{ ...storedEntry('project.qde', qde), crc: crc32(qde) ^ 1 }]) });
    const r = await werkscan(['import', 'b.qdpx'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^werkscan: b\.qdpx: entry project\.qde is damaged \(CRC-32 does not match\)\n/);
  });
});
