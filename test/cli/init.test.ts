/** `werkscan init`: a new study that lints clean and counts at once; never into a full folder, never over a file. */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, repoRoot, tempDir, werkscan } from '../helpers/run.js';

const FILES = [
  '.github/workflows/werkscan.yml',
  '.gitignore',
  'codebook/codebook.yaml',
  'codebook/findings.yaml',
  'corpus/cases.yaml',
  'corpus/interviews/dijkveen-01.md',
  'corpus/plannen/zandwijk-plan.md',
  'werkscan.yaml',
];

const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

type Row = { code: string; segments: number; documents: number; cases: number };

describe('werkscan init', () => {
  it('writes a study into a new folder that lints clean, reproduces its claim and counts at once', async () => {
    const dir = tempDir();
    const r = await werkscan(['init', 'studie'], dir);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(new RegExp(`^wrote 8 files to studie/:\\n${FILES.map((f) => `  studie/${f}\\n`).join('')}\\nNext steps:\\n  cd studie\\n  werkscan lint `.replaceAll('.', '\\.')));
    const study = path.join(dir, 'studie');

    const lint = await werkscan(['lint'], study);
    expect([lint.code, lint.stdout, lint.stderr]).toEqual([0, '0 errors, 0 warnings — 3 codes, 2 cases, 2 documents, 1 findings\n', '']);
    const findings = await werkscan(['findings'], study);
    expect(findings.code).toBe(0);
    expect(findings.stdout).toMatch(/✓ +samenwerking-beide-gemeenten +3\.1 +alle +2\/2 +case/);
    expect(findings.stdout).toMatch(/^1 reproduced, 0 known discrepancies, 0 failed/m);

    const code = await werkscan(['code'], study);
    expect([code.code, code.stderr]).toEqual([0, '']);
    expect(code.stdout).toContain('6 coded segments; 3 of 3 codes used\n');
    expect(readdirSync(path.join(study, 'reports'))).toEqual(
      // at least these (with the project file read, the axis comparison is written too)
      expect.arrayContaining(['.werkscan-manifest', 'cooccurrence.csv', 'deelvragen.md', 'evidence.csv', 'findings.md', 'frequencies.csv', 'frequencies.md', 'index.html', 'matrix.csv', 'segments.csv', 'term-matches.csv']),
    );
    expect((await werkscan(['code', '--check'], study)).code).toBe(0);

    // By hand: financiering in the interview (R2) and the plan; regeldruk once in the interview;
    // samenwerking twice in the interview (R1) and once in the plan.
    const freq = JSON.parse((await werkscan(['freq', '--format', 'json'], study)).stdout) as { rows: Row[] };
    expect(freq.rows.map(({ code, segments, documents, cases }) => ({ code, segments, documents, cases }))).toEqual([
      { code: 'financiering', segments: 2, documents: 2, cases: 2 },
      { code: 'regeldruk', segments: 1, documents: 1, cases: 1 },
      { code: 'samenwerking', segments: 3, documents: 2, cases: 2 },
    ]);
    // the study's own axis: one pilot and one comparison municipality
    const compare = await werkscan(['compare', '--group-by', 'groep', '--no-color'], study);
    expect(compare.stdout).toContain('unit: case; groups by groep: pilot (n = 1), vergelijking (n = 1)');
  });

  it('the CI example runs lint, findings and code --check, and installs this version', async () => {
    const dir = tempDir();
    await werkscan(['init'], dir);
    const ci = readFileSync(path.join(dir, '.github/workflows/werkscan.yml'), 'utf8');
    for (const step of ['werkscan lint', 'werkscan findings', 'werkscan code --check']) expect(ci).toContain(`      - run: ${step}\n`);
    expect(ci).toContain(`WERKSCAN_PACKAGE: vendor/werkscan-${version}.tgz\n`);
    expect(ci).not.toContain('{{');
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toMatch(/^node_modules\/$/m);
  });

  it('writes into an empty folder, and into one that holds only .git', async () => {
    const dir = tempDir();
    const r = await werkscan(['init'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote 8 files to \.\/:\n  \.github\/workflows\/werkscan\.yml\n/);
    expect(r.stdout).not.toContain('  cd ');
    const git = tempDir();
    mkdirSync(path.join(git, '.git'));
    expect((await werkscan(['init', '.'], git)).code).toBe(0);
    expect(existsSync(path.join(git, 'werkscan.yaml'))).toBe(true);
  });

  it('refuses a folder that is not empty: exit 2 naming it, nothing written', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'studie'));
    writeFileSync(path.join(dir, 'studie/notities.txt'), 'mijn notities\n');
    const r = await werkscan(['init', 'studie'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'werkscan: studie is not empty (notities.txt); init writes a new study only into a new or empty folder\n' +
        '  name a new folder (werkscan init my-study), or pass --force to add the missing files to studie (existing files are kept)\n',
    );
    expect(readdirSync(path.join(dir, 'studie'))).toEqual(['notities.txt']);
  });

  it('refuses a file: exit 2 naming it', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'studie'), 'x');
    const r = await werkscan(['init', 'studie'], dir);
    expect([r.code, r.stderr]).toEqual([2, 'werkscan: studie exists and is not a folder\n  name a new or empty folder: werkscan init my-study\n']);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('--force adds the missing files, keeps every file that exists and names it', async () => {
    const dir = tempDir();
    const own = 'title: Mijn eigen codeboek\ncodes: []\n';
    mkdirSync(path.join(dir, 'codebook'));
    writeFileSync(path.join(dir, 'codebook/codebook.yaml'), own);
    writeFileSync(path.join(dir, '.gitignore'), 'data/\n');
    const r = await werkscan(['init', '--force'], dir);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('wrote 6 files to ./:\n');
    expect(r.stdout).toContain("kept 2 files that are there already (not overwritten):\n  .gitignore\n  codebook/codebook.yaml\n\nNext steps:\n");
    expect(r.stdout).toContain('(the kept files may not fit the new ones)');
    expect(readFileSync(path.join(dir, 'codebook/codebook.yaml'), 'utf8')).toBe(own);
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toBe('data/\n');
    expect(existsSync(path.join(dir, 'corpus/interviews/dijkveen-01.md'))).toBe(true);

    // a second run writes nothing and says so
    const again = await werkscan(['init', '--force'], dir);
    expect(again.stdout).toMatch(/^wrote nothing to \.\/: every file of the study is there already\nkept 8 files/);
  });

  it('--force writes nothing through a symbolic link or over a folder', async () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    symlinkSync(elsewhere, path.join(dir, 'corpus'));
    mkdirSync(path.join(dir, 'werkscan.yaml'));
    const r = await werkscan(['init', '--force'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  corpus/cases.yaml (corpus is a symbolic link)\n');
    expect(r.stdout).toContain('  werkscan.yaml (a folder is there)\n');
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});
