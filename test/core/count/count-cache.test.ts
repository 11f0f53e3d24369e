/**
 * countCache/counted (src/core/count/select.ts): the reports of one bundle share selections and coded units.
 * Shared results must be exactly what counting afresh gives, per filter, source and rollup, and a cache
 * must never answer for another project or another automatic coding.
 */
import { describe, expect, it } from 'vitest';
import { autoCodeCorpus } from '../../../src/core/autocode/code.js';
import { compileCodebook } from '../../../src/core/autocode/compile.js';
import { codedUnits, countCache, counted, select, type CountOptions } from '../../../src/core/count/select.js';
import type { Project } from '../../../src/core/model.js';
import { loadProject } from '../../../src/io/read.js';
import { repoRoot } from '../../helpers/run.js';

const project = loadProject({ cwd: repoRoot, corpus: 'corpus', codebook: 'codebook' });
const auto = autoCodeCorpus(project.corpus.documents, compileCodebook(project.codebook)).segments;
const afresh = (p: Project, options: CountOptions, where = options.where ?? {}) => {
  const selection = select(p, where);
  return { population: selection.population, coded: codedUnits(p, selection, options) };
};

describe('counted', () => {
  it('gives what counting afresh gives, for each filter, source and rollup, and shares a repeated question', () => {
    const cache = countCache(project, auto);
    const variants: CountOptions[] = [{}, { where: { line: 'botoc' } }, { source: 'auto' }, { source: 'any', rollup: true }, { where: { type: 'plan' }, source: 'auto' }];
    for (const v of variants) {
      const options = { ...v, auto, cache };
      const first = counted(project, options);
      expect({ population: first.selection.population, coded: first.coded }, JSON.stringify(v)).toEqual(afresh(project, { ...v, auto }));
      expect(counted(project, { ...options })).toBe(first); // a second report asking the same
    }
    expect(cache.entries.size).toBe(variants.length);
    // the same filter in another key order is the same question
    expect(counted(project, { auto, cache, where: { type: 'interview', line: 'botoc' } })).toBe(counted(project, { auto, cache, where: { line: 'botoc', type: 'interview' } }));
  });

  it('passes the cache by for another project or another automatic coding', () => {
    const cache = countCache(project, auto);
    const whole = counted(project, { auto, cache });
    const fewer: Project = { ...project, corpus: { ...project.corpus, documents: project.corpus.documents.slice(0, 5) } };
    const other = counted(fewer, { auto, cache });
    expect(other).not.toBe(whole);
    expect(other.selection.documents).toHaveLength(5);
    const noAuto = counted(project, { source: 'auto', auto: new Map(), cache });
    expect([...noAuto.coded.values()].every((e) => e.segments.length === 0)).toBe(true);
    expect(cache.entries.size).toBe(1);
  });
});
