/** `werkscan alpha FILE.csv`: Krippendorff's alpha of a reliability matrix. */
import path from 'node:path';
import { ALPHA_LEVELS, krippendorffAlpha } from '../core/agreement/stats/krippendorff.js';
import { parseReliabilityMatrix } from '../core/agreement/stats/reliability-csv.js';
import { InputError } from '../core/errors.js';
import { readText } from '../io/read.js';
import { json, renderTable } from '../report/table.js';
import { enumOption, parseFormat, useColor, type Context } from './context.js';

export interface AlphaOptions {
  level?: string;
  format?: string;
  color?: boolean;
  delimiter?: string;
  bom?: boolean;
  /** `--units COLUMN`: the column that labels the units; `--no-units`: none (false). */
  units?: string | boolean;
}

export function alphaCommand(ctx: Context, file: string, options: AlphaOptions): number {
  const format = parseFormat(options.format);
  const level = enumOption('--level', options.level, ALPHA_LEVELS, 'nominal');
  const abs = path.resolve(ctx.cwd, file);
  const shown = path.relative(ctx.cwd, abs) || file;
  let result;
  try {
    const units = options.units === false ? false : typeof options.units === 'string' ? options.units : undefined;
    const m = parseReliabilityMatrix(readText(abs, shown), level, units);
    result = { ...krippendorffAlpha(m.matrix, level), coderNames: m.coders, unitColumn: m.unitColumn };
  } catch (e) {
    throw e instanceof InputError && e.file === undefined ? e.inFile(shown) : e;
  }
  const alpha = result.alpha === null ? null : Number(result.alpha.toFixed(6));
  if (format === 'json') {
    ctx.stdout.write(json({ alpha: result.alpha, level, units: result.units, coders: result.coders, pairable: result.pairable, unitColumn: result.unitColumn }));
    return 0;
  }
  const table = {
    columns: [
      { key: 'alpha', header: "Krippendorff's alpha", align: 'right' as const },
      { key: 'level', header: 'level' },
      { key: 'units', header: 'units', align: 'right' as const },
      { key: 'coders', header: 'coders', align: 'right' as const },
      { key: 'pairable', header: 'pairable values', align: 'right' as const },
    ],
    sections: [{ title: '', rows: [{ alpha: alpha === null ? 'undefined' : alpha.toFixed(6), level, units: result.units, coders: result.coders, pairable: result.pairable }] }],
    notes:
      format === 'csv'
        ? []
        : [
            result.alpha === null
              ? 'alpha is undefined: every pairable value is the same, so there is no disagreement to expect.'
              : `units with fewer than two values are left out; coders: ${result.coderNames.join(', ')}; ${result.unitColumn === null ? 'no unit column (rows are units 1, 2, …)' : `unit labels: column ${result.unitColumn}`}`,
          ],
  };
  ctx.stdout.write(renderTable(table, format, { color: useColor(ctx, options), delimiter: options.delimiter, bom: options.bom }));
  return 0;
}
