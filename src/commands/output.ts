/** How a command prints its result: JSON, or tables in the format asked for, coloured only on a terminal. */
import type { Format } from '../report/formats.js';
import { json, renderTable, type Table } from '../report/table.js';
import type { Context } from './context.js';
import { parseFormat } from './options.js';

/** The options of every command that prints a table (see formatOptions in cli.ts). */
export interface OutputOptions {
  format?: string;
  color?: boolean;
  delimiter?: string;
  bom?: boolean;
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

/** Tables in `format`, a blank line between them. A CSV file holds one table: only the first is printed. */
export function emitTables(ctx: Context, options: OutputOptions, format: TableFormat, tables: Table | readonly Table[]): void {
  const list: readonly Table[] = Array.isArray(tables) ? tables : [tables as Table];
  const shown = format === 'csv' ? list.slice(0, 1) : list;
  const csv = { color: useColor(ctx, options), delimiter: options.delimiter, bom: options.bom };
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
