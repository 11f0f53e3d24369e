import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/core/text/normalize.js';
import { tokenize } from '../../../src/core/text/tokenize.js';

const norms = (s: string): string[] => tokenize(s).map((t) => t.norm);
const texts = (s: string): string[] => tokenize(s).map((t) => t.text);

describe('normalize', () => {
  it('lowercases and strips diacritics', () => {
    expect(normalize('Financiële')).toBe('financiele');
    expect(normalize('coördinator')).toBe('coordinator');
    expect(normalize('geïnteresseerd')).toBe('geinteresseerd');
    expect(normalize('CAFÉ')).toBe('cafe');
    expect(normalize('crème brûlée')).toBe('creme brulee');
  });
  it('keeps ij as two letters, also from the ligature', () => {
    expect(normalize('IJsselmonde')).toBe('ijsselmonde');
    expect(normalize('\u0132sselmonde')).toBe('ijsselmonde');
    expect(normalize('bij')).toBe('bij');
  });
  it('handles decomposed input and typographic apostrophes', () => {
    expect(normalize('financie\u0308le')).toBe('financiele');
    expect(normalize('jongere’s')).toBe("jongere's");
  });
});

describe('tokenize', () => {
  it('keeps accented Dutch words whole', () => {
    expect(texts('De financiële coördinator is geïnteresseerd; café.')).toEqual([
      'De', 'financiële', 'coördinator', 'is', 'geïnteresseerd', 'café',
    ]);
    expect(norms('De financiële coördinator is geïnteresseerd; café.')).toEqual([
      'de', 'financiele', 'coordinator', 'is', 'geinteresseerd', 'cafe',
    ]);
    // decomposed ë (e + U+0308) does not split the word either
    expect(texts('financie\u0308le steun')).toEqual(['financie\u0308le', 'steun']);
  });

  it('joins hyphenated compounds, W&I and inner apostrophes', () => {
    expect(texts('ex-gedetineerden en jongeren-werk')).toEqual(['ex-gedetineerden', 'en', 'jongeren-werk']);
    expect(norms('overleg met W&I')).toEqual(['overleg', 'met', 'w&i']);
    expect(texts("jongere's en auto’s, zo'n")).toEqual(["jongere's", 'en', 'auto’s', "zo'n"]);
    expect(norms('auto’s')).toEqual(["auto's"]);
    expect(texts('16-jarige covid-19 patiënten')).toEqual(['16-jarige', 'covid-19', 'patiënten']);
  });

  it('does not join when the joiner is not between word characters', () => {
    expect(texts('werk & inkomen')).toEqual(['werk', 'inkomen']);
    expect(texts('jongeren- en werk')).toEqual(['jongeren', 'en', 'werk']);
    expect(texts("'s avonds")).toEqual(['s', 'avonds']);
    expect(texts('werk -- inkomen')).toEqual(['werk', 'inkomen']);
  });

  it('splits a number range but keeps decimals', () => {
    expect(texts('jongeren van 16-27 jaar')).toEqual(['jongeren', 'van', '16', '27', 'jaar']);
    expect(texts('3.5 of 3,5 procent, 1.000 euro.')).toEqual(['3.5', 'of', '3,5', 'procent', '1.000', 'euro']);
  });

  it('emits no tokens for punctuation, symbols and emoji', () => {
    expect(tokenize('... ?! — “” (—) 😀 *')).toEqual([]);
  });

  it('counts offsets in code points, not UTF-16 units', () => {
    const s = '😀 café 𝒳jongeren-werk.';
    const toks = tokenize(s);
    const cps = Array.from(s);
    expect(toks.map((t) => [t.text, t.start, t.end])).toEqual([
      ['café', 2, 6],
      ['𝒳jongeren-werk', 7, 21],
    ]);
    for (const t of toks) expect(cps.slice(t.start, t.end).join('')).toBe(t.text);
    expect(toks[1]!.norm).toBe('xjongeren-werk');
    expect(s.indexOf('café')).toBe(3); // UTF-16 index differs: the emoji is two units
  });

  it('treats * as a letter only when asked (codebook terms)', () => {
    expect(texts('personeelstekort*')).toEqual(['personeelstekort']);
    expect(tokenize('personeelstekort* *werk', { wildcard: true }).map((t) => t.text)).toEqual([
      'personeelstekort*', '*werk',
    ]);
  });
});
