/**
 * compileTerm (src/core/text/terms.ts): what a codebook term compiles to, and why an invalid one is refused.
 * How compiled terms match text is tested through the coder (test/core/autocode/terms.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { compileTerm } from '../../../src/core/text/terms.js';

describe('compileTerm', () => {
  it('reads plain words by their stem, words with * as a pattern, and quotes as nothing', () => {
    expect(compileTerm('"te weinig" jongerenwerkers').words.map((w) => [w.kind, w.norm, w.kind === 'stem' ? w.stem : w.pattern.source])).toEqual([
      ['stem', 'te', 'te'],
      ['stem', 'weinig', 'weinig'],
      ['stem', 'jongerenwerkers', 'jongerenwerker'],
    ]);
    const [w] = compileTerm('jongeren-*werk').words;
    expect(w!.kind === 'wildcard' && w!.pattern.source).toBe('^jongeren.*werk$');
  });

  it('rejects invalid terms with a reason', () => {
    expect(() => compileTerm('')).toThrow(/empty/);
    expect(() => compileTerm('   ')).toThrow(/empty/);
    expect(() => compileTerm('*')).toThrow(/lone \*/);
    expect(() => compileTerm('werk *')).toThrow(/lone \*/);
    expect(() => compileTerm('"te weinig')).toThrow(/unbalanced quotes/);
    expect(() => compileTerm('?!')).toThrow(/can never match/);
    expect(() => compileTerm('— / —')).toThrow(/can never match/);
    expect(compileTerm('personeelstekort*').words).toHaveLength(1);
  });
});
