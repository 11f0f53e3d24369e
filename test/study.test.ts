/**
 * The reconstructed study (corpus/, codebook/): every claim of the report is reproduced, every code is
 * used, and removing one coded span makes exactly the claim that rests on it fail.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir, werkscan } from './helpers/run.js';

interface FindingsJson {
  ok: boolean;
  findings: { id: string; ok: boolean; k: number; n: number; quantifier: string; status: string; section: string }[];
}

function studyCopy(): string {
  const dir = tempDir('werkscan-study-');
  cpSync(path.join(repoRoot, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
  cpSync(path.join(repoRoot, 'codebook'), path.join(dir, 'codebook'), { recursive: true });
  return dir;
}

describe('the reconstructed study', () => {
  it('reproduces every quantified claim; the report\'s own contradictions are known discrepancies', async () => {
    const r = await werkscan(['findings', '--format', 'json'], repoRoot);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as FindingsJson;
    expect(data.ok).toBe(true);
    expect(data.findings.length).toBeGreaterThanOrEqual(45);
    expect(data.findings.filter((f) => f.status === 'known-discrepancy').map((f) => f.id)).toEqual(['opzet-overig-zeven-interviews', 'opzet-overig-dertien-respondenten']);
    // 1.4 says seven interviews with thirteen respondents; appendix 3 lists eight with fourteen
    const byId = new Map(data.findings.map((f) => [f.id, f]));
    expect(byId.get('opzet-overig-zeven-interviews')).toMatchObject({ k: 8, n: 8 });
    expect(byId.get('opzet-overig-dertien-respondenten')).toMatchObject({ k: 14, n: 14 });
    // a few anchors, counted from the corpus: capaciteit in all 8 BOTOC municipalities; work mentioned in all 8 plans
    expect(byId.get('botoc-capaciteit-alle')).toMatchObject({ k: 8, n: 8, ok: true });
    // the plan scan with automatic coding (source: auto)
    expect(byId.get('plan-werk-genoemd-alle-auto')).toMatchObject({ k: 8, n: 8, ok: true });
  });

  it('lint is clean and every code of the codebook is used', async () => {
    const r = await werkscan(['lint'], repoRoot);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^0 errors, 0 warnings — 125 codes, 32 cases, 53 documents, \d+ findings\n$/);
  });

  it('removing the one capaciteit span of Utrecht fails "alle BOTOC-gemeenten" (7/8) and nothing else', async () => {
    const dir = studyCopy();
    const file = path.join(dir, 'corpus/botoc/utrecht/utr-01.md');
    const text = readFileSync(file, 'utf8');
    const span = /\[([^\]]*)\]\{\.capaciteit\}/;
    expect(text).toMatch(span);
    writeFileSync(file, text.replace(span, '$1'));
    const r = await werkscan(['findings', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const data = JSON.parse(r.stdout) as FindingsJson;
    const failed = data.findings.filter((f) => !f.ok);
    expect(failed.map((f) => [f.id, f.k, f.n])).toEqual([['botoc-capaciteit-alle', 7, 8]]);
  });

  it('the committed reports/ are what werkscan code writes', async () => {
    const r = await werkscan(['code', '--check'], repoRoot);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('the held-out set (coded from definitions only) is consistent, and automatic coding scores as measured', async () => {
    expect((await werkscan(['lint', 'corpus-heldout', '--no-findings'], repoRoot)).stdout).toMatch(/\n0 errors, \d+ warnings — 125 codes, 4 cases, 4 documents, findings left out\n$/);
    const r = await werkscan(['agree', '--auto', 'corpus-heldout', '--format', 'json'], repoRoot);
    expect(r.code).toBe(0);
    const all = (JSON.parse(r.stdout) as { groups: { group: string; tp: number; fp: number; fn: number }[] }).groups.find((g) => g.group === '*');
    // Pinned measurement, reported in docs/study.md: change it together with the codebook's terms.
    expect(all).toMatchObject({ tp: 15, fp: 31, fn: 105 });
  });

  it('the plan scan also holds with automatic coding: work is mentioned in all eight plans', async () => {
    const r = await werkscan(['freq', '--source', 'auto', '--where', 'type=plan', '--format', 'json'], repoRoot);
    const rows = (JSON.parse(r.stdout) as { rows: { code: string; documents: number }[] }).rows;
    expect(rows.find((x) => x.code === 'plan-werk-genoemd')!.documents).toBe(8);
  });
});
