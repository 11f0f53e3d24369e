import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src/core/errors.js';
import { cohenKappa } from '../../../../src/core/agreement/stats/kappa.js';
import { krippendorffAlpha } from '../../../../src/core/agreement/stats/krippendorff.js';

const rep = <T>(x: T, k: number): T[] => Array.from({ length: k }, () => x);

describe('cohenKappa', () => {
  it('Artstein & Poesio (2008), table 1: κ = 8/23, agreement 0.7', () => {
    // Coder 1: 40 × "0" then 60 × "1"; coder 2: 20 × "0", 20 × "1", 10 × "0", 50 × "1".
    // p_o = (20 + 50)/100 = 0.7; p_e = 0.4·0.3 + 0.6·0.7 = 0.54; κ = 0.16/0.46 = 8/23.
    const a = [...rep('0', 40), ...rep('1', 60)];
    const b = [...rep('0', 20), ...rep('1', 20), ...rep('0', 10), ...rep('1', 50)];
    const r = cohenKappa(a, b);
    expect(r.kappa).toBeCloseTo(8 / 23, 12);
    expect(r.kappa).toBeCloseTo(0.347826, 6);
    expect(r.agreement).toBeCloseTo(0.7, 12);
    expect(r.n).toBe(100);
  });

  it('perfect agreement: κ = 1', () => {
    // p_o = 1; p_e = (2/4)² + (2/4)² = 0.5; κ = (1 − 0.5)/(1 − 0.5) = 1.
    const a = [true, false, true, false];
    const r = cohenKappa(a, [...a]);
    expect(r).toEqual({ kappa: 1, agreement: 1, n: 4 });
  });

  it('total systematic disagreement, balanced 2 units: κ = −1', () => {
    // a = (yes, no), b = (no, yes): p_o = 0; p_e = (1/2)(1/2) + (1/2)(1/2) = 0.5;
    // κ = (0 − 0.5)/(1 − 0.5) = −1.  Krippendorff's α on the same data is −0.5 (see krippendorff.test.ts):
    // α's small-sample correction (n − 1 = 3 pairable values against n = 4) makes it less extreme.
    const r = cohenKappa([true, false], [false, true]);
    expect(r.kappa).toBe(-1);
    expect(r.agreement).toBe(0);
    expect(krippendorffAlpha([[1, 0], [0, 1]], 'nominal').alpha).toBeCloseTo(-0.5, 12);
  });

  it('a code neither coder used: κ null, agreement 1', () => {
    // Both coders say "absent" for all units: p_o = 1, p_e = 1·1 = 1, κ = 0/0 → null.
    const r = cohenKappa([false, false, false], [false, false, false]);
    expect(r).toEqual({ kappa: null, agreement: 1, n: 3 });
    // Same when both always used it.
    expect(cohenKappa(['x', 'x'], ['x', 'x']).kappa).toBeNull();
  });

  it('one coder constant, the other not: κ = 0 (defined)', () => {
    // a = (no, no, no, no), b = (no, no, no, yes): p_o = 3/4; p_e = 1·(3/4) = 3/4; κ = 0/(1/4) = 0.
    const r = cohenKappa([false, false, false, false], [false, false, false, true]);
    expect(r.kappa).toBe(0);
    expect(r.agreement).toBe(0.75);
  });

  it('three string categories, by hand', () => {
    // Pairs: (a,a) (a,a) (b,b) (b,c) (c,c) (c,a).
    // p_o = 4/6. Coder 1: a 2, b 2, c 2; coder 2: a 3, b 1, c 2.
    // p_e = (2·3 + 2·1 + 2·2)/36 = 12/36 = 1/3.  κ = (2/3 − 1/3)/(2/3) = 1/2.
    const r = cohenKappa(['a', 'a', 'b', 'b', 'c', 'c'], ['a', 'a', 'b', 'c', 'c', 'a']);
    expect(r.kappa).toBeCloseTo(0.5, 12);
    expect(r.agreement).toBeCloseTo(4 / 6, 12);
  });

  it('errors: different lengths, no units', () => {
    expect(() => cohenKappa([true], [true, false])).toThrow(InputError);
    expect(() => cohenKappa([] as boolean[], [] as boolean[])).toThrow(InputError);
  });
});

