/**
 * Cross-validation by document, and the choice of a threshold per code.
 *
 * Documents are sorted by id (UTF-16 order) and dealt round-robin into k folds, so every sentence of a
 * document lands in the same fold and the split depends only on the ids. A threshold is chosen on
 * training data only: on the out-of-fold scores of an inner cross-validation over the training folds
 * (nested), as the cut that maximises F1 over the sentences.
 */
import { scoreInto, trainBayes, type NaiveBayes, type TrainingSet } from './bayes.js';

/** The fold (0 … k − 1) of each document id. */
export function documentFolds(ids: readonly string[], k: number): Map<string, number> {
  const sorted = [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(sorted.map((id, i) => [id, i % k]));
}

/** How a threshold is chosen: the best F-beta (beta 1: F1), and only when it reaches `floor`. */
export interface ThresholdRule {
  beta: number;
  floor: number;
}

export const F1_RULE: ThresholdRule = { beta: 1, floor: 0 };

// @testOnly: exported for test/core/autocode/learn/math.test.ts
/**
 * The threshold with the best F1 when sentences scoring at least it are positive; among equal F1 the
 * highest. Halfway to the next lower score, so a score between the two counts as the better side.
 * Infinity when no cut finds a positive (F1 0): the code is then never given.
 */
export function bestThreshold(scores: ArrayLike<number>, positive: ArrayLike<boolean>, rule: ThresholdRule = F1_RULE): number {
  const order = Array.from({ length: scores.length }, (_, i) => i)
    .map((i) => ({ s: Number.isNaN(scores[i]!) ? -Infinity : scores[i]!, p: positive[i]! }))
    .sort((a, b) => b.s - a.s);
  const allPositive = order.filter((x) => x.p).length;
  let tp = 0;
  let taken = 0;
  let best = 0;
  let threshold = Infinity;
  for (let i = 0; i < order.length; i++) {
    tp += order[i]!.p ? 1 : 0;
    taken++;
    if (i + 1 < order.length && order[i + 1]!.s === order[i]!.s) continue; // cut only between distinct scores
    if (order[i]!.s === -Infinity) break;
    const b2 = rule.beta * rule.beta;
    const f1 = ((1 + b2) * tp) / (taken + b2 * allPositive);
    if (f1 > best && f1 >= rule.floor) {
      best = f1;
      const next = i + 1 < order.length ? order[i + 1]!.s : -Infinity;
      threshold = next === -Infinity ? order[i]!.s : (order[i]!.s + next) / 2;
    }
  }
  return threshold;
}

/** Scores of `test` rows (row-major: test.length × codes) under a model trained on `train` rows. */
function scoresOf(set: TrainingSet, model: NaiveBayes, test: readonly number[]): Float64Array {
  const out = new Float64Array(test.length * set.codes);
  const one = new Float64Array(set.codes);
  test.forEach((r, i) => {
    scoreInto(model, set.features[r]!, one);
    out.set(one, i * set.codes);
  });
  return out;
}

/**
 * Per code, the threshold chosen by cross-validation over the folds present in `rows`. Rows of fold −1
 * (the codebook's own sentences, see coder.ts) are always trained on and never scored.
 */
function chooseThresholds(set: TrainingSet, rows: readonly number[], foldOf: ArrayLike<number>, alpha: number, rule: ThresholdRule): Float64Array {
  const folds = [...new Set(rows.map((r) => foldOf[r]!))].filter((g) => g >= 0).sort((a, b) => a - b);
  const scored = rows.filter((r) => foldOf[r]! >= 0);
  const C = set.codes;
  const oof = new Float64Array(scored.length * C).fill(NaN);
  const position = new Map(scored.map((r, i) => [r, i]));
  for (const g of folds) {
    const train = rows.filter((r) => foldOf[r] !== g);
    const test = scored.filter((r) => foldOf[r] === g);
    const s = scoresOf(set, trainBayes(set, train, alpha), test);
    test.forEach((r, i) => oof.set(s.subarray(i * C, (i + 1) * C), position.get(r)! * C));
  }
  const thresholds = new Float64Array(C);
  const labels = scored.map((r) => new Set(set.labels[r]));
  for (let c = 0; c < C; c++) {
    const scores = scored.map((_, i) => oof[i * C + c]!);
    thresholds[c] = bestThreshold(scores, labels.map((l) => l.has(c)), rule);
  }
  return thresholds;
}

/** A model with its thresholds: trained on `rows`, thresholds from an inner cross-validation over them. */
export function fitCoder(set: TrainingSet, rows: readonly number[], foldOf: ArrayLike<number>, alpha: number, rule: ThresholdRule): { model: NaiveBayes; thresholds: Float64Array } {
  return { model: trainBayes(set, rows, alpha), thresholds: chooseThresholds(set, rows, foldOf, alpha, rule) };
}

/** The codes given to `rows`: score at or above the threshold. */
function predict(set: TrainingSet, coder: { model: NaiveBayes; thresholds: Float64Array }, rows: readonly number[]): number[][] {
  const scores = scoresOf(set, coder.model, rows);
  return rows.map((_, i) => {
    const out: number[] = [];
    for (let c = 0; c < set.codes; c++) if (scores[i * set.codes + c]! >= coder.thresholds[c]!) out.push(c);
    return out;
  });
}

/**
 * Out-of-fold predictions for every row: for each fold, a coder fitted on the other folds (its thresholds
 * from a cross-validation over those folds alone) codes the fold's rows.
 */
export function crossValidate(set: TrainingSet, foldOf: ArrayLike<number>, alpha: number, rule: ThresholdRule): number[][] {
  const rows = Array.from({ length: set.features.length }, (_, i) => i);
  const out: number[][] = rows.map(() => []);
  const folds = [...new Set(rows.map((r) => foldOf[r]!))].filter((g) => g >= 0).sort((a, b) => a - b);
  for (const g of folds) {
    const train = rows.filter((r) => foldOf[r] !== g);
    const test = rows.filter((r) => foldOf[r] === g);
    const predicted = predict(set, fitCoder(set, train, foldOf, alpha, rule), test);
    test.forEach((r, i) => (out[r] = predicted[i]!));
  }
  return out;
}
