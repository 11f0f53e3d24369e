/**
 * Agreement between two coders on categorical labels (Cohen's kappa), and
 * precision / recall / F1 of one coding against a reference.
 *
 * Pure: no I/O, no process state.
 */
import { InputError } from '../errors.js';
export function cohenKappa(a, b) {
    if (a.length !== b.length) {
        throw new InputError(`Cohen’s kappa needs both coders to label the same units: got ${a.length} and ${b.length} labels`);
    }
    const n = a.length;
    if (n === 0) {
        throw new InputError('Cohen’s kappa needs at least one unit labelled by both coders');
    }
    const key = (v) => (typeof v === 'boolean' ? `b:${v}` : `s:${v}`);
    const countA = new Map();
    const countB = new Map();
    let agree = 0;
    for (let i = 0; i < n; i++) {
        const ka = key(a[i]);
        const kb = key(b[i]);
        if (ka === kb)
            agree++;
        countA.set(ka, (countA.get(ka) ?? 0) + 1);
        countB.set(kb, (countB.get(kb) ?? 0) + 1);
    }
    let s = 0;
    for (const [c, na] of countA)
        s += na * (countB.get(c) ?? 0);
    const n2 = n * n;
    const kappa = s === n2 ? null : (n * agree - s) / (n2 - s);
    return { kappa, agreement: agree / n, n };
}
/**
 * Precision, recall and F1 from counts of true positives, false positives and
 * false negatives. Throws InputError for counts that are not non-negative
 * finite numbers.
 */
export function precisionRecallF1(tp, fp, fn) {
    for (const [name, v] of [
        ['tp', tp],
        ['fp', fp],
        ['fn', fn],
    ]) {
        if (!Number.isFinite(v) || v < 0) {
            throw new InputError(`${name} must be a count ≥ 0, got ${v}`);
        }
    }
    const ratio = (num, den) => (den === 0 ? null : num / den);
    return {
        precision: ratio(tp, tp + fp),
        recall: ratio(tp, tp + fn),
        f1: ratio(2 * tp, 2 * tp + fp + fn),
    };
}
