/**
 * #14.4: the output guard compares real paths, and clean-up removes only what werkscan wrote.
 * Before: `ln -s corpus c; code --out c` wrote 13 reports into the corpus; `export qdc --out
 * cb-link/codebook.yaml` replaced the codebook with XML; `code --out .` without findings.yaml deleted
 * the user's own ./findings.md.
 */
import { readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { starterCopy, werkscan } from '../helpers/run.js';

const list = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

describe('the output guard follows links', () => {
  it('code --out <link to the corpus>: refused (exit 2), the corpus untouched', async () => {
    const dir = starterCopy();
    symlinkSync('corpus', path.join(dir, 'c'));
    symlinkSync('codebook', path.join(dir, 'cb'));
    const before = list(path.join(dir, 'corpus'));
    const real = realpathSync(dir);
    for (const [out, is] of [
      ['c', 'corpus folder (c is ' + path.join(real, 'corpus') + ')'],
      ['c/sub', 'corpus folder (c/sub is ' + path.join(real, 'corpus/sub') + ')'],
      ['cb', 'codebook folder (cb is ' + path.join(real, 'codebook') + ')'],
    ]) {
      const r = await werkscan(['code', '--out', out!], dir);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(`werkscan: refusing to write reports into the ${is}`);
    }
    expect(list(path.join(dir, 'corpus'))).toEqual(before);
  });

  it('export qdc --out <link to the codebook>/codebook.yaml: refused, the codebook untouched', async () => {
    const dir = starterCopy();
    symlinkSync('codebook', path.join(dir, 'cb-link'));
    const codebook = readFileSync(path.join(dir, 'codebook/codebook.yaml'), 'utf8');
    const r = await werkscan(['export', 'qdc', '--out', 'cb-link/codebook.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to write reports into the codebook folder (cb-link/codebook.yaml is ');
    expect(readFileSync(path.join(dir, 'codebook/codebook.yaml'), 'utf8')).toBe(codebook);
  });
});

describe('clean-up removes only what werkscan wrote', () => {
  it('code --out . without findings.yaml keeps the user\'s own findings.md, and says so', async () => {
    const dir = starterCopy();
    rmSync(path.join(dir, 'codebook/findings.yaml'));
    writeFileSync(path.join(dir, 'findings.md'), '# Mijn bevindingen\n');
    const r = await werkscan(['code', '--out', '.'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'findings.md'), 'utf8')).toBe('# Mijn bevindingen\n');
    expect(r.stdout).toContain('left findings.md: no longer written, but not (or no longer) as werkscan wrote it; remove by hand if unwanted');
    // and --check does not ask to remove it: werkscan's manifest does not list it
    expect((await werkscan(['code', '--check', '--out', '.'], dir)).code).toBe(0);
  });

  it('a report werkscan wrote and the user changed since is kept when no longer written; --check still names it', async () => {
    const dir = starterCopy();
    expect((await werkscan(['code'], dir)).code).toBe(0);
    writeFileSync(path.join(dir, 'reports/findings.md'), '# bewerkt\n');
    rmSync(path.join(dir, 'codebook/findings.yaml'));
    const check = await werkscan(['code', '--check'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('reports/findings.md: no longer written (remove it)');
    const r = await werkscan(['code'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'reports/findings.md'), 'utf8')).toBe('# bewerkt\n');
  });
});
