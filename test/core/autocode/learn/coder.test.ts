/** The learned coder on the shipped corpus: deterministic, and cross-validated by document without leaks. */
import { describe, expect, it } from 'vitest';
import { outOfFoldCorpus, serializeCoder, trainCoder } from '../../../../src/core/autocode/learn/coder.js';
import { documentFolds } from '../../../../src/core/autocode/learn/folds.js';
import { sentenceUnits } from '../../../../src/core/autocode/learn/units.js';
import { loadProject } from '../../../../src/io/read.js';
import { projectSettings } from '../../../../src/io/project-file.js';
import { repoRoot } from '../../../helpers/run.js';

const settings = projectSettings({ cwd: repoRoot, projectDir: null, corpus: null, yamlCache: null });
const study = () => loadProject({ cwd: repoRoot, corpus: 'corpus', codebook: 'codebook', settings });

describe('learned coder', () => {
  it('is deterministic: the same corpus gives the same model, byte for byte, in any document order', () => {
    const p = study();
    const a = serializeCoder(trainCoder(p.corpus.documents, p.codebook));
    const b = serializeCoder(trainCoder([...p.corpus.documents].reverse(), p.codebook));
    expect(b).toBe(a);
    // and a different corpus a different model (the comparison can fail)
    expect(serializeCoder(trainCoder(p.corpus.documents.slice(1), p.codebook))).not.toBe(a);
  }, 60_000);

  it('puts every sentence of a document in its fold, and never splits a document', () => {
    const p = study();
    const folds = documentFolds(p.corpus.documents.map((d) => d.id), 5);
    expect(folds.size).toBe(p.corpus.documents.length);
    const perFold = [0, 1, 2, 3, 4].map((g) => [...folds.values()].filter((f) => f === g).length);
    expect(Math.max(...perFold) - Math.min(...perFold)).toBeLessThanOrEqual(1);
    for (const d of p.corpus.documents) expect(new Set(sentenceUnits(d).map((u) => folds.get(u.document)))).toEqual(new Set([folds.get(d.id)]));
  });

  it("codes a document out of fold: its own manual coding does not change its coding", () => {
    const p = study();
    const id = 'dh-01';
    const before = outOfFoldCorpus(p.corpus.documents, p.codebook).get(id);
    const erased = p.corpus.documents.map((d) => (d.id === id ? { ...d, segments: [] } : d));
    const after = outOfFoldCorpus(erased, p.codebook).get(id);
    expect(before!.length).toBeGreaterThan(0);
    expect(after).toEqual(before);
    // whereas another document's coding may depend on it: trained on it
  }, 60_000);
});
