/** The learned coder's arithmetic on examples worked out by hand. */
import { describe, expect, it } from 'vitest';
import { scoreInto, trainBayes } from '../../../../src/core/autocode/learn/bayes.js';
import { bestThreshold, documentFolds } from '../../../../src/core/autocode/learn/folds.js';
import { weightedLogOdds } from '../../../../src/core/autocode/learn/log-odds.js';

describe('weighted log-odds (Monroe et al. 2008)', () => {
  it('matches a hand-worked example', () => {
    // y_i 2 of n_i 10, y_j 1 of n_j 20, α_w 1, α_0 10:
    // δ = log(3/17) − log(2/28) = log(42/17); z = δ / √(1/3 + 1/2)
    const r = weightedLogOdds(2, 10, 1, 20, 1, 10);
    expect(r.delta).toBeCloseTo(0.9044563, 6);
    expect(r.z).toBeCloseTo(0.9907822, 6);
  });
});

describe('naive Bayes', () => {
  it('scores as the textbook formula, worked out by hand', () => {
    // Sentences: {0,1} coded 0; {1,2}; {2}. α 1, V 3, N 2, M 3. Code 0:
    // w0 = log(2/5) − log(1/6) = log(12/5); w1 = log(2/5) − log(2/6) = log(6/5); w2 = log(1/5) − log(3/6) = log(2/5);
    // prior log(2/3). {0,1}: log(2/3 · 12/5 · 6/5) = log(48/25); {2}: log(2/3 · 2/5) = log(4/15).
    const set = { features: [Int32Array.from([0, 1]), Int32Array.from([1, 2]), Int32Array.from([2])], labels: [[0], [], []], codes: 2, featureCount: 3 };
    const model = trainBayes(set, [0, 1, 2], 1);
    const out = new Float64Array(2);
    scoreInto(model, Int32Array.from([0, 1]), out);
    expect(out[0]).toBeCloseTo(Math.log(48 / 25), 12);
    expect(out[1]).toBeNaN(); // code 1 has no positive sentence: never given
    scoreInto(model, Int32Array.from([2]), out);
    expect(out[0]).toBeCloseTo(Math.log(4 / 15), 12);
  });
});

describe('bestThreshold', () => {
  it('takes the cut with the best F1, halfway to the next score', () => {
    // Top 1: F1 2/3; top 2: 1/2; top 3: 4/5; all: 2/3 → cut between 1 and 0.
    expect(bestThreshold([3, 2, 1, 0], [true, false, true, false])).toBe(0.5);
  });
  it('never cuts between equal scores; the lowest score as the cut when nothing is below it', () => {
    // After the two 2s: F1 2/4; after all three: 4/5.
    expect(bestThreshold([2, 2, 1], [true, false, true])).toBe(1);
  });
  it('gives Infinity (never) when the best F1 stays under the floor', () => {
    expect(bestThreshold([3, 2, 1, 0], [true, false, true, false], { beta: 1, floor: 0.9 })).toBe(Infinity);
    expect(bestThreshold([1, 0], [false, false])).toBe(Infinity);
  });
});

describe('documentFolds', () => {
  it('deals documents sorted by id round-robin, whatever order they come in', () => {
    expect([...documentFolds(['d', 'b', 'a', 'c', 'e'], 2)]).toEqual([['a', 0], ['b', 1], ['c', 0], ['d', 1], ['e', 0]]);
  });
});
