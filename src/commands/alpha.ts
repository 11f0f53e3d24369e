/** `werkscan alpha FILE.csv`: Krippendorff's alpha of a reliability matrix. */
import path from 'node:path';
import { ALPHA_LEVELS, krippendorffAlpha } from '../core/agreement/stats/krippendorff.js';
import { parseReliabilityMatrix } from '../core/agreement/stats/reliability-csv.js';
import { InputError } from '../core/errors.js';
import { readText } from '../io/read.js';
import { alphaTable } from '../report/alpha.js';
import type { Context } from './context.js';
import { choice } from './options.js';
import { emit, type OutputOptions } from './output.js';

export interface AlphaOptions extends OutputOptions {
  level?: string;
  /** `--units COLUMN`: the column that labels the units; `--no-units`: none (false). */
  units?: string | boolean;
}

export function alphaCommand(ctx: Context, file: string, options: AlphaOptions): number {
  const level = choice('--level', options.level, ALPHA_LEVELS, 'nominal');
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
  emit(ctx, options, {
    json: () => ({ alpha: result.alpha, level, units: result.units, coders: result.coders, pairable: result.pairable, unitColumn: result.unitColumn }),
    tables: () => alphaTable(result, level),
  });
  return 0;
}
