/** How robust each claim is (`werkscan findings --margin`): units to recode before its verdict changes. */
import type { FindingResult } from '../core/claims/evaluate.js';
import type { ClaimMargin } from '../core/claims/margin.js';
import { marginSummary } from '../core/claims/margin.js';
import type { Table } from './table.js';

const DIRECTION: Record<NonNullable<ClaimMargin['direction']>, string> = { fewer: 'uncode', more: 'code more', either: 'either way' };

/** "1 (exact)", "2", or "—" where recoding cannot change the verdict. */
export function marginText(m: ClaimMargin, exact = 'exact'): string {
  if (m.margin === null) return '—';
  return m.margin === 1 && m.exact ? `1 (${exact})` : String(m.margin);
}

/** The units a margin-1 claim rests on; a unit carried by one segment is named with that segment. */
function fragile(m: ClaimMargin): string {
  if (m.fragileUnits.length === 0) return '';
  const single = m.fragileUnits.filter((u) => u.single);
  const shown = single.slice(0, 4).map((u) => `${u.unit} (${u.segments[0]})`);
  const more = single.length - shown.length;
  return `${single.length} of ${m.fragileUnits.length} on one segment${shown.length ? `: ${shown.join(', ')}` : ''}${more > 0 ? `, +${more}` : ''}`;
}

export function marginTable(results: readonly FindingResult[], margins: readonly ClaimMargin[]): Table {
  const rows = results.map((f, i) => {
    const m = margins[i]!;
    return { id: f.id, quantifier: f.quantifier, 'k/n': `${f.k}/${f.n}`, unit: f.unit, margin: marginText(m), direction: m.direction ? DIRECTION[m.direction] : '', fragile: fragile(m) };
  });
  const s = marginSummary(margins);
  return {
    title: 'Robustness: units to recode before a claim changes its verdict',
    columns: [
      { key: 'id', header: 'id' },
      { key: 'quantifier', header: 'quantifier' },
      { key: 'k/n', header: 'k/n', align: 'right' },
      { key: 'unit', header: 'unit' },
      { key: 'margin', header: 'margin', align: 'right' },
      { key: 'direction', header: 'by' },
      { key: 'fragile', header: 'units resting on one segment' },
    ],
    sections: [{ title: '', rows }],
    notes: [
      `${s.one} of ${s.withMargin} coded claims change their verdict when one unit is recoded (${s.exact} of them by nature: their quantifier holds at exactly one k, e.g. alle, geen, één or a number)`,
      '— : the claim counts its population (no codes), so recoding cannot change it',
    ],
  };
}
