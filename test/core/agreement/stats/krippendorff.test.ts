import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src/core/errors.js';
import {
  krippendorffAlpha,
  type AlphaLevel,
  type Value,
} from '../../../../src/core/agreement/stats/krippendorff.js';
import { K2011_ALPHA, rng } from '../../../helpers/rng.js';

const _ = null;

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section
 * "C. Data with missing values": 4 observers × 12 units, "." = missing.
 * Written here as units × coders (A, B, C, D).
 */
const K2011: (Value | null)[][] = [
  [1, 1, _, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [_, 5, 5, 5],
  [_, _, 1, 1],
  [_, 3, _, _],
];

describe('krippendorffAlpha — Krippendorff (2011) reference data', () => {
  const expected: Record<AlphaLevel, number> = K2011_ALPHA;
  for (const [level, value] of Object.entries(expected) as [AlphaLevel, number][]) {
    it(`${level} α = ${value}`, () => {
      const r = krippendorffAlpha(K2011, level);
      expect(r.alpha).not.toBeNull();
      expect(Math.abs((r.alpha as number) - value)).toBeLessThan(1e-6);
      // Unit 12 has a single value and is left out; 11 pairable units hold 40 values.
      expect(r).toMatchObject({ level, units: 11, coders: 4, pairable: 40 });
    });
  }

  it('accepts numeric strings at numeric levels', () => {
    const asStrings = K2011.map((row) => row.map((v) => (v === null ? null : String(v))));
    const r = krippendorffAlpha(asStrings, 'interval');
    expect(Math.abs((r.alpha as number) - 0.849107)).toBeLessThan(1e-6);
  });
});

describe('krippendorffAlpha — hand-worked cases', () => {
  it('perfect agreement gives α = 1', () => {
    // Units (a,a), (b,b), (a,a): o_aa = 4, o_bb = 2, no off-diagonal coincidences,
    // so observed disagreement is 0 and α = 1 − 0 = 1 (expected disagreement 2·4·2 = 16 > 0).
    const r = krippendorffAlpha([['a', 'a'], ['b', 'b'], ['a', 'a']], 'nominal');
    expect(r.alpha).toBe(1);
    for (const level of ['ordinal', 'interval', 'ratio'] as const) {
      expect(krippendorffAlpha([[1, 1], [2, 2], [1, 1]], level).alpha).toBe(1);
    }
  });

  it('total systematic disagreement on a binary code, 2 units: α = −0.5', () => {
    // Coder 1: (1, 0); coder 2: (0, 1). Each unit holds values {1, 0}, m_u = 2, weight 1/(2−1) = 1:
    //   o_01 = o_10 = 1 + 1 = 2, o_00 = o_11 = 0; n_0 = n_1 = 2, n = 4.
    //   Σ o_ck δ² = o_01 + o_10 = 4;  Σ n_c n_k δ² = n_0 n_1 + n_1 n_0 = 8.
    //   α = 1 − (n − 1)·4/8 = 1 − 3·0.5 = −0.5   (κ on the same data is −1).
    const r = krippendorffAlpha([[1, 0], [0, 1]], 'nominal');
    expect(r.alpha).toBeCloseTo(-0.5, 12);
    // For two values, every metric's δ² is a constant for the one pair, so all levels agree.
    expect(krippendorffAlpha([[1, 0], [0, 1]], 'interval').alpha).toBeCloseTo(-0.5, 12);
    expect(krippendorffAlpha([[1, 0], [0, 1]], 'ordinal').alpha).toBeCloseTo(-0.5, 12);
    expect(krippendorffAlpha([[1, 0], [0, 1]], 'ratio').alpha).toBeCloseTo(-0.5, 12);
  });

  it('2 coders × 4 units, nominal: α = 2/3', () => {
    // Units (a,a), (a,b), (b,b), (c,c); m_u = 2 everywhere, weight 1:
    //   o_aa = 2, o_ab = o_ba = 1, o_bb = 2, o_cc = 2.
    //   n_a = 3, n_b = 3, n_c = 2, n = 8.
    //   Σ o_ck δ² (c ≠ k) = o_ab + o_ba = 2.
    //   Σ n_c n_k δ² (c ≠ k) = n² − Σ n_c² = 64 − (9 + 9 + 4) = 42.
    //   α = 1 − 7·2/42 = 1 − 1/3 = 2/3.
    const r = krippendorffAlpha(
      [
        ['a', 'a'],
        ['a', 'b'],
        ['b', 'b'],
        ['c', 'c'],
      ],
      'nominal',
    );
    expect(r.alpha).toBeCloseTo(2 / 3, 12);
    expect(r).toMatchObject({ units: 4, coders: 2, pairable: 8 });
  });

  it('3 coders with a missing value, interval: α = 0.8', () => {
    // Units (1,1,2), (3,3,·): unit 1 has m = 3, weight 1/2; unit 2 has m = 2, weight 1.
    //   Unit 1 ordered pairs: (1,1)×2, (1,2)×2, (2,1)×2 → o_11 += 1, o_12 += 1, o_21 += 1.
    //   Unit 2: (3,3)×2 → o_33 += 2.
    //   n_1 = 2, n_2 = 1, n_3 = 2, n = 5.
    //   Σ o δ² = o_12·1 + o_21·1 = 2.
    //   Σ n_c n_k δ² = 2·(n_1 n_2·1 + n_1 n_3·4 + n_2 n_3·1) = 2·(2 + 16 + 2) = 40.
    //   α = 1 − 4·2/40 = 0.8.
    const r = krippendorffAlpha([[1, 1, 2], [3, 3, _]], 'interval');
    expect(r.alpha).toBeCloseTo(0.8, 12);
    expect(r).toMatchObject({ units: 2, coders: 3, pairable: 5 });
  });

  it('α is null (not NaN) when only one distinct value occurs', () => {
    // Every pairable value is "x": n_c n_k δ² is 0 for every pair, expected disagreement 0.
    const r = krippendorffAlpha([['x', 'x'], ['x', _], [_, 'x'], ['x', 'x']], 'nominal');
    expect(r.alpha).toBeNull();
    expect(r.units).toBe(2);
    expect(krippendorffAlpha([[0, 0], [0, 0]], 'ratio').alpha).toBeNull();
  });

  it('nominal values compare by string form', () => {
    expect(krippendorffAlpha([[1, '1'], ['2', 2]], 'nominal').alpha).toBe(1);
  });
});

describe('krippendorffAlpha — errors', () => {
  it('one coder only', () => {
    expect(() => krippendorffAlpha([[1], [2]], 'nominal')).toThrow(InputError);
    expect(() => krippendorffAlpha([[1], [2]], 'nominal')).toThrow(/at least two coders/);
  });

  it('no pairable unit', () => {
    expect(() => krippendorffAlpha([[1, _], [_, 2], [_, _]], 'nominal')).toThrow(InputError);
    expect(() => krippendorffAlpha([[1, _], [_, 2]], 'nominal')).toThrow(/no pairable unit/);
    expect(() => krippendorffAlpha([], 'nominal')).toThrow(InputError);
  });

  it('non-numeric value at the interval level names row and column', () => {
    let err: unknown;
    try {
      krippendorffAlpha([[1, 2], [3, 4], [5, 'veel']], 'interval');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/row 3, column 2/);
    expect((err as InputError).message).toMatch(/"veel"/);
    expect((err as InputError).line).toBe(3);
    // The same data is fine at the nominal level.
    expect(krippendorffAlpha([[1, 2], [3, 4], [5, 'veel']], 'nominal').alpha).not.toBeNull();
  });

  it('ragged matrix, negative value at ratio level, non-finite numbers', () => {
    expect(() => krippendorffAlpha([[1, 2], [3]], 'nominal')).toThrow(/row 2/);
    expect(() => krippendorffAlpha([[1, 2], [-3, 4]], 'ratio')).toThrow(/row 2, column 1/);
    expect(() => krippendorffAlpha([[1, 2], [NaN, 4]], 'nominal')).toThrow(InputError);
    expect(() => krippendorffAlpha([[1, 2], [Infinity, 4]], 'interval')).toThrow(InputError);
  });
});


function shuffle<T>(xs: readonly T[], rand: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('krippendorffAlpha — invariance under permuting coders and units', () => {
  for (const seed of [1, 2, 3, 42, 2011, 31337]) {
    it(`seed ${seed}`, () => {
      const rand = rng(seed);
      const nUnits = 5 + Math.floor(rand() * 15);
      const nCoders = 2 + Math.floor(rand() * 4);
      const matrix: (Value | null)[][] = Array.from({ length: nUnits }, () =>
        Array.from({ length: nCoders }, () => (rand() < 0.2 ? null : 1 + Math.floor(rand() * 5))),
      );
      // Make sure there is a pairable unit with two distinct values.
      matrix[0] = Array.from({ length: nCoders }, (_v, j) => (j === 0 ? 1 : 2));

      const colOrder = shuffle(
        Array.from({ length: nCoders }, (_v, j) => j),
        rand,
      );
      const permuted = shuffle(matrix, rand).map((row) => colOrder.map((j) => row[j] ?? null));

      for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
        const a = krippendorffAlpha(matrix, level);
        const b = krippendorffAlpha(permuted, level);
        expect(a.alpha).not.toBeNull();
        expect(b.alpha).toBeCloseTo(a.alpha as number, 12);
        expect(b.units).toBe(a.units);
        expect(b.pairable).toBe(a.pairable);
        expect(a.alpha as number).toBeLessThanOrEqual(1 + 1e-12);
      }
    });
  }
});
