/**
 * The rules of codebook terms (src/core/text/terms.ts) as the coder applies them: case and accents, Dutch
 * stems, wildcards within one word, phrases of adjacent words, `not:` terms per sentence. Checked through
 * autoCode, the code that runs, by the words each hit matched as written.
 */
import { describe, expect, it } from 'vitest';
import { autoCode } from '../../../src/core/autocode/code.js';
import { compileCodebook } from '../../../src/core/autocode/compile.js';
import type { Code } from '../../../src/core/model.js';

const code = (id: string, terms: string[], not: string[] = []) => ({ id, terms, not }) as unknown as Code;
const plain = (plainText: string) => ({ id: 'd', hasTurns: false, turns: [], plainText });

/** The words as written that `term` matches in `text`, in text order. */
function hits(term: string, text: string): string[] {
  return autoCode(plain(text), compileCodebook({ codes: [code('c', [term])] })).hits.map((h) => h.surface);
}

describe('codebook terms, as the coder matches them', () => {
  it('is case- and accent-insensitive in both directions', () => {
    expect(hits('financiele', 'De Financiële situatie')).toEqual(['Financiële']);
    expect(hits('Financiële', 'financiele steun, FINANCIELE zorgen')).toEqual(['financiele', 'FINANCIELE']);
    expect(hits('coordinator', 'de coördinatoren')).toEqual(['coördinatoren']);
  });

  it('matches on Dutch stems', () => {
    expect(hits('jongerenwerker', 'te weinig jongerenwerkers')).toEqual(['jongerenwerkers']);
    expect(hits('jongerenwerkers', 'een jongerenwerker')).toEqual(['jongerenwerker']);
    expect(hits('jongerenwerker', 'de jongeren-werkers')).toEqual(['jongeren-werkers']);
    expect(hits('jongeren', "jongere's en jongere")).toEqual(["jongere's", 'jongere']);
    expect(hits('W&I', 'overleg met w&i')).toEqual(['w&i']);
    expect(hits('ex-gedetineerde', 'ex-gedetineerden')).toEqual(['ex-gedetineerden']);
    expect(hits('capaciteit', 'capacitair')).toEqual([]);
  });

  it('matches a hyphenated compound by the stem of any of its parts', () => {
    // the rule the retired matchText did not follow: it found no `ipta` in "IPTA-methodiek"
    expect(hits('ipta', 'Volgens de IPTA-methodiek werkt het.')).toEqual(['IPTA-methodiek']);
    expect(hits('methodiek', 'Volgens de IPTA-methodiek werkt het.')).toEqual(['IPTA-methodiek']);
    expect(hits('ipta', 'Volgens de IPTAmethodiek werkt het.')).toEqual([]);
  });

  it('supports * as a prefix, suffix and infix wildcard within one word', () => {
    expect(hits('personeelstekort*', 'Personeelstekorten en personeelstekort, geen personeel')).toEqual(['Personeelstekorten', 'personeelstekort']);
    expect(hits('*tekort', 'geldtekort, personeelstekort, tekorten')).toEqual(['geldtekort', 'personeelstekort']);
    expect(hits('jongeren*werk', 'jongerenwerk, jongeren-werk, jongerenopbouwwerk, jongerenwerker')).toEqual(['jongerenwerk', 'jongeren-werk', 'jongerenopbouwwerk']);
    expect(hits('coör*', 'Coordinatie')).toEqual(['Coordinatie']);
  });

  it('a wildcard does not cross word boundaries', () => {
    expect(hits('te*weinig', 'te weinig')).toEqual([]);
    expect(hits('werk*', 'het werk. Werkgevers')).toEqual(['werk', 'Werkgevers']);
  });

  it('matches a multi-word term as a phrase of adjacent words, quoted or not, within one sentence', () => {
    const text = 'Er zijn te weinig jongerenwerkers. Jongerenwerkers zijn er te weinig.';
    expect(hits('"te weinig jongerenwerkers"', text)).toEqual(['te weinig jongerenwerkers']);
    expect(hits('te weinig jongerenwerkers', text)).toEqual(['te weinig jongerenwerkers']);
    expect(hits('„te weinig jongerenwerker”', text)).toEqual(['te weinig jongerenwerkers']);
    // the words of a phrase hit are given as written, one space between them
    expect(hits('"te weinig" jongerenwerk*', 'Te  Weinig,\njongerenwerk')).toEqual(['Te Weinig jongerenwerk']);
    expect(hits('weinig jongerenwerkers', 'weinig goede jongerenwerkers')).toEqual([]);
    expect(hits('te weinig jongerenwerkers', 'Dat is te weinig. Jongerenwerkers zijn er wel.')).toEqual([]);
  });

  it('drops a sentence that also holds a not: term, and only that sentence', () => {
    const book = compileCodebook({ codes: [code('capaciteit', ['capaciteit', 'personeelstekort*'], ['stadion'])] });
    const text = 'De capaciteit van het stadion is groot. Er is te weinig capaciteit bij de jongerenwerkers.';
    // sentence 2 starts at offset 40
    expect(autoCode(plain(text), book).segments.map((s) => [s.start, s.end])).toEqual([[40, 90]]);
    expect(autoCode(plain('de capaciteit van het stadion'), book).segments).toEqual([]);
  });

  it('gives one segment per sentence and code when several terms find it, and lists every hit', () => {
    const r = autoCode(plain('De jongerenwerkers.'), compileCodebook({ codes: [code('jw', ['jongerenwerker', 'jongerenwerk*'])] }));
    expect(r.segments.map((s) => [s.code, s.start, s.end])).toEqual([['jw', 0, 19]]);
    expect(r.hits).toEqual([
      { code: 'jw', term: 'jongerenwerker', surface: 'jongerenwerkers' },
      { code: 'jw', term: 'jongerenwerk*', surface: 'jongerenwerkers' },
    ]);
  });
});
