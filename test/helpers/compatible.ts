/**
 * When does a wording contradict a claim at the same k/n? Each quantifier of the table falls in a class by
 * its rule: none, one, minority (at most half), half (around half), majority (more than half), nearly all,
 * all — or neutral (numerals, "veel", "vaak", "een aantal", "diverse": they take no side). A wording is
 * compatible with a claim when its own rule holds at k/n and, unless the claim is neutral, it is of a class
 * the claim's class allows: the same one, or "één" (and "geen") under a minority claim ("hooguit een kwart");
 * at 1 of 1, "één" and "alle" are the same statement.
 */
import { holds, lookupQuantifier } from '../../src/core/claims/quantifiers.js';
import type { QuantifierRule, QuantifierTable } from '../../src/core/model.js';

type Side = 'none' | 'one' | 'minority' | 'half' | 'majority' | 'nearly' | 'all' | 'neutral';

function side(rule: QuantifierRule): Side {
  const { min, max } = rule;
  if (max && 'count' in max && max.count === 0) return 'none';
  if (min && 'share' in min && min.share === 1) return 'all';
  if (min && max && 'count' in min && 'count' in max && min.count === max.count) return min.count === 1 ? 'one' : 'neutral';
  if (rule.around) return 'half';
  if (min && 'share' in min && min.share >= 0.75) return 'nearly';
  if (min && 'share' in min && min.share === 0.5 && min.exclusive) return 'majority';
  if (max && 'share' in max && max.share <= 0.5) return 'minority';
  return 'neutral';
}

const ALLOWED: Record<Side, readonly Side[]> = {
  none: ['none'],
  one: ['one'],
  minority: ['minority', 'one', 'none'],
  half: ['half'],
  majority: ['majority'],
  nearly: ['nearly'],
  all: ['all'],
  neutral: ['none', 'one', 'minority', 'half', 'majority', 'nearly', 'all', 'neutral'],
};

/** Why `wording` contradicts `claim` at k/n, or null when it does not. */
export function contradiction(table: QuantifierTable, wording: string, claim: string, k: number, n: number): string | null {
  const w = lookupQuantifier(table, wording);
  const c = lookupQuantifier(table, claim);
  if (!w || !c) return `unknown quantifier ${!w ? wording : claim}`;
  if (!holds(w, k, n)) return `"${wording}" does not hold at ${k}/${n}`;
  // one of one is all of them: "één" and "alle" say the same there (opzet-overig-een-riec, int-sep-succesfactoren)
  const oneOfOne = k === 1 && n === 1 && ['one', 'all'].includes(side(w)) && ['one', 'all'].includes(side(c));
  if (!oneOfOne && !ALLOWED[side(c)].includes(side(w))) return `"${wording}" (${side(w)}) contradicts "${claim}" (${side(c)}) at ${k}/${n}`;
  return null;
}
