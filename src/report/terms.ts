/** `werkscan terms suggest`: the suggested terms per code, with what each would do to automatic coding. */
import type { Suggestion } from '../core/autocode/learn/suggest.js';
import type { Table } from './table-model.js';

const fmt = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
const change = (a: number | null, b: number | null) => (a === null || b === null ? 'n/a' : `${b - a >= 0 ? '+' : ''}${(b - a).toFixed(3)}`);

export function suggestionsTable(suggestions: readonly Suggestion[]): Table {
  return {
    title: 'Suggested terms: words that set a code\'s segments apart (weighted log-odds, informative prior)',
    columns: [
      { key: 'code', header: 'code' },
      { key: 'term', header: 'term' },
      { key: 'inside', header: 'in code', align: 'right' },
      { key: 'outside', header: 'elsewhere', align: 'right' },
      { key: 'z', header: 'z', align: 'right' },
      { key: 'precision', header: 'precision', align: 'right' },
      { key: 'recall', header: 'recall', align: 'right' },
      { key: 'f1', header: 'F1', align: 'right' },
    ],
    sections: [
      {
        title: '',
        rows: suggestions.map((s) => ({
          code: s.code,
          term: s.term,
          inside: s.inside,
          outside: s.outside,
          z: s.z.toFixed(2),
          precision: `${fmt(s.after.precision)} (${change(s.before.precision, s.after.precision)})`,
          recall: `${fmt(s.after.recall)} (${change(s.before.recall, s.after.recall)})`,
          f1: `${fmt(s.after.f1)} (${change(s.before.f1, s.after.f1)})`,
        })),
      },
    ],
    notes: [
      'in code / elsewhere: occurrences in sentences coded with the code by hand, and in the other coded sentences.',
      "precision, recall, F1: the code's automatic coding of the corpus's turns with the term added (change from its terms alone).",
    ],
  };
}
