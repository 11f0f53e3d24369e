/** Check the report's claims against the coding. */
import { codedUnits, filterKey, select, type CountOptions } from '../count/select.js';
import type { Finding, Project } from '../model.js';
import { describeRule, holds, lookupQuantifier } from './quantifiers.js';

type FindingStatus = 'reproduced' | 'failed' | 'known-discrepancy' | 'stale-discrepancy';

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

/** The units a finding is about, and for each of its codes the units that carry it. */
export interface FindingUnits {
  population: Set<string>;
  coded: Set<string>[];
}

/**
 * The units of several findings, in their order. Findings that share a filter (`among`) share one
 * selection, and with it their source one pass over its segments for all their codes: the report's 117
 * claims use 47 filters.
 */
export function findingUnitsAll(project: Project, findings: readonly Finding[], options: Omit<CountOptions, 'where' | 'source'> = {}): FindingUnits[] {
  const out: FindingUnits[] = [];
  const byFilter = new Map<string, number[]>();
  findings.forEach((f, i) => {
    const key = filterKey(f.among);
    const group = byFilter.get(key);
    if (group) group.push(i);
    else byFilter.set(key, [i]);
  });
  for (const group of byFilter.values()) {
    const selection = select(project, findings[group[0]!]!.among);
    const bySource = new Map<Finding['source'], number[]>();
    for (const i of group) {
      const source = findings[i]!.source;
      const same = bySource.get(source);
      if (same) same.push(i);
      else bySource.set(source, [i]);
    }
    for (const [source, indices] of bySource) {
      const codes = [...new Set(indices.flatMap((i) => findings[i]!.codes))];
      const coded = codes.length === 0 ? null : codedUnits(project, selection, { ...options, source }, codes);
      for (const i of indices) {
        const f = findings[i]!;
        out[i] = { population: selection.population[f.unit], coded: f.codes.map((c) => coded?.get(c)?.[f.unit] ?? new Set<string>()) };
      }
    }
  }
  return out;
}

/** Judge a finding on its units: k of n, and whether the quantifier holds. */
export function judgeFinding(project: Pick<Project, 'quantifiers'>, f: Finding, units: FindingUnits): FindingResult {
  const n = units.population.size;
  const inAll = (key: string) => units.coded.every((s) => s.has(key));
  const inAny = (key: string) => units.coded.some((s) => s.has(key));
  const k = f.codes.length === 0 ? n : [...units.population].filter(f.match === 'all' ? inAll : inAny).length;
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
  const units = findingUnitsAll(project, project.findings, options);
  const findings = project.findings.map((f, i) => judgeFinding(project, f, units[i]!));
  return { ok: findings.every((f) => f.ok), findings };
}
