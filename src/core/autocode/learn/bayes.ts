/**
 * One-vs-rest naive Bayes over binary features (each feature counted once per sentence: "binarized
 * multinomial" naive Bayes), with add-α smoothing. Per code c and feature f, with n_cf the positive
 * sentences holding f, m_cf the negative ones, N_c and M_c the feature occurrences in positive and
 * negative sentences, V the features seen in training:
 *
 *   w_cf = log((n_cf + α) / (N_c + αV)) − log((m_cf + α) / (M_c + αV))
 *   score_c(s) = log((P_c + 1) / (T − P_c + 1)) + Σ_{f ∈ s} w_cf        (P_c positive of T sentences)
 *
 * A feature no positive sentence holds has m_cf = df_f, so w_cf = slope_c − log(df_f + α): the score is
 * prior_c + k·slope_c − Σ log(df_f + α) + Σ (corrections for the features some positive sentence holds).
 * Only those corrections are stored per code (an inverted list per feature), so scoring a sentence costs
 * its features plus their postings, not features × codes.
 */

export interface TrainingSet {
  /** Distinct feature ids per sentence, ascending. */
  features: readonly Int32Array[];
  /** Code indices per sentence. */
  labels: readonly (readonly number[])[];
  /** Number of codes (indices 0 … codes − 1). */
  codes: number;
  /** Number of feature ids (all ids < this). */
  featureCount: number;
}

export interface NaiveBayes {
  alpha: number;
  /** Per code: log prior odds, and the per-feature constant (see above). NaN: the code has no positive sentence. */
  prior: Float64Array;
  slope: Float64Array;
  /** Per feature id: log(df + α), or NaN when the feature never occurred in training. */
  common: Float64Array;
  /** Postings: for feature f, entries offsets[f] … offsets[f+1] − 1 of postCode/postWeight. */
  offsets: Int32Array;
  postCode: Int32Array;
  postWeight: Float64Array;
}

/** Train on the sentences `rows` of `set` (indices into it). */
// Long: one pass to count, one per code to weigh, one to lay out the postings; split up it would pass arrays around
export function trainBayes(set: TrainingSet, rows: readonly number[], alpha = 0.1): NaiveBayes {
  const F = set.featureCount;
  const C = set.codes;
  const df = new Float64Array(F);
  const positives: number[][] = Array.from({ length: C }, () => []);
  let total = 0;
  for (const r of rows) {
    const fs = set.features[r]!;
    for (let i = 0; i < fs.length; i++) df[fs[i]!]!++;
    total += fs.length;
    for (const c of set.labels[r]!) positives[c]!.push(r);
  }
  let V = 0;
  const common = new Float64Array(F);
  for (let f = 0; f < F; f++) {
    if (df[f]! > 0) V++;
    common[f] = df[f]! > 0 ? Math.log(df[f]! + alpha) : NaN;
  }
  const prior = new Float64Array(C);
  const slope = new Float64Array(C);
  // Postings as (feature, code, weight) triples, codes ascending; laid out by feature below.
  const tf: number[] = [];
  const tc: number[] = [];
  const tw: number[] = [];
  const n = new Float64Array(F);
  for (let c = 0; c < C; c++) {
    const pos = positives[c]!;
    if (pos.length === 0) {
      prior[c] = NaN;
      slope[c] = NaN;
      continue;
    }
    let N = 0;
    const touched: number[] = [];
    for (const r of pos) {
      const fs = set.features[r]!;
      N += fs.length;
      for (let i = 0; i < fs.length; i++) {
        if (n[fs[i]!] === 0) touched.push(fs[i]!);
        n[fs[i]!]!++;
      }
    }
    const M = total - N;
    prior[c] = Math.log((pos.length + 1) / (rows.length - pos.length + 1));
    slope[c] = Math.log(alpha) - Math.log(N + alpha * V) + Math.log(M + alpha * V);
    for (const f of touched) {
      const d = df[f]!;
      const k = n[f]!;
      // w_cf − (slope_c − log(df_f + α))
      tf.push(f);
      tc.push(c);
      tw.push(Math.log((k + alpha) / alpha) - Math.log((d - k + alpha) / (d + alpha)));
      n[f] = 0;
    }
  }
  const offsets = new Int32Array(F + 1);
  for (const f of tf) offsets[f + 1]!++;
  for (let f = 0; f < F; f++) offsets[f + 1]! += offsets[f]!;
  const fill = offsets.slice(0, F);
  const postCode = new Int32Array(tf.length);
  const postWeight = new Float64Array(tf.length);
  for (let i = 0; i < tf.length; i++) {
    const at = fill[tf[i]!]!++;
    postCode[at] = tc[i]!;
    postWeight[at] = tw[i]!;
  }
  return { alpha, prior, slope, common, offsets, postCode, postWeight };
}

// @testOnly: exported for test/core/autocode/learn/math.test.ts
/** The score of every code for one sentence's features, into `out` (length: codes); NaN for codes never seen. */
export function scoreInto(model: NaiveBayes, features: Int32Array, out: Float64Array): void {
  let k = 0;
  let g = 0;
  const { common, offsets, postCode, postWeight } = model;
  out.fill(0);
  for (let i = 0; i < features.length; i++) {
    const f = features[i]!;
    if (f < 0 || f >= common.length) continue;
    const cf = common[f]!;
    if (Number.isNaN(cf)) continue;
    k++;
    g += cf;
    for (let p = offsets[f]!; p < offsets[f + 1]!; p++) out[postCode[p]!]! += postWeight[p]!;
  }
  for (let c = 0; c < out.length; c++) out[c] = model.prior[c]! + k * model.slope[c]! - g + out[c]!;
}

/**
 * The codes whose score reaches their threshold, ascending, into `found` (returns how many); `sums` is
 * scratch of length codes. The same arithmetic as scoreInto, fused into one pass over the codes.
 */
export function codesAbove(model: NaiveBayes, features: Int32Array, thresholds: Float64Array, sums: Float64Array, found: Int32Array): number {
  let k = 0;
  let g = 0;
  const { common, offsets, postCode, postWeight, prior, slope } = model;
  sums.fill(0);
  for (let i = 0; i < features.length; i++) {
    const f = features[i]!;
    if (f < 0 || f >= common.length) continue;
    const cf = common[f]!;
    if (cf !== cf) continue; // NaN: never seen in training
    k++;
    g += cf;
    for (let p = offsets[f]!; p < offsets[f + 1]!; p++) sums[postCode[p]!]! += postWeight[p]!;
  }
  let n = 0;
  for (let c = 0; c < sums.length; c++) if (prior[c]! + k * slope[c]! - g + sums[c]! >= thresholds[c]!) found[n++] = c;
  return n;
}
