/** paths: in werkscan.yaml are the default folders of every command that reads the project (#15.1). */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { starterCopy, werkscan } from '../helpers/run.js';

function renamedStudy(): string {
  const dir = starterCopy();
  renameSync(path.join(dir, 'corpus'), path.join(dir, 'mijncorpus'));
  renameSync(path.join(dir, 'codebook'), path.join(dir, 'mijncodeboek'));
  const file = path.join(dir, 'werkscan.yaml');
  const text = readFileSync(file, 'utf8');
  expect(text).toMatch(/^paths:\n  corpus: corpus\n  codebook: codebook\n  reports: reports\n/m);
  writeFileSync(file, text.replace(/^paths:\n  corpus: corpus\n  codebook: codebook\n  reports: reports\n/m, 'paths:\n  corpus: mijncorpus\n  codebook: mijncodeboek\n  reports: uit\n'));
  return dir;
}

describe('the folders of werkscan.yaml', () => {
  it('are where privacy, export and code look without arguments', async () => {
    const dir = renamedStudy();
    const privacy = await werkscan(['privacy'], dir);
    expect(privacy.stderr).toBe('');
    expect(privacy.stdout).toBe('no personal data found in 6 files\n');
    const exported = await werkscan(['export', 'qdc', '--out', 'x.qdc'], dir);
    expect(exported.code).toBe(0);
    expect(readFileSync(path.join(dir, 'x.qdc'), 'utf8')).toContain('<CodeBook');
    expect((await werkscan(['code'], dir)).code).toBe(0);
    expect(existsSync(path.join(dir, 'uit/findings.md'))).toBe(true);
  });

  it('are where import writes without --codebook and --corpus', async () => {
    const dir = renamedStudy();
    expect((await werkscan(['export', 'qdpx', '--out', 'study.qdpx'], dir)).code).toBe(0);
    const target = renamedStudy();
    rmSync(path.join(target, 'mijncodeboek'), { recursive: true });
    rmSync(path.join(target, 'mijncorpus'), { recursive: true });
    const r = await werkscan(['import', path.join(dir, 'study.qdpx')], target);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(path.join(target, 'mijncodeboek/codebook.yaml'))).toBe(true);
    expect(existsSync(path.join(target, 'mijncorpus/cases.yaml'))).toBe(true);
    expect(existsSync(path.join(target, 'codebook'))).toBe(false);
  });

  it('export still refuses to write into the declared codebook folder', async () => {
    const dir = renamedStudy();
    const r = await werkscan(['export', 'qdc', '--out', 'mijncodeboek/codebook.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to write');
  });
});
