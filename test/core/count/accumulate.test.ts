/**
 * Counting in parts (src/core/count/accumulate.ts): counts of a corpus equal the union of counts of its parts,
 * which travel between threads as PartialCounts (documents as numbers, cases and respondents as keys).
 */
import { describe, expect, it } from 'vitest';
import { frequencies, type CountOptions } from '../../../src/core/count/select.js';
import { CountAccumulator } from '../../../src/core/count/accumulate.js';
import { loadProject } from '../../../src/io/read.js';
import { repoRoot } from '../../helpers/run.js';

describe('CountAccumulator', () => {
  const project = loadProject({ cwd: repoRoot, corpus: 'corpus', codebook: 'codebook' });
  const { documents } = project.corpus;

  const cases: CountOptions[] = [{}, { rollup: true }, { where: { line: 'botoc' } }, { where: { domain: 'veiligheid' } }];
  for (const options of cases) {
    it(`merged parts count as the whole corpus does (${JSON.stringify(options)})`, () => {
      // three parts of uneven size, cases shared between them
      const parts = [documents.slice(0, 5), documents.slice(5, 30), documents.slice(30)].map((docs) => {
        const acc = new CountAccumulator();
        for (const doc of docs) acc.addDocument(project, doc, options);
        return acc.toPartial();
      });
      const merged = new CountAccumulator();
      for (const p of parts) merged.add(p);
      const whole = frequencies(project, options);
      expect(merged.rows(project.codebook)).toEqual(whole.rows);
      expect(merged.populationSizes()).toEqual({ document: whole.population.document.size, case: whole.population.case.size, respondent: whole.population.respondent.size });
      // documents travel as counts: the first part's 5 documents
      expect(parts[0]!.population.document).toBeLessThanOrEqual(5);
    });
  }
});
