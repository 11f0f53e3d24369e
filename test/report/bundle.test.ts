/**
 * The list of reports: `werkscan code` writes exactly the files of REPORTS (when the project has what
 * each shows), and removes an earlier copy of one it no longer writes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReports, REPORT_NAMES, REPORTS } from '../../src/report/bundle.js';
import { loadProject } from '../../src/io/read.js';
import { projectSettings } from '../../src/io/project-file.js';
import { repoRoot, starterCopy, tempDir, werkscan, writeFiles } from '../helpers/run.js';

// The shipped study has research lines, countries and findings: it gets every report.
const EVERY_REPORT = [
  'frequencies.md',
  'frequencies.csv',
  'segments.csv',
  'term-matches.csv',
  'matrix.csv',
  'evidence.csv',
  'vergelijking-lijnen.md',
  'vergelijking-lijnen.csv',
  'cooccurrence.csv',
  'deelvragen.md',
  'internationaal.md',
  'findings.md',
  'index.html',
  'werkscan.xlsx',
];

// internationaal.md is the study's own: a `case_tables` entry of its werkscan.yaml, not one of werkscan's reports.
const BUILT_IN = EVERY_REPORT.filter((n) => n !== 'internationaal.md');

describe('REPORTS', () => {
  it('names every report once, in the order they are written', () => {
    expect(REPORT_NAMES).toEqual(BUILT_IN);
    expect(REPORTS.map((r) => r.name)).toEqual(BUILT_IN);
  });

  it('werkscan code on the shipped study writes every report of the list and nothing else', async () => {
    const out = path.join(tempDir(), 'reports');
    const r = await werkscan(['code', '--out', out], repoRoot);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.werkscan-manifest', ...EVERY_REPORT].sort());
    expect(r.stdout).toMatch(new RegExp(`wrote 14 files to [^:]+: ${EVERY_REPORT.join(', ').replace(/\./g, '\\.')}\\n`));
  });

  it('a project without countries gets every report but internationaal.md, and loses a copy werkscan wrote earlier', async () => {
    const dir = starterCopy();
    const project = loadProject({ cwd: dir, corpus: 'corpus', codebook: 'codebook', settings: projectSettings({ cwd: dir }) });
    expect(buildReports(project).files.map((f) => f.name)).toEqual(EVERY_REPORT.filter((n) => n !== 'internationaal.md'));
    const earlier = 'from an earlier run\n';
    const sha = createHash('sha256').update(earlier).digest('hex');
    writeFiles(dir, { 'reports/internationaal.md': earlier, 'reports/.werkscan-manifest': `${sha}  internationaal.md\n` });
    const r = await werkscan(['code'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('removed internationaal.md: no longer written');
    expect(existsSync(path.join(dir, 'reports/internationaal.md'))).toBe(false);
  });

  it('keeps a file of that name that werkscan did not write, and says so', async () => {
    const dir = starterCopy();
    // a declared table of cases that selects none is not written
    const table = 'case_tables:\n  - { file: internationaal.md, title: Landen, where: { kind: land }, columns: [{ header: Land, attribute: name }] }\n';
    writeFiles(dir, { 'reports/internationaal.md': 'my own notes\n', 'werkscan.yaml': readFileSync(path.join(dir, 'werkscan.yaml'), 'utf8') + table });
    const r = await werkscan(['code'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('left internationaal.md: no longer written, but not (or no longer) as werkscan wrote it');
    expect(existsSync(path.join(dir, 'reports/internationaal.md'))).toBe(true);
  });
});
