import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/core/text/sentences.js';
import { stemAll } from '../../../src/core/text/stem.js';
import { canNeverMatch, compileTerm, findTermMatches, matchCode, matchText } from '../../../src/core/text/terms.js';
import { tokenize } from '../../../src/core/text/tokenize.js';

/** The surface texts a term matches in `text`. */
function hits(term: string, text: string): string[] {
  const tokens = tokenize(text);
  const cps = Array.from(text);
  return findTermMatches(tokens, stemAll(tokens), compileTerm(term)).map((m) =>
    cps.slice(tokens[m.startToken]!.start, tokens[m.endToken - 1]!.end).join(''),
  );
}

describe('compileTerm / findTermMatches', () => {
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

  it('supports * as a prefix, suffix and infix wildcard within one token', () => {
    expect(hits('personeelstekort*', 'Personeelstekorten en personeelstekort, geen personeel')).toEqual([
      'Personeelstekorten', 'personeelstekort',
    ]);
    expect(hits('*tekort', 'geldtekort, personeelstekort, tekorten')).toEqual(['geldtekort', 'personeelstekort']);
    expect(hits('jongeren*werk', 'jongerenwerk, jongeren-werk, jongerenopbouwwerk, jongerenwerker')).toEqual([
      'jongerenwerk', 'jongeren-werk', 'jongerenopbouwwerk',
    ]);
    expect(hits('coör*', 'Coordinatie')).toEqual(['Coordinatie']);
  });

  it('a wildcard does not cross token boundaries', () => {
    expect(hits('te*weinig', 'te weinig')).toEqual([]);
    expect(hits('werk*', 'het werk. Werkgevers')).toEqual(['werk', 'Werkgevers']);
  });

  it('matches a multi-word term as a phrase of adjacent tokens, quoted or not', () => {
    const text = 'Er zijn te weinig jongerenwerkers. Jongerenwerkers zijn er te weinig.';
    expect(hits('"te weinig jongerenwerkers"', text)).toEqual(['te weinig jongerenwerkers']);
    expect(hits('te weinig jongerenwerkers', text)).toEqual(['te weinig jongerenwerkers']);
    expect(hits('„te weinig jongerenwerker”', text)).toEqual(['te weinig jongerenwerkers']);
    expect(hits('"te weinig" jongerenwerk*', 'Te  Weinig,\njongerenwerk')).toEqual(['Te  Weinig,\njongerenwerk']);
    expect(hits('weinig jongerenwerkers', 'weinig goede jongerenwerkers')).toEqual([]);
  });

  it('rejects invalid terms with a reason', () => {
    expect(() => compileTerm('')).toThrow(/empty/);
    expect(() => compileTerm('   ')).toThrow(/empty/);
    expect(() => compileTerm('*')).toThrow(/lone \*/);
    expect(() => compileTerm('werk *')).toThrow(/lone \*/);
    expect(() => compileTerm('"te weinig')).toThrow(/unbalanced quotes/);
    expect(() => compileTerm('?!')).toThrow(/can never match/);
    expect(compileTerm('personeelstekort*').words).toHaveLength(1);
  });

  it('knows a term that can never match', () => {
    expect(canNeverMatch('...')).toBe(true);
    expect(canNeverMatch('— / —')).toBe(true);
    expect(canNeverMatch('""')).toBe(true);
    expect(canNeverMatch('capaciteit')).toBe(false);
    expect(canNeverMatch('W&I')).toBe(false);
    expect(canNeverMatch('16')).toBe(false);
  });
});

describe('matchCode', () => {
  const capaciteit = {
    terms: ['capaciteit', 'personeelstekort*', 'te weinig jongerenwerkers'],
    not: ['stadion'],
  };

  it('finds every term, sorted, with code-point offsets', () => {
    const text = '😀 Er is te weinig capaciteit en een personeelstekort.';
    const m = matchText(capaciteit, text);
    const cps = Array.from(text);
    expect(m.map((x) => [x.term, cps.slice(x.start, x.end).join('')])).toEqual([
      ['capaciteit', 'capaciteit'],
      ['personeelstekort*', 'personeelstekort'],
    ]);
    expect(m[0]!.start).toBe(18); // code points; the UTF-16 index is 19
    expect(text.indexOf('capaciteit')).toBe(19);
  });

  it('drops a match whose sentence also matches a not: term', () => {
    const text = 'De capaciteit van het stadion is groot. Er is te weinig capaciteit bij de jongerenwerkers.';
    expect(matchText(capaciteit, text).map((m) => m.start)).toEqual([56]);
    // without sentences the whole token list is one unit
    expect(matchCode(capaciteit, tokenize(text))).toEqual([]);
  });

  it('codebook examples: match and nomatch', () => {
    expect(matchText(capaciteit, 'er is te weinig capaciteit bij de jongerenwerkers')).toHaveLength(1);
    expect(matchText(capaciteit, 'de capaciteit van het stadion')).toHaveLength(0);
  });

  it('does not match a phrase across sentences when sentences are given', () => {
    const text = 'Dat is te weinig. Jongerenwerkers zijn er wel.';
    const tokens = tokenize(text);
    expect(matchCode(capaciteit, tokens, { sentences: splitSentences(text) })).toEqual([]);
    expect(matchCode(capaciteit, tokens)).toHaveLength(1);
  });

  it('reports one match per token span even when several terms find it', () => {
    const m = matchText({ terms: ['jongerenwerker', 'jongerenwerk*'] }, 'De jongerenwerkers.');
    expect(m).toEqual([{ startToken: 1, endToken: 2, start: 3, end: 18, term: 'jongerenwerker' }]);
  });
});
