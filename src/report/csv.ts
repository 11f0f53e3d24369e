/** CSV writing without the rest of the table module (whose terminal colours load chalk): workers need only this. */
import { createRequire } from 'node:module';

export interface CsvOptions {
  delimiter?: string;
  /** A UTF-8 byte-order mark, so Excel reads accents right. */
  bom?: boolean;
}

/** csv-stringify, loaded when CSV is asked for. */
export function csvStringify(records: string[][], delimiter: string): string {
  const { stringify } = createRequire(import.meta.url)('csv-stringify/sync') as typeof import('csv-stringify/sync');
  return stringify(records, { delimiter, record_delimiter: '\n' });
}
