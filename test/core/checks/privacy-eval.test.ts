import { describe, expect, it } from 'vitest';
import { KINDS, labelled, score } from './privacy-eval.js';

describe('privacy scan on the labelled set (test/fixtures/privacy/labelled.tsv)', () => {
  const rows = labelled();

  it('has at least 200 positives and 200 look-alikes', () => {
    expect(rows.filter((r) => r.kind !== 'none').length).toBeGreaterThanOrEqual(200);
    expect(rows.filter((r) => r.kind === 'none').length).toBeGreaterThanOrEqual(200);
  });

  it.each(KINDS)('%s: recall ≥ 0.97 and precision ≥ 0.95 on the whole set', (kind) => {
    const { scores } = score(rows);
    const s = scores[kind]!;
    expect({ kind, ...s, recallOk: s.recall >= 0.97, precisionOk: s.precision >= 0.95 }).toMatchObject({ recallOk: true, precisionOk: true });
  });
});
