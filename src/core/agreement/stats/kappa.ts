/**
 * Agreement between two coders on categorical labels (Cohen's kappa), and
 * precision / recall / F1 of one coding against a reference.
 *
 * Pure: no I/O, no process state.
 */

import { InputError } from '../../errors.js';

interface KappaResult {
  /**
   * Cohen's kappa, (p_o − p_e) / (1 − p_e), or `null` when p_e = 1: both coders
   * used one and the same label for every unit (e.g. neither ever applied the
   * code, or both always did), so chance already explains all agreement and
   * kappa is undefined. Never NaN.
   */
  kappa: number | null;
  /** Observed agreement p_o: share of units with the same label from both coders. */
  agreement: number;
  /** Number of units. */
  n: number;
}

/**
 * Cohen's (1960) kappa for two coders' labels of the same units, in the same
 * order (`a[i]` and `b[i]` label unit i). Binary presence/absence of a code
 * (booleans) is the main use; any string labels work.
 *
 * p_o = agreeing units / n; p_e = Σ_c (n_a(c)/n)·(n_b(c)/n) with each coder's
 * own label distribution. Computed as (n·A − S) / (n² − S) with the integer
 * counts A = agreeing units and S = Σ_c n_a(c)·n_b(c), so p_e = 1 is detected
 * exactly (S = n²).
 *
 * Throws InputError when the arrays differ in length or are empty.
 */
export function cohenKappa(a: readonly boolean[], b: readonly boolean[]): KappaResult;
export function cohenKappa(a: readonly string[], b: readonly string[]): KappaResult;
export function cohenKappa(
  a: readonly (boolean | string)[],
  b: readonly (boolean | string)[],
): KappaResult {
  if (a.length !== b.length) {
    throw new InputError(
      `Cohen’s kappa needs both coders to label the same units: got ${a.length} and ${b.length} labels`,
    );
  }
  const n = a.length;
  if (n === 0) {
    throw new InputError('Cohen’s kappa needs at least one unit labelled by both coders');
  }
  const key = (v: boolean | string): string => (typeof v === 'boolean' ? `b:${v}` : `s:${v}`);
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  let agree = 0;
  for (let i = 0; i < n; i++) {
    const ka = key(a[i] as boolean | string);
    const kb = key(b[i] as boolean | string);
    if (ka === kb) agree++;
    countA.set(ka, (countA.get(ka) ?? 0) + 1);
    countB.set(kb, (countB.get(kb) ?? 0) + 1);
  }
  let s = 0;
  for (const [c, na] of countA) s += na * (countB.get(c) ?? 0);
  const n2 = n * n;
  const kappa = s === n2 ? null : (n * agree - s) / (n2 - s);
  return { kappa, agreement: agree / n, n };
}
