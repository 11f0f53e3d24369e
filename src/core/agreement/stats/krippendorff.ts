/**
 * Krippendorff's alpha, computed with the coincidence-matrix method of
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability"
 * (University of Pennsylvania, ScholarlyCommons, asc_papers/43).
 *
 * Pure: no I/O, no process state.
 */

import { InputError } from '../../errors.js';

/** A coder's value for one unit. `null` (or a hole) means "not coded / missing". */
export type Value = string | number;

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export const ALPHA_LEVELS: readonly AlphaLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

export interface AlphaResult {
  /**
   * Krippendorff's alpha, or `null` when it is undefined: the expected
   * disagreement is 0, which happens exactly when all pairable values in the
   * data are the same single value (nothing varies, so there is nothing to
   * agree or disagree about). Never NaN.
   */
  alpha: number | null;
  level: AlphaLevel;
  /** Units with at least two values (pairable units) that entered the computation. */
  units: number;
  /** Number of coders (columns of the matrix). */
  coders: number;
  /** n: the number of pairable values (values in pairable units). */
  pairable: number;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The number in `v`, or `null` when `v` is not a finite number or a string
 * holding a plain decimal number ("3", "-2.5", "1e3"; surrounding blanks allowed).
 */
export function numericValue(v: Value): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const s = v.trim();
  if (!DECIMAL.test(s)) return null;
  const x = Number(s);
  return Number.isFinite(x) ? x : null;
}

function describe(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/**
 * Krippendorff's alpha for a units × coders matrix (rows are units, columns
 * coders, `null` for a missing value).
 *
 * - Units with fewer than two values are not pairable and are left out.
 * - Each ordered pair of values (from different coders) within unit u adds
 *   1/(m_u − 1) to the coincidence o_ck, where m_u is the unit's number of values.
 * - n_c = Σ_k o_ck (= how often c occurs among pairable values), n = Σ_c n_c.
 * - α = 1 − (n − 1) · Σ_ck o_ck δ²_ck / Σ_ck n_c n_k δ²_ck, with δ² by level:
 *   nominal  0 if c = k, else 1 (values compared by their string form, so 1 and "1" are one category);
 *   ordinal  (Σ_{g=c..k} n_g − (n_c + n_k)/2)², over the distinct values sorted ascending;
 *   interval (c − k)²;
 *   ratio    ((c − k)/(c + k))² (values must be ≥ 0; 0 vs 0 counts as 0).
 * - Ordinal, interval and ratio need numbers (finite numbers, or strings holding one).
 *
 * Throws InputError for: a ragged matrix, fewer than two coders, a value that
 * is not a string or finite number, a non-numeric value at a numeric level,
 * a negative value at the ratio level, and data without a pairable unit.
 */
export function krippendorffAlpha(
  matrix: readonly (readonly (Value | null | undefined)[])[],
  level: AlphaLevel,
): AlphaResult {
  const coders = checkShape(matrix, level);
  const { units, catValue } = categories(matrix, coders, level);
  const q = catValue.length;
  const { o, nc, n } = coincidences(units, q);
  const delta2 = metric(level, nc, catValue);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < q; c++) {
    const oc = o[c] as number[];
    const dc = delta2[c] as number[];
    const ncc = nc[c] as number;
    for (let k = 0; k < q; k++) {
      const d = dc[k] as number;
      if (d === 0) continue;
      observed += (oc[k] as number) * d;
      expected += ncc * (nc[k] as number) * d;
    }
  }

  // expected === 0 exactly when only one distinct value occurs (δ² > 0 for every c ≠ k): alpha undefined.
  const alpha = expected === 0 ? null : 1 - ((n - 1) * observed) / expected;
  return { alpha, level, units: units.length, coders, pairable: n };
}

/** The number of coders of a known level's rectangular matrix with at least one unit and two coders; throws otherwise. */
function checkShape(matrix: readonly (readonly (Value | null | undefined)[])[], level: AlphaLevel): number {
  if (!ALPHA_LEVELS.includes(level)) {
    throw new InputError(`unknown level of measurement ${describe(level)}`, {
      hint: `use one of ${ALPHA_LEVELS.join(', ')}`,
    });
  }
  if (matrix.length === 0) {
    throw new InputError('no units to compute Krippendorff’s alpha on', {
      hint: 'at least one unit must be coded by at least two coders',
    });
  }
  const first = matrix[0] ?? [];
  const coders = first.length;
  for (let r = 0; r < matrix.length; r++) {
    const row = matrix[r] ?? [];
    if (row.length !== coders) {
      throw new InputError(
        `row ${r + 1} has ${row.length} value(s) but row 1 has ${coders}; every unit needs one cell per coder`,
        { line: r + 1, hint: 'use null for a value a coder did not give' },
      );
    }
  }
  if (coders < 2) {
    throw new InputError(`Krippendorff’s alpha needs at least two coders, got ${coders}`, {
      hint: 'columns are coders, rows are units',
    });
  }
  return coders;
}

/**
 * The pairable units as category indices, and each category's numeric value (numeric levels; NaN for
 * nominal). Categories are keyed by the number (numeric levels) or the string form (nominal).
 */
function categories(matrix: readonly (readonly (Value | null | undefined)[])[], coders: number, level: AlphaLevel): { units: number[][]; catValue: number[] } {
  const index = new Map<string | number, number>();
  const catValue: number[] = [];
  const units: number[][] = [];
  for (let r = 0; r < matrix.length; r++) {
    const row = matrix[r] ?? [];
    const cats: number[] = [];
    for (let c = 0; c < coders; c++) {
      const v = row[c];
      if (v === null || v === undefined) continue;
      const key = categoryKey(v, level, r, c);
      let k = index.get(key);
      if (k === undefined) {
        k = index.size;
        index.set(key, k);
        catValue.push(typeof key === 'number' ? key : NaN);
      }
      cats.push(k);
    }
    if (cats.length >= 2) units.push(cats);
  }
  if (units.length === 0) {
    throw new InputError('no pairable unit: no unit has values from at least two coders', {
      hint: 'Krippendorff’s alpha compares values within units; at least one unit must be coded twice',
    });
  }
  return { units, catValue };
}

/** The category key of value v at row r, column c; throws for a value the level cannot take. */
function categoryKey(v: unknown, level: AlphaLevel, r: number, c: number): string | number {
  if (typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v))) {
    throw new InputError(
      `value ${describe(v)} at row ${r + 1}, column ${c + 1} is not a string or a finite number`,
      { line: r + 1 },
    );
  }
  if (level === 'nominal') return String(v);
  const x = numericValue(v);
  if (x === null) {
    throw new InputError(
      `non-numeric value ${describe(v)} at row ${r + 1}, column ${c + 1}: the ${level} level needs numbers`,
      { line: r + 1, hint: 'use the nominal level for categories that are not numbers' },
    );
  }
  if (level === 'ratio' && x < 0) {
    throw new InputError(
      `negative value ${describe(v)} at row ${r + 1}, column ${c + 1}: the ratio level needs values ≥ 0`,
      { line: r + 1, hint: 'use the interval level for data without a natural zero' },
    );
  }
  return x === 0 ? 0 : x; // fold −0 into 0
}

/** The coincidence matrix o[c][k], the marginals n_c and n (counted directly: exact integers). */
function coincidences(units: readonly number[][], q: number): { o: number[][]; nc: number[]; n: number } {
  const o: number[][] = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  const nc = new Array<number>(q).fill(0);
  let n = 0;
  for (const cats of units) {
    const m = cats.length;
    const count = new Map<number, number>();
    for (const c of cats) {
      count.set(c, (count.get(c) ?? 0) + 1);
      nc[c] = (nc[c] ?? 0) + 1;
    }
    n += m;
    for (const [c, ncu] of count) {
      const oc = o[c] as number[];
      for (const [k, nku] of count) {
        const pairs = c === k ? ncu * (ncu - 1) : ncu * nku;
        if (pairs > 0) oc[k] = (oc[k] ?? 0) + pairs / (m - 1);
      }
    }
  }
  return { o, nc, n };
}

/** δ²_ck for all pairs of categories. */
function metric(level: AlphaLevel, nc: readonly number[], value: readonly number[]): number[][] {
  const q = nc.length;
  const d: number[][] = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  const set = (c: number, k: number, x: number): void => {
    (d[c] as number[])[k] = x;
  };
  if (level === 'nominal') {
    for (let c = 0; c < q; c++) for (let k = 0; k < q; k++) if (c !== k) set(c, k, 1);
    return d;
  }
  if (level === 'ordinal') {
    // Ranks are the distinct values sorted ascending; distances use the marginals n_g.
    const order = Array.from({ length: q }, (_, i) => i).sort(
      (a, b) => (value[a] as number) - (value[b] as number),
    );
    // prefix[i] = Σ n_g over the first i categories in rank order.
    const prefix = [0];
    for (let i = 0; i < q; i++) prefix.push((prefix[i] as number) + (nc[order[i] as number] as number));
    for (let i = 0; i < q; i++) {
      for (let j = i + 1; j < q; j++) {
        const c = order[i] as number;
        const k = order[j] as number;
        const sum = (prefix[j + 1] as number) - (prefix[i] as number);
        const x = (sum - ((nc[c] as number) + (nc[k] as number)) / 2) ** 2;
        set(c, k, x);
        set(k, c, x);
      }
    }
    return d;
  }
  for (let c = 0; c < q; c++) {
    for (let k = 0; k < q; k++) {
      if (c === k) continue;
      const a = value[c] as number;
      const b = value[k] as number;
      // ratio: a + b > 0 here, since a ≠ b and both are ≥ 0.
      set(c, k, level === 'interval' ? (a - b) ** 2 : ((a - b) / (a + b)) ** 2);
    }
  }
  return d;
}
