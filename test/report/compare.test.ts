/** The Δ column and shares of `compare --group-by` (#17.3): exact k/n, rounded once, halves away from zero. */
import { describe, expect, it } from 'vitest';
import { percent, points } from '../../src/report/compare.js';

const row = (...groups: [number, number][]) => ({ code: 'x', diff: null, groups: Object.fromEntries(groups.map(([k, n], i) => [`g${i}`, { k, n, share: n ? k / n : null }])) });
const values = (n: number) => Array.from({ length: n }, (_, i) => `g${i}`);

describe('points', () => {
  it('8/8 against 5/8: 100 − 62.5 = 37.5 → +38, though the shares show as 100% and 63%', () => {
    expect(percent({ k: 5, n: 8, share: 0.625 })).toBe(63);
    expect(points(row([8, 8], [5, 8]), values(2))).toBe(38);
    expect(points(row([5, 8], [8, 8]), values(2))).toBe(-38);
  });

  it('1/1 against 17/40: 100 − 42.5 = 57.5 → 58 (in floating point 57.49999999999999, which rounded to 57)', () => {
    expect((1 - 17 / 40) * 100).toBeLessThan(57.5);
    expect(points(row([1, 1], [17, 40]), values(2))).toBe(58);
    // 23/40 = 57.5% → 58% (floating point: 57.49999999999999 → 57)
    expect(percent({ k: 23, n: 40, share: 23 / 40 })).toBe(58);
  });

  it('more than two groups: largest minus smallest; an empty group counts not', () => {
    // 3/7 = 42.857…, 1/3 = 33.333…, 1/8 = 12.5: 42.857 − 12.5 = 30.357 → 30
    expect(points(row([1, 3], [3, 7], [1, 8], [0, 0]), values(4))).toBe(30);
    expect(points(row([1, 3], [0, 0]), values(2))).toBe(null);
  });
});
