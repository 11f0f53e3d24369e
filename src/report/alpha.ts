/** The table of `werkscan alpha`: Krippendorff's alpha of a reliability matrix. */
import type { AlphaLevel, AlphaResult } from '../core/agreement/stats/krippendorff.js';
import type { Table } from './table.js';

export function alphaTable(result: AlphaResult & { coderNames: readonly string[]; unitColumn: string | null }, level: AlphaLevel): Table {
  const alpha = result.alpha === null ? null : Number(result.alpha.toFixed(6));
  return {
    columns: [
      { key: 'alpha', header: "Krippendorff's alpha", align: 'right' },
      { key: 'level', header: 'level' },
      { key: 'units', header: 'units', align: 'right' },
      { key: 'coders', header: 'coders', align: 'right' },
      { key: 'pairable', header: 'pairable values', align: 'right' },
    ],
    sections: [{ title: '', rows: [{ alpha: alpha === null ? 'undefined' : alpha.toFixed(6), level, units: result.units, coders: result.coders, pairable: result.pairable }] }],
    notes: [
      result.alpha === null
        ? 'alpha is undefined: every pairable value is the same, so there is no disagreement to expect.'
        : `units with fewer than two values are left out; coders: ${result.coderNames.join(', ')}; ${result.unitColumn === null ? 'no unit column (rows are units 1, 2, …)' : `unit labels: column ${result.unitColumn}`}`,
    ],
  };
}
