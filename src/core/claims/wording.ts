/** The Dutch wording a report may use for k of n: a verbal quantifier, and the phrase around it. */
import type { QuantifierTable } from '../model.js';
import { holds, lookupQuantifier } from './quantifiers.js';

/** The quantifiers werkscan proposes, most specific first. */
export const PROPOSAL_ORDER = ['geen', 'één', 'alle', 'bijna alle', 'meer dan de helft', 'ongeveer de helft', 'enkele'] as const;

/**
 * The Dutch wording a k/n supports, from the quantifier table: the first quantifier of
 * PROPOSAL_ORDER that holds, else the numeral. "ongeveer de helft" is proposed only up to n/2:
 * above half the report says "meer dan de helft".
 */
export function proposeQuantifier(table: QuantifierTable, k: number, n: number): string {
  for (const name of PROPOSAL_ORDER) {
    const rule = lookupQuantifier(table, name);
    if (!rule || !holds(rule, k, n)) continue;
    if (name === 'ongeveer de helft' && k > n / 2) continue;
    return name;
  }
  return String(k);
}

/** "alle 8 scholen", "ongeveer de helft (4 van 8) van de scholen", "geen van de 8 …": the noun comes from the project file. */
export function phrase(quantifier: string, k: number, n: number, noun: string): string {
  if (quantifier === 'alle') return `alle ${n} ${noun}`;
  if (quantifier === 'geen') return `geen van de ${n} ${noun}`;
  if (quantifier === 'één') return `één van de ${n} ${noun}`;
  if (/^\d+$/.test(quantifier)) return `${k} van de ${n} ${noun}`;
  return `${quantifier} (${k} van ${n}) ${quantifier === 'bijna alle' || quantifier === 'enkele' ? '' : 'van de '}${noun}`;
}
