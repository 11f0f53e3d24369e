/** How a command prints its result: JSON, or tables in the format asked for, coloured only on a terminal. */
import type { Format } from '../report/formats.js';
import { json, renderTable, type Table } from '../report/table.js';
import type { Context } from './context.js';
import { InputError } from '../core/errors.js';
import { parseFormat } from './options.js';

/** The options of every command that prints a table (see formatOptions in cli.ts). */
export interface OutputOptions {
  format?: string;
  color?: boolean;
  delimiter?: string;
  bom?: boolean;
  /** `--width N`: the width tables fit (0: as wide as they need). */
  width?: string;
}

export type TableFormat = Exclude<Format, 'json'>;

/**
 * Colour: never with --no-color or a non-empty NO_COLOR (no-color.org); always with FORCE_COLOR set to
 * anything but 0 or false; otherwise only on a terminal that is not TERM=dumb.
 */
export function useColor(ctx: Context, options: Pick<OutputOptions, 'color'>): boolean {
  const { NO_COLOR, FORCE_COLOR, TERM } = ctx.env;
  if (options.color === false || (NO_COLOR !== undefined && NO_COLOR !== '')) return false;
  if (FORCE_COLOR !== undefined) return FORCE_COLOR !== '0' && FORCE_COLOR.toLowerCase() !== 'false';
  return ctx.stdout.isTTY === true && TERM !== 'dumb';
}

/**
 * The width a table is fitted to: --width, else COLUMNS, else the terminal's own width, else 80 (piped
 * output too, so that a log or a pager gets lines that fit). 0 means as wide as the table needs.
 */
function terminalWidth(ctx: Context, options: Pick<OutputOptions, 'width'>): number {
  const given = options.width ?? ctx.env.COLUMNS;
  if (given !== undefined && given !== '') {
    const n = Number(given);
    if (!Number.isInteger(n) || n < 0) throw new InputError(`${options.width !== undefined ? '--width' : 'COLUMNS'} ${given}: not a width`, { hint: 'expected a whole number of characters, e.g. 80 (0: no limit)' });
    return n;
  }
  return ctx.stdout.isTTY === true && typeof ctx.stdout.columns === 'number' && ctx.stdout.columns > 0 ? ctx.stdout.columns : 80;
}

/** Tables in `format`, a blank line between them. A CSV file holds one table: only the first is printed. */
export function emitTables(ctx: Context, options: OutputOptions, format: TableFormat, tables: Table | readonly Table[]): void {
  const list: readonly Table[] = Array.isArray(tables) ? tables : [tables as Table];
  const shown = format === 'csv' ? list.slice(0, 1) : list;
  const csv = { color: useColor(ctx, options), delimiter: options.delimiter, bom: options.bom, width: format === 'table' ? terminalWidth(ctx, options) : undefined };
  ctx.stdout.write(shown.map((t) => renderTable(t, format, csv)).join('\n'));
}

export function emitJson(ctx: Context, data: unknown): void {
  ctx.stdout.write(json(data));
}

/** The result as `--format` asks: the data as JSON, or its tables; only the one asked for is built. */
export function emit(ctx: Context, options: OutputOptions, out: { json: () => unknown; tables: (format: TableFormat) => Table | readonly Table[] }): void {
  const format = parseFormat(options.format);
  if (format === 'json') emitJson(ctx, out.json());
  else emitTables(ctx, options, format, out.tables(format));
}
