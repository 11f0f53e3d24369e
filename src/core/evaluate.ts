/** Check the report's claims against the coding. */
import { codedUnits, select, type CountOptions } from './count.js';
import type { Finding, Project } from './model.js';
import { describeRule, holds, lookupQuantifier } from './quantifiers.js';

export type FindingStatus = 'reproduced' | 'failed' | 'known-discrepancy' | 'stale-discrepancy';

export interface FindingResult {
  id: string;
  section: string;
  claim: string;
  codes: string[];
  unit: Finding['unit'];
  among: Finding['among'];
  quantifier: string;
  /** The rule as a formula, e.g. "k > 0.5·n". */
  rule: string;
  k: number;
  n: number;
  /** Does k of n bear out the quantifier? */
  holds: boolean;
  /** Is the run fine with this finding? (holds, or a known discrepancy that still does not hold) */
  ok: boolean;
  status: FindingStatus;
  expect: Finding['expect'];
  note: string;
  /** Why it failed, in data: 'empty-population' | 'unknown-quantifier' | 'quantifier' | 'stale'. */
  reason: string | null;
}

export function evaluateFinding(project: Project, f: Finding, options: Omit<CountOptions, 'where' | 'source'> = {}): FindingResult {
  const selection = select(project, f.among);
  const population = selection.population[f.unit];
  const n = population.size;
  let k: number;
  if (f.codes.length === 0) {
    k = n;
  } else {
    const coded = codedUnits(project, selection, { ...options, source: f.source });
    const sets = f.codes.map((c) => coded.get(c)?.[f.unit] ?? new Set<string>());
    const inAll = (key: string) => sets.every((s) => s.has(key));
    const inAny = (key: string) => sets.some((s) => s.has(key));
    k = [...population].filter(f.match === 'all' ? inAll : inAny).length;
  }
  const rule = lookupQuantifier(project.quantifiers, f.quantifier);
  const bears = rule !== null && n > 0 && holds(rule, k, n);
  let status: FindingStatus;
  let reason: string | null = null;
  if (f.expect === 'discrepancy') {
    status = bears ? 'stale-discrepancy' : 'known-discrepancy';
    if (bears) reason = 'stale';
  } else {
    status = bears ? 'reproduced' : 'failed';
    if (!bears) reason = rule === null ? 'unknown-quantifier' : n === 0 ? 'empty-population' : 'quantifier';
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

export function evaluateFindings(project: Project, options: Omit<CountOptions, 'where' | 'source'> = {}): { ok: boolean; findings: FindingResult[] } {
  const findings = project.findings.map((f) => evaluateFinding(project, f, options));
  return { ok: findings.every((f) => f.ok), findings };
}
