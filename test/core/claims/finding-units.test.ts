/**
 * findingUnitsAll (src/core/claims/evaluate.ts) counts findings that share a filter in one selection and one pass
 * per source. It must give each finding exactly the units of counting it alone, over every code: checked
 * on the shipped study's claims, with and without rollup, and on findings that share a filter but not codes.
 */
import { describe, expect, it } from 'vitest';
import { autoCodeCorpus } from '../../../src/core/autocode/code.js';
import { compileCodebook } from '../../../src/core/autocode/compile.js';
import { codedUnits, select, type CountOptions } from '../../../src/core/count/select.js';
import { findingUnitsAll, type FindingUnits } from '../../../src/core/claims/evaluate.js';
import type { Finding, Project } from '../../../src/core/model.js';
import { loadProject } from '../../../src/io/read.js';
import { repoRoot } from '../../helpers/run.js';

/** One finding alone, over all codes: the counting that grouping replaces. */
function alone(project: Project, f: Finding, options: Omit<CountOptions, 'where' | 'source'>): FindingUnits {
  const selection = select(project, f.among);
  const coded = codedUnits(project, selection, { ...options, source: f.source });
  return { population: selection.population[f.unit], coded: f.codes.map((c) => coded.get(c)?.[f.unit] ?? new Set<string>()) };
}

const project = loadProject({ cwd: repoRoot, corpus: 'corpus', codebook: 'codebook' });
const auto = autoCodeCorpus(project.corpus.documents, compileCodebook(project.codebook)).segments;

describe('findingUnitsAll', () => {
  it('gives every claim of the shipped study the units it has counted alone (manual and automatic sources)', () => {
    expect(project.findings.length).toBeGreaterThan(100);
    expect(new Set(project.findings.map((f) => f.source)).size).toBeGreaterThan(1);
    for (const rollup of [false, true]) {
      const grouped = findingUnitsAll(project, project.findings, { auto, rollup });
      project.findings.forEach((f, i) => expect(grouped[i], `${f.id}${rollup ? ' (rollup)' : ''}`).toEqual(alone(project, f, { auto, rollup })));
    }
  });

  it('keeps apart findings with the same filter, written in another key order, and different codes and units', () => {
    const base = project.findings.find((f) => Object.keys(f.among).length === 0 && f.codes.length > 0)!;
    const [a, b] = project.codebook.codes.map((c) => c.id);
    const variants: Finding[] = [
      { ...base, id: 'x1', among: { line: 'botoc', type: 'interview' }, codes: [a!], unit: 'case' },
      { ...base, id: 'x2', among: { type: 'interview', line: 'botoc' }, codes: [b!], unit: 'respondent' },
      { ...base, id: 'x3', among: { line: 'botoc' }, codes: [], unit: 'document' },
    ];
    const grouped = findingUnitsAll(project, variants, { auto });
    variants.forEach((f, i) => expect(grouped[i], f.id).toEqual(alone(project, f, { auto })));
    expect(grouped[0]!.population).not.toEqual(grouped[1]!.population); // cases against respondents
  });

  it('keeps apart findings with the same filter and codes but another source', () => {
    // Automatic coding that found nothing: a claim counted on it has no coded units, its manual twin has.
    const claim = project.findings.find((f) => f.among.line === 'botoc' && f.codes.length > 0 && f.source === 'manual')!;
    const twins: Finding[] = [claim, { ...claim, id: 'auto-twin', source: 'auto' }];
    const grouped = findingUnitsAll(project, twins, { auto: new Map() });
    twins.forEach((f, i) => expect(grouped[i], f.id).toEqual(alone(project, f, { auto: new Map() })));
    expect(grouped[0]!.coded[0]!.size).toBeGreaterThan(0);
    expect(grouped[1]!.coded[0]!.size).toBe(0);
  });
});
