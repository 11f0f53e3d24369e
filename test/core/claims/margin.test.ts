/**
 * The robustness margin of a claim (#16.3), checked by recoding: uncode `margin` units and the verdict
 * changes; uncode one fewer and it stays. On the shipped study, and on hand-worked k/n.
 */
import { describe, expect, it } from 'vitest';
import { claimMargins } from '../../../src/core/claims/margin.js';
import { evaluateFindings } from '../../../src/core/claims/evaluate.js';
import type { Project } from '../../../src/core/model.js';
import { loadProject } from '../../../src/io/read.js';
import { repoRoot, werkscan } from '../../helpers/run.js';

const load = () => loadProject({ cwd: repoRoot, corpus: 'corpus', codebook: 'codebook' });

/** The project with every segment of `code` removed from the documents of the given cases. */
function uncode(project: Project, code: string, cases: readonly string[]): Project {
  const documents = project.corpus.documents.map((d) => (cases.includes(d.case) ? { ...d, segments: d.segments.filter((s) => s.code !== code) } : d));
  return { ...project, corpus: { ...project.corpus, documents } };
}

const verdict = (project: Project, id: string) => {
  const r = evaluateFindings(project).findings.find((f) => f.id === id)!;
  return { k: r.k, n: r.n, holds: r.holds };
};

describe('claimMargins on the shipped study', () => {
  const project = load();
  const results = evaluateFindings(project).findings;
  const margins = claimMargins(project, results);
  const of = (id: string) => margins[results.findIndex((f) => f.id === id)]!;

  it('findings --margin --format json: 51 of 77 coded claims change their verdict when one unit is recoded', async () => {
    const r = await werkscan(['findings', '--margin', '--format', 'json'], repoRoot);
    expect(r.code).toBe(0);
    const findings = (JSON.parse(r.stdout) as { findings: { id: string; margin: number | null; fragile_units: unknown[] }[] }).findings;
    expect(findings).toHaveLength(121);
    const coded = findings.filter((f) => f.margin !== null);
    expect(coded).toHaveLength(77);
    expect(coded.filter((f) => f.margin === 1)).toHaveLength(51);
    for (const f of coded) expect(Number.isInteger(f.margin) && f.margin! > 0).toBe(true);
    for (const f of findings) expect(Array.isArray(f.fragile_units)).toBe(true);
    // the source: auto claim counts automatic coding, which the command runs (8 of 8 plans)
    expect(findings.find((f) => f.id === 'plan-werk-genoemd-alle-auto')).toMatchObject({ margin: 1 });
  });

  it('a margin-1 claim (de meeste, 5 of 8 cases) fails when one coded case is recoded', () => {
    const m = of('botoc-diversiteit-de-meeste');
    expect(m).toMatchObject({ margin: 1, direction: 'fewer', exact: false });
    expect(m.fragileUnits.map((u) => u.unit)).toHaveLength(5);
    const code = results.find((f) => f.id === 'botoc-diversiteit-de-meeste')!.codes[0]!;
    expect(verdict(project, 'botoc-diversiteit-de-meeste')).toEqual({ k: 5, n: 8, holds: true });
    expect(verdict(uncode(project, code, [m.fragileUnits[0]!.unit]), 'botoc-diversiteit-de-meeste')).toEqual({ k: 4, n: 8, holds: false });
  });

  it('a margin-2 claim (veel, 5 of 8 cases) holds when one case is recoded and fails at two', () => {
    const id = 'botoc-afdelingen-vinden-elkaar-niet';
    expect(of(id)).toMatchObject({ margin: 2, direction: 'fewer', fragileUnits: [] });
    const f = results.find((r) => r.id === id)!;
    const coded = project.corpus.cases.map((c) => c.id).filter((c) => project.corpus.documents.some((d) => d.case === c && d.segments.some((s) => s.code === f.codes[0])));
    const botoc = coded.filter((c) => project.corpus.cases.find((x) => x.id === c)!.attrs.line === 'botoc');
    expect(verdict(uncode(project, f.codes[0]!, botoc.slice(0, 1)), id)).toEqual({ k: 4, n: 8, holds: true });
    expect(verdict(uncode(project, f.codes[0]!, botoc.slice(0, 2)), id)).toEqual({ k: 3, n: 8, holds: false });
  });

  it('says an exact quantifier (alle, 8 of 8) has margin 1 by nature, and names the segment each unit rests on', () => {
    const m = of('botoc-snel-geld-alle');
    expect(m).toMatchObject({ margin: 1, direction: 'fewer', exact: true });
    expect(m.fragileUnits).toHaveLength(8);
    expect(m.fragileUnits.find((u) => u.unit === 'amsterdam')).toEqual({ unit: 'amsterdam', segments: ['ams-01#14'], single: true });
  });

  it('gives a claim that counts its population (no codes) no margin', () => {
    expect(of('int-tien-landen')).toMatchObject({ margin: null, direction: null });
  });

  it('finds the same coded units as the check: the fragile units of every margin-1 uncode claim number k', () => {
    results.forEach((f, i) => {
      const m = margins[i]!;
      if (m.fragileUnits.length > 0) expect(m.fragileUnits).toHaveLength(f.k);
    });
  });
});
