/** CSV writing without the rest of the table module (whose terminal colours load chalk): workers need only this. */
import { createRequire } from 'node:module';
/** csv-stringify, loaded when CSV is asked for. */
export function csvStringify(records, delimiter) {
    const { stringify } = createRequire(import.meta.url)('csv-stringify/sync');
    return stringify(records, { delimiter, record_delimiter: '\n' });
}
