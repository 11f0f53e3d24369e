/** The wording a report may use for k of n where no claim says it: the default bands of quantifiers.yaml. */
import type { WordingBand } from '../model.js';
import { holds } from './quantifiers.js';

/**
 * The band whose rule holds for k/n, first in the table's order; null when none does (the report then
 * writes the numeral). The bands come from `wording:` in quantifiers.yaml, else DEFAULT_WORDING.
 */
export function proposeWording(bands: readonly WordingBand[], k: number, n: number): WordingBand | null {
  return bands.find((b) => holds(b.rule, k, n)) ?? null;
}

/**
 * "alle 8 scholen", "ongeveer de helft (4 van 8) van de scholen", "geen van de 8 …": the noun comes from
 * the project file. `quantifier` is the (Dutch) quantifier of the table, which sets the phrase's shape.
 */
export function phrase(quantifier: string, k: number, n: number, noun: string, say = quantifier): string {
  if (quantifier === 'alle') return `alle ${n} ${noun}`;
  if (quantifier === 'geen') return `geen van de ${n} ${noun}`;
  if (quantifier === 'één') return `één van de ${n} ${noun}`;
  if (/^\d+$/.test(quantifier)) return `${k} van de ${n} ${noun}`;
  return `${say} (${k} van ${n}) ${quantifier === 'bijna alle' || quantifier === 'enkele' ? '' : 'van de '}${noun}`;
}
