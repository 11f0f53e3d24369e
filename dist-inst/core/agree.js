import { cohenKappa } from './stats/kappa.js';
import { krippendorffAlpha } from './stats/krippendorff.js';
import { splitSentences } from './text/sentences.js';
import { codePointLength, lineIndex } from './text.js';
export const AGREE_UNITS = ['turn', 'sentence', 'paragraph', 'document'];
/** The first line on which two plain texts differ (1-based, in the plain text), or null. */
export function firstDifferentLine(x, y) {
    if (x === y)
        return null;
    const xs = x.split('\n');
    const ys = y.split('\n');
    for (let i = 0; i < Math.max(xs.length, ys.length); i++)
        if (xs[i] !== ys[i])
            return i + 1;
    return null;
}
/** Cut a document into units. Blank units (no letter or digit) are left out. */
export function unitsOf(doc, unit) {
    if (unit === 'turn' && doc.units)
        return doc.units;
    const chars = Array.from(doc.plainText);
    const toLine = lineIndex(doc.plainText);
    const make = (start, end) => ({ document: doc.id, start, end, line: doc.bodyLine + toLine(start) - 1 });
    const meaningful = (u) => /[\p{L}\p{N}]/u.test(chars.slice(u.start, u.end).join(''));
    let spans;
    if (unit === 'document') {
        spans = [make(0, chars.length)];
    }
    else if (unit === 'turn' && doc.type === 'interview') {
        spans = doc.turns.map((t) => make(t.start, t.end));
    }
    else if (unit === 'sentence') {
        spans = splitSentences(doc.plainText).map((s) => make(s.start, s.end));
    }
    else {
        spans = [];
        let start = 0;
        const re = /\n[ \t]*\n/g;
        const text = doc.plainText;
        // Paragraphs: separated by blank lines. Offsets are converted from UTF-16 to code points.
        let seenIndex = 0;
        let seenCps = 0;
        const cpAt = (i) => {
            seenCps += codePointLength(text.slice(seenIndex, i));
            seenIndex = i;
            return seenCps;
        };
        for (let m = re.exec(text); m; m = re.exec(text)) {
            spans.push(make(cpAt(start), cpAt(m.index)));
            start = m.index + m[0].length;
        }
        spans.push(make(cpAt(start), chars.length));
    }
    return spans.filter(meaningful);
}
const overlaps = (s, u) => s.start < u.end && s.end > u.start;
/** Which codes each unit has for one coder. */
function codesPerUnit(units, segments, codes) {
    return units.map((u) => new Set(segments.filter((s) => codes.has(s.code) && overlaps(s, u)).map((s) => s.code)));
}
export function agreement(pairs, options) {
    const codeSet = new Set(options.codes);
    const units = [];
    for (const p of pairs) {
        const us = unitsOf(p.document, options.unit);
        const a = codesPerUnit(us, p.a, codeSet);
        const b = codesPerUnit(us, p.b, codeSet);
        us.forEach((u, i) => {
            if (options.excludeUncoded && a[i].size === 0 && b[i].size === 0)
                return;
            units.push({ unit: u, a: a[i], b: b[i] });
        });
    }
    const codes = options.codes.map((code) => {
        const xa = units.map((u) => u.a.has(code));
        const xb = units.map((u) => u.b.has(code));
        const both = xa.filter((v, i) => v && xb[i]).length;
        if (units.length === 0)
            return { code, kappa: null, agreement: 1, a: 0, b: 0, both: 0 };
        const k = cohenKappa(xa, xb);
        return { code, kappa: k.kappa, agreement: k.agreement, a: xa.filter(Boolean).length, b: xb.filter(Boolean).length, both };
    });
    // One row per unit × code decision, two coders.
    const matrix = units.flatMap((u) => options.codes.map((c) => [u.a.has(c) ? 1 : 0, u.b.has(c) ? 1 : 0]));
    const alpha = matrix.length === 0 ? null : krippendorffAlpha(matrix, 'nominal').alpha;
    const sorted = (s) => options.codes.filter((c) => s.has(c));
    const differences = units
        .filter((u) => u.a.size !== u.b.size || [...u.a].some((c) => !u.b.has(c)))
        .map((u) => ({ document: u.unit.document, line: u.unit.line, a: sorted(u.a), b: sorted(u.b) }));
    return { unit: options.unit, units: units.length, alpha, codes, differences };
}
/**
 * Segment-overlap agreement, as MAXQDA offers it: a segment of A and one of B with the same code
 * agree when their overlap is at least `percent` % of the text the two cover together.
 * Each segment pairs at most once (greedy, best overlap first).
 */
export function overlapAgreement(pairs, codes, percent) {
    return codes.map((code) => {
        let a = 0;
        let b = 0;
        let matched = 0;
        for (const p of pairs) {
            const sa = p.a.filter((s) => s.code === code);
            const sb = p.b.filter((s) => s.code === code);
            a += sa.length;
            b += sb.length;
            const candidates = [];
            sa.forEach((x, i) => sb.forEach((y, j) => {
                const inter = Math.min(x.end, y.end) - Math.max(x.start, y.start);
                const union = Math.max(x.end, y.end) - Math.min(x.start, y.start);
                const share = union > 0 ? inter / union : 0;
                if (inter > 0 && share * 100 >= percent - 1e-9)
                    candidates.push({ i, j, share });
            }));
            candidates.sort((p1, p2) => p2.share - p1.share || p1.i - p2.i || p1.j - p2.j);
            const usedA = new Set();
            const usedB = new Set();
            for (const c of candidates) {
                if (usedA.has(c.i) || usedB.has(c.j))
                    continue;
                usedA.add(c.i);
                usedB.add(c.j);
                matched++;
            }
        }
        const total = a + b - matched;
        return { code, a, b, matched, agreement: total === 0 ? null : matched / total };
    });
}
function score(tp, fp, fn) {
    const precision = tp + fp === 0 ? null : tp / (tp + fp);
    const recall = tp + fn === 0 ? null : tp / (tp + fn);
    const f1 = tp + fp + fn === 0 ? null : (2 * tp) / (2 * tp + fp + fn);
    return { tp, fp, fn, precision, recall, f1 };
}
/**
 * Manual (the reference) against automatic coding at the unit level. Interviewer turns are left out:
 * automatic coding never codes them. `groups` maps a code to its group (its category) for micro-averages.
 */
export function autoAgreement(pairs, options) {
    const codeSet = new Set(options.codes);
    const rows = [];
    for (const p of pairs) {
        const chars = Array.from(p.document.plainText);
        const interviewer = new Set(p.document.turns.filter((t) => t.speaker === 'I').map((t) => `${t.start}:${t.end}`));
        const us = unitsOf(p.document, options.unit).filter((u) => !(options.unit === 'turn' && interviewer.has(`${u.start}:${u.end}`)));
        const manual = codesPerUnit(us, p.a, codeSet);
        const auto = codesPerUnit(us, p.b, codeSet);
        us.forEach((u, i) => rows.push({ unit: u, text: chars.slice(u.start, u.end).join('').replace(/\s+/g, ' ').trim(), manual: manual[i], auto: auto[i] }));
    }
    const falsePositives = [];
    const falseNegatives = [];
    const codes = options.codes.map((code) => {
        let tp = 0;
        let fp = 0;
        let fn = 0;
        for (const r of rows) {
            const m = r.manual.has(code);
            const a = r.auto.has(code);
            if (m && a)
                tp++;
            else if (a) {
                fp++;
                falsePositives.push({ code, document: r.unit.document, line: r.unit.line, text: r.text });
            }
            else if (m) {
                fn++;
                falseNegatives.push({ code, document: r.unit.document, line: r.unit.line, text: r.text });
            }
        }
        return { code, ...score(tp, fp, fn) };
    });
    const totals = new Map();
    for (const c of codes) {
        for (const g of [options.groupOf(c.code), '*']) {
            const t = totals.get(g) ?? { tp: 0, fp: 0, fn: 0 };
            t.tp += c.tp;
            t.fp += c.fp;
            t.fn += c.fn;
            totals.set(g, t);
        }
    }
    const groups = [...totals].map(([group, t]) => ({ group, ...score(t.tp, t.fp, t.fn) }));
    return { unit: options.unit, units: rows.length, codes, groups, falsePositives, falseNegatives };
}
