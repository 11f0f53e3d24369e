/**
 * Automatic coding (src/core/autocode/): a hand-worked document, and the shortcuts of the fast path
 * (the two-letter prefix filter, leaving out term hits) checked to change nothing on the shipped corpus.
 */
import { describe, expect, it } from 'vitest';
import { autoCode, autoCodeCorpus } from '../../../src/core/autocode/code.js';
import { compileCodebook } from '../../../src/core/autocode/compile.js';
import { SurfaceTable } from '../../../src/core/autocode/table.js';
import type { Code } from '../../../src/core/model.js';
import { CodeUnits, hashOf } from '../../../src/core/text/scan.js';
import { loadProject } from '../../../src/io/read.js';
import { repoRoot } from '../../helpers/run.js';

const code = (id: string, terms: string[], not: string[] = []) => ({ id, terms, not }) as unknown as Code;

describe('autoCode', () => {
  const book = compileCodebook({
    codes: [code('capaciteit', ['capaciteit', 'personeelstekort*', 'handen tekort'], ['stadion']), code('avg', ['avg', 'privacy*']), code('werk', ['werk'])],
  });
  const plain = (plainText: string) => ({ id: 'd', hasTurns: false, turns: [], plainText });

  it('gives one segment per sentence and code, in code order, with the words that matched', () => {
    // sentence 1: capaciteit (capaciteit), privacyregels (avg) → two segments, capaciteit first (codebook order)
    // sentence 2 (offsets 52–89, 37 characters): "handen tekort" is a phrase → capaciteit; "Werken" stems to werk → werk
    // sentence 3: capaciteit, but the sentence names the stadion (not:) → nothing
    const text = 'De capaciteit is klein en de privacyregels knellen. Er zijn handen tekort bij het Werken. De capaciteit van het stadion is groot.';
    const r = autoCode(plain(text), book);
    expect(r.segments.map((s) => [s.code, s.start, s.end])).toEqual([
      ['capaciteit', 0, 51],
      ['avg', 0, 51],
      ['capaciteit', 52, 89],
      ['werk', 52, 89],
    ]);
    expect(r.segments.map((s) => s.id)).toEqual(['d~1', 'd~2', 'd~3', 'd~4']);
    expect(r.hits).toEqual([
      { code: 'capaciteit', term: 'capaciteit', surface: 'capaciteit' },
      { code: 'avg', term: 'privacy*', surface: 'privacyregels' },
      { code: 'capaciteit', term: 'handen tekort', surface: 'handen tekort' },
      { code: 'werk', term: 'werk', surface: 'Werken' },
    ]);
  });

  it('finds words whose stem is shorter than the word\'s first letters suggest (the prefix filter lets them through)', () => {
    // maken → mak (3 letters: keyed by "ma"); maak → mak too (step 4 undoubles the vowel); meemaken is no match
    // capaciteit (10 letters: keyed by "cap"): Capaciteiten → capaciteit; capabel passes the filter but does not match
    const b = compileCodebook({ codes: [code('maken', ['maken']), code('cap', ['capaciteit'])] });
    const r = autoCode(plain('Wij maak het. Capaciteiten genoeg. Zij is capabel. Wij gaan meemaken.'), b);
    expect(r.segments.map((s) => [s.code, s.text])).toEqual([
      ['maken', 'Wij maak het.'],
      ['cap', 'Capaciteiten genoeg.'],
    ]);
  });

  it('passes over ASCII words too short for every term with their first letters, but not words that normalising lengthens', () => {
    // werkgever (stem of 9 letters, keyed by "wer"): "werk" and "werken" are too short to stem to it and
    // are not looked up; "proﬁel" has 6 units but normalises (ﬁ → fi) to profiel, 7 letters
    const b = compileCodebook({ codes: [code('wg', ['werkgever']), code('pro', ['profiel']), code('avg', ['avg'])] });
    expect(b.prefixes).not.toBeNull();
    const r = autoCode(plain('Werk is er. De werkgevers ook. Een proﬁel. Werken wij?'), b);
    expect(r.segments.map((s) => [s.code, s.text])).toEqual([
      ['wg', 'De werkgevers ook.'],
      ['pro', 'Een proﬁel.'],
    ]);
    const before = b.state.bySurface.size;
    // avg (a stem of 3 letters, keyed by "av"): "Av" is too short
    expect(autoCode(plain('Werk, werken, werkt. Av.'), b).segments).toEqual([]);
    expect(b.state.bySurface.size).toBe(before);
    expect(autoCode(plain('Avg!'), b).segments.map((s) => s.code)).toEqual(['avg']);
  });

  it('gives the words as written in text with astral characters (offsets in code points)', () => {
    // "🙂 Het privacybeleid." is 20 code points (22 UTF-16 units); the second sentence starts at 21
    const r = autoCode(plain('🙂 Het privacybeleid. Handen tekort bij de capaciteit 🙂.'), book);
    expect(r.segments.map((s) => [s.code, s.start, s.end, s.text])).toEqual([
      ['avg', 0, 20, '🙂 Het privacybeleid.'],
      ['capaciteit', 21, 55, 'Handen tekort bij de capaciteit 🙂.'],
    ]);
    expect(r.hits.map((h) => [h.code, h.surface])).toEqual([
      ['avg', 'privacybeleid'],
      ['capaciteit', 'Handen tekort'],
      ['capaciteit', 'capaciteit'],
    ]);
  });

  it('codes respondents\' turns only, never the interviewer', () => {
    const text = 'Hoe zit het met de capaciteit?\nDe AVG.\n';
    const doc = { id: 'i', hasTurns: true, plainText: text, turns: [{ speaker: 'I', start: 0, end: 30, line: 1 }, { speaker: 'R1', start: 31, end: 38, line: 2 }] };
    expect(autoCode(doc, book).segments.map((s) => [s.code, s.speaker, s.text])).toEqual([['avg', 'R1', 'De AVG.']]);
  });

  it('finds the same segments with and without the prefix filter, and with and without hits, on the shipped corpus', () => {
    const project = loadProject({ cwd: repoRoot, corpus: 'corpus', codebook: 'codebook' });
    const fast = compileCodebook(project.codebook);
    const slow = { ...compileCodebook(project.codebook), prefixes: null };
    expect(fast.prefixes).not.toBeNull();
    const a = autoCodeCorpus(project.corpus.documents, fast);
    const b = autoCodeCorpus(project.corpus.documents, slow);
    expect(a.hits.length).toBeGreaterThan(500);
    expect(a).toEqual(b);
    for (const doc of project.corpus.documents.slice(0, 10)) {
      const full = autoCode(doc, fast).segments;
      expect(autoCode(doc, fast, { hits: false })).toEqual({ segments: full, hits: [] });
      // for counting: the same segments, without text, id and line
      expect(autoCode(doc, fast, { countOnly: true })).toEqual({ segments: full.map((s) => ({ ...s, text: '', id: '', line: 0 })), hits: [] });
    }
  });
});

describe('SurfaceTable', () => {
  const get = (table: SurfaceTable<number>, text: string, from: number, to: number, h: number, make: (s: string) => number) => table.get(text, new CodeUnits().load(text), from, to, h, make);
  it('finds each distinct stretch once, across growth and hash collisions', () => {
    const table = new SurfaceTable<number>();
    let made = 0;
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
    const text = words.join(' ');
    const codes = new CodeUnits().load(text);
    for (let round = 0; round < 2; round++) {
      let at = 0;
      words.forEach((w, i) => {
        expect(table.get(text, codes, at, at + w.length, hashOf(text, at, at + w.length), (s) => (s === w ? made++ : -1))).toBe(i);
        at += w.length + 1;
      });
    }
    expect(made).toBe(20_000);
    expect(table.size).toBe(20_000);
    // a stretch of another text is found; the same hash with other text is not taken for it
    expect(get(table, 'ab w0', 3, 5, hashOf('ab w0', 3, 5), () => -6)).toBe(0);
    expect(get(table, 'x', 0, 0, hashOf('x', 0, 0), () => -5)).toBe(-5);
    expect(get(table, 'zz', 0, 2, hashOf('w0', 0, 2), () => -7)).toBe(-7);
    expect(get(table, 'w0', 0, 2, hashOf('w0', 0, 2), () => -8)).toBe(0);
    // same hash and length, different units
    expect(get(table, 'é1', 0, 2, hashOf('w1', 0, 2), () => -9)).toBe(-9);
  });
});
