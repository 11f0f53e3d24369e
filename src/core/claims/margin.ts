/**
 * How robust a claim is (issue #16.3): the smallest number of units (cases, respondents or documents)
 * whose coding must change for the claim's verdict to change, in which direction, and which coded units
 * rest on a single segment. Recoding one unit moves k by one and leaves n as it is, so the margin is the
 * distance from k to the nearest k' in 0…n at which the quantifier gives the other verdict.
 */
import { eachCounted, select, type CountOptions } from '../count/select.js';
import type { Finding, Project, QuantifierRule } from '../model.js';
import { holds, lookupQuantifier } from './quantifiers.js';
import type { FindingResult } from './evaluate.js';

export interface ClaimMargin {
  id: string;
  /**
   * Units to recode before the verdict changes (a claim that holds fails; a known discrepancy starts to
   * hold). null where recoding cannot change it: a claim without codes counts its population (k = n).
   */
  margin: number | null;
  /** 'fewer': uncode that many coded units; 'more': code that many uncoded ones; 'either': both take as many. */
  direction: 'fewer' | 'more' | 'either' | null;
  /** The quantifier holds at a single k (alle, geen, één, a numeral): its margin is 1 by nature. */
  exact: boolean;
  /** Where uncoding one unit changes the verdict: each coded unit, with the segments that carry it; `single` when it rests on one. */
  fragileUnits: { unit: string; segments: string[]; single: boolean }[];
}

/** Nearest k' in 0…n, at distance d ≥ 1 from k, where the verdict differs from the one at k. */
function nearestFlip(rule: QuantifierRule, k: number, n: number): { margin: number | null; direction: ClaimMargin['direction'] } {
  const now = holds(rule, k, n);
  for (let d = 1; d <= n; d++) {
    const down = k - d >= 0 && holds(rule, k - d, n) !== now;
    const up = k + d <= n && holds(rule, k + d, n) !== now;
    if (down || up) return { margin: d, direction: down && up ? 'either' : down ? 'fewer' : 'more' };
  }
  return { margin: null, direction: null };
}

/** Does the rule hold at exactly one k of n (for n ≥ 2)? Checked, not read from the quantifier's name. */
function isExact(rule: QuantifierRule, n: number): boolean {
  if (n < 2) return false;
  let count = 0;
  for (let k = 0; k <= n; k++) if (holds(rule, k, n)) count++;
  return count === 1;
}

/** The coded units of a finding with the ids of the segments that carry each (its codes, its filter, its source). */
function unitsWithSegments(project: Project, f: Finding, options: Omit<CountOptions, 'where' | 'source'>): Map<string, string[]> {
  const selection = select(project, f.among);
  const population = selection.population[f.unit];
  const byCode = new Map<string, Map<string, string[]>>(f.codes.map((c) => [c, new Map()]));
  eachCounted(project, selection, { ...options, source: f.source }, (code, s, doc, respondent) => {
    const units = byCode.get(code);
    if (!units) return;
    const key = f.unit === 'document' ? doc.id : f.unit === 'case' ? doc.case : respondent;
    if (key === null || !population.has(key)) return;
    const list = units.get(key);
    if (list) list.push(s.id);
    else units.set(key, [s.id]);
  });
  const out = new Map<string, string[]>();
  for (const key of population) {
    const per = f.codes.map((c) => byCode.get(c)!.get(key));
    const coded = f.match === 'all' ? per.every((p) => p !== undefined) : per.some((p) => p !== undefined);
    if (coded) out.set(key, [...new Set(per.flatMap((p) => p ?? []))]);
  }
  return out;
}

/**
 * The margin of each finding, given its result (k, n, verdict); `options` as for evaluateFindings.
 * `units: false` leaves out the fragile units (a pass over the claim's segments each), when only the
 * margins are shown.
 */
export function claimMargins(project: Project, results: readonly FindingResult[], options: Omit<CountOptions, 'where' | 'source'> & { units?: boolean } = {}): ClaimMargin[] {
  const byId = new Map(project.findings.map((f) => [f.id, f]));
  return results.map((r) => {
    const f = byId.get(r.id)!;
    const rule = lookupQuantifier(project.quantifiers, f.quantifier);
    if (f.codes.length === 0 || rule === null || r.n === 0) return { id: r.id, margin: null, direction: null, exact: false, fragileUnits: [] };
    const { margin, direction } = nearestFlip(rule, r.k, r.n);
    const fewer = options.units !== false && margin === 1 && (direction === 'fewer' || direction === 'either');
    const fragileUnits = fewer ? [...unitsWithSegments(project, f, options)].map(([unit, segments]) => ({ unit, segments, single: segments.length === 1 })) : [];
    return { id: r.id, margin, direction, exact: isExact(rule, r.n), fragileUnits };
  });
}

/** "n of m claims change their verdict when one unit is recoded" — counted over claims that have a margin. */
export function marginSummary(margins: readonly ClaimMargin[]): { withMargin: number; one: number; exact: number } {
  const withMargin = margins.filter((m) => m.margin !== null);
  return { withMargin: withMargin.length, one: withMargin.filter((m) => m.margin === 1).length, exact: withMargin.filter((m) => m.margin === 1 && m.exact).length };
}
