/** Check the report's claims against the coding. */
import { codedUnits, select } from './count.js';
import { describeRule, holds, lookupQuantifier } from './quantifiers.js';
export function findingUnits(project, f, options = {}) {
    const selection = select(project, f.among);
    const coded = f.codes.length === 0 ? null : codedUnits(project, selection, { ...options, source: f.source });
    return { population: selection.population[f.unit], coded: f.codes.map((c) => coded?.get(c)?.[f.unit] ?? new Set()) };
}
/** Judge a finding on its units: k of n, and whether the quantifier holds. */
export function judgeFinding(project, f, units) {
    const n = units.population.size;
    const inAll = (key) => units.coded.every((s) => s.has(key));
    const inAny = (key) => units.coded.some((s) => s.has(key));
    const k = f.codes.length === 0 ? n : [...units.population].filter(f.match === 'all' ? inAll : inAny).length;
    const rule = lookupQuantifier(project.quantifiers, f.quantifier);
    const bears = rule !== null && n > 0 && holds(rule, k, n);
    let status;
    let reason = null;
    if (f.expect === 'discrepancy') {
        status = bears ? 'stale-discrepancy' : 'known-discrepancy';
        if (bears)
            reason = 'stale';
    }
    else {
        status = bears ? 'reproduced' : 'failed';
        if (!bears)
            reason = rule === null ? 'unknown-quantifier' : n === 0 ? 'empty-population' : 'quantifier';
    }
    return {
        id: f.id,
        section: f.section,
        claim: f.claim,
        codes: f.codes,
        unit: f.unit,
        among: f.among,
        quantifier: f.quantifier,
        rule: rule ? describeRule(rule) : '?',
        k,
        n,
        holds: bears,
        ok: status === 'reproduced' || status === 'known-discrepancy',
        status,
        expect: f.expect,
        note: f.note,
        reason,
    };
}
export function evaluateFinding(project, f, options = {}) {
    return judgeFinding(project, f, findingUnits(project, f, options));
}
export function evaluateFindings(project, options = {}) {
    const findings = project.findings.map((f) => evaluateFinding(project, f, options));
    return { ok: findings.every((f) => f.ok), findings };
}
