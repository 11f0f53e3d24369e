/** One table model, four renderings: terminal, Markdown, CSV (and JSON is the command's own data). */
import { Chalk } from 'chalk';
import { csvCell, csvStringify, type CsvOptions } from './csv.js';
import { fitTable } from './fit.js';
import type { Format } from './formats.js';

export type { Cell, Column, Section, Table } from './table-model.js';
import type { Cell, Column, Table } from './table-model.js';

const show = (v: Cell) => (v === null ? '' : String(v));
const width = (s: string) => Array.from(s).length;
const pad = (s: string, w: number, right: boolean) => (right ? ' '.repeat(w - width(s)) + s : s + ' '.repeat(w - width(s)));

/** The table for a terminal; with `limit`, no line longer than that (see fit.ts). */
function renderTerminal(t: Table, color: boolean, limit?: number): string {
  if (limit === undefined || limit <= 0) return renderBlock(t, color);
  return fitTable(t, Math.max(limit, MIN_WIDTH))
    .map(({ table, widths }) => renderBlock(table, color, widths))
    .join('\n');
}

/** Narrower than this, a table cannot show a label and a number side by side. */
const MIN_WIDTH = 30;

function renderBlock(t: Table, color: boolean, fixed?: readonly number[]): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const all = t.sections.flatMap((s) => s.rows);
  const widths = fixed ?? t.columns.map((col) => Math.max(width(col.header), ...all.map((r) => width(show(r[col.key] ?? null)))));
  const line = (cells: string[]) => cells.join('  ').trimEnd();
  const out: string[] = [];
  if (t.title) out.push(c.bold(t.title), '');
  out.push(c.bold(line(t.columns.map((col, i) => pad(col.header, widths[i]!, col.align === 'right')))));
  out.push(c.dim(line(widths.map((w) => '─'.repeat(w)))));
  for (const s of t.sections) {
    if (s.title) out.push(c.cyan(s.title));
    for (const r of s.rows) {
      out.push(
        line(
          t.columns.map((col, i) => {
            const v = show(r[col.key] ?? null);
            const padded = pad(v, widths[i]!, col.align === 'right');
            return col.align === 'right' && (v === '0' || v === '0%' || v === '0/0') ? c.dim(padded) : padded;
          }),
        ),
      );
    }
  }
  for (const n of t.notes ?? []) out.push(c.dim(n));
  return out.join('\n') + '\n';
}

const escapeMd = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdownTable(columns: Column[], rows: Record<string, Cell>[]): string {
  const head = `| ${columns.map((c) => escapeMd(c.header)).join(' | ')} |`;
  const rule = `|${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join('|')}|`;
  const body = rows.map((r) => `| ${columns.map((c) => escapeMd(show(r[c.key] ?? null))).join(' | ')} |`);
  return [head, rule, ...body].join('\n') + '\n';
}

export function renderMarkdown(t: Table, headingLevel = 2): string {
  const out: string[] = [];
  if (t.title) out.push(`${'#'.repeat(headingLevel)} ${t.title}`, '');
  for (const s of t.sections) {
    if (s.title) out.push(`${'#'.repeat(headingLevel + 1)} ${s.title}`, '');
    out.push(renderMarkdownTable(t.columns, s.rows));
  }
  for (const n of t.notes ?? []) out.push(n, '');
  return out.join('\n').replace(/\n+$/, '\n');
}

export function renderCsv(t: Table, options: CsvOptions = {}): string {
  const grouped = t.sections.some((s) => s.title);
  const columns = t.columns.map((c) => c.key);
  const cell = csvCell(options.delimiter ?? ',');
  const rows = t.sections.flatMap((s) => s.rows.map((r) => [...(grouped ? [s.title] : []), ...columns.map((k) => cell(r[k] ?? null))]));
  const csv = csvStringify([[...(grouped ? ['group'] : []), ...t.columns.map((c) => c.csv ?? c.key)], ...rows], options.delimiter ?? ',');
  return (options.bom ? '\ufeff' : '') + csv;
}

/** `width`: the terminal's width in characters, for the table format (none: as wide as the table needs). */
export function renderTable(t: Table, format: Exclude<Format, 'json'>, options: { color: boolean; width?: number } & CsvOptions): string {
  if (format === 'md') return renderMarkdown(t);
  if (format === 'csv') return renderCsv(t, options);
  return renderTerminal(t, options.color, options.width);
}

export const json = (data: unknown) => JSON.stringify(data, null, 2) + '\n';
