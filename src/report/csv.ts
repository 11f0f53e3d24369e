/** CSV writing without the rest of the table module (whose terminal colours load chalk): workers need only this. */
import { createRequire } from 'node:module';

export interface CsvOptions {
  delimiter?: string;
  /** A UTF-8 byte-order mark, so Excel reads accents right. */
  bom?: boolean;
}

/** A number as a whole cell: digits with one decimal point, maybe a sign before and a percent sign after. */
const DECIMAL = /^([+\-−]?\d+)\.(\d+%?)$/;

/**
 * How a table cell is written in a CSV with this delimiter. With `;` (the delimiter of Excel in a Dutch,
 * German or French locale, where the comma is the decimal separator) a decimal number gets a decimal
 * comma, `0.795` → `0,795` and `99.0%` → `99,0%`, so that Excel reads a number and not text or a date.
 * Only a cell that is a number and nothing else changes; text that holds a number does not.
 */
export function csvCell(delimiter: string): (v: string | number | null) => string {
  const comma = delimiter === ';';
  return (v) => {
    const s = v === null ? '' : String(v);
    return comma ? s.replace(DECIMAL, '$1,$2') : s;
  };
}

/** csv-stringify, loaded when CSV is asked for. */
export function csvStringify(records: string[][], delimiter: string): string {
  const { stringify } = createRequire(import.meta.url)('csv-stringify/sync') as typeof import('csv-stringify/sync');
  return stringify(records, { delimiter, record_delimiter: '\n' });
}

/**
 * One record as csv-stringify writes it with the options above, for the hot path (segments.csv rows):
 * a field is quoted when it holds a quote (doubled), the delimiter (also one that starts in the field
 * and runs past its end) or a line feed; each record ends with a line feed. A test checks the bytes
 * against csv-stringify on random fields.
 */
export function csvRecord(fields: readonly string[], delimiter: string): string {
  const out: string[] = [];
  for (const v of fields) {
    if (v.includes('"')) out.push(`"${v.replaceAll('"', '""')}"`);
    else if (v.includes('\n') || emitsDelimiter(v, delimiter)) out.push(`"${v}"`);
    else out.push(v);
  }
  return `${out.join(delimiter)}\n`;
}

const emitsDelimiter = (v: string, d: string) => d.length !== 0 && (v.includes(d) || (d.length > 1 && (v + d).indexOf(d) < v.length));
