/**
 * Tables that fit the terminal (issue #17.2): no printed line longer than the width. Text columns give
 * way first (cut with …, the widest first, down to a floor); numbers are never cut. A table still too
 * wide is split into blocks of columns that each repeat the first column (the row labels). Notes and
 * titles are wrapped or cut to the width. Pure: the width comes from the caller.
 */
import type { Cell, Column, Table } from './table-model.js';

/** Characters, as the terminal counts them here (code points; wide East Asian glyphs are not measured). */
const textWidth = (s: string) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

const show = (v: Cell) => (v === null ? '' : String(v));

// @testOnly: exported for test/report/fit.test.ts
/** `s` cut to `w` characters, its last one an ellipsis when anything was cut. */
export function cut(s: string, w: number): string {
  if (textWidth(s) <= w) return s;
  if (w <= 1) return '…'.slice(0, w);
  return Array.from(s).slice(0, w - 1).join('') + '…';
}

// @testOnly: exported for test/report/fit.test.ts
/** Lines of at most `w` characters, broken at spaces (a longer word is cut into pieces). */
export function wrap(text: string, w: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let rest = word;
    while (textWidth(rest) > w) {
      if (line) out.push(line);
      line = '';
      const chars = Array.from(rest);
      out.push(chars.slice(0, w).join(''));
      rest = chars.slice(w).join('');
    }
    if (!line) line = rest;
    else if (textWidth(line) + 1 + textWidth(rest) <= w) line += ` ${rest}`;
    else {
      out.push(line);
      line = rest;
    }
  }
  out.push(line);
  return out;
}

/** Below this a text column is not cut further; the table is split into blocks instead. */
const TEXT_FLOOR = 12;
const GAP = 2;

const total = (widths: readonly number[]) => widths.reduce((a, b) => a + b, 0) + GAP * Math.max(0, widths.length - 1);

/**
 * Shrink the widest text columns (not those in `keep`), from the top, until the table fits or all reach
 * the floor.
 */
function shrink(columns: readonly Column[], natural: readonly number[], limit: number, keep: ReadonlySet<number> = new Set()): number[] {
  const widths = [...natural];
  const text = (i: number) => columns[i]!.align !== 'right' && !keep.has(i);
  let excess = total(widths) - limit;
  while (excess > 0) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (text(i) && w > TEXT_FLOOR && (widest === -1 || w > widths[widest]!)) widest = i;
    });
    if (widest === -1) break;
    // take the widest down to the next widest text column (or the floor), at most the excess
    const next = Math.max(TEXT_FLOOR, ...widths.map((w, i) => (i !== widest && text(i) ? w : 0)).filter((w) => w < widths[widest]!));
    const step = Math.max(1, Math.min(widths[widest]! - next, excess));
    widths[widest]! -= step;
    excess -= step;
  }
  return widths;
}

/** Blocks of column indices, each starting with the label columns 0…`label`, whose widths fit `limit`. */
function blocks(widths: readonly number[], limit: number, label: number): number[][] {
  const head = widths.slice(0, label + 1).map((_, i) => i);
  const headWidth = total(head.map((i) => widths[i]!));
  const out: number[][] = [];
  let block = [...head];
  let used = headWidth;
  for (let i = label + 1; i < widths.length; i++) {
    if (block.length > head.length && used + GAP + widths[i]! > limit) {
      out.push(block);
      block = [...head];
      used = headWidth;
    }
    block.push(i);
    used += GAP + widths[i]!;
  }
  out.push(block);
  return out;
}

/**
 * `t` as one or more tables whose terminal rendering is at most `limit` characters wide, cells cut to
 * their column's width; `widths` of each result are the widths to pad to.
 */
export function fitTable(t: Table, limit: number): { table: Table; widths: number[] }[] {
  const rows = t.sections.flatMap((s) => s.rows);
  const natural = t.columns.map((col) => Math.max(textWidth(col.header), ...rows.map((r) => textWidth(show(r[col.key] ?? null)))));
  // The row label: the first named text column (a first column of ✓/✗ marks comes along with it). It
  // gives way last, and keeps up to a third of the width when the table must be split.
  const found = t.columns.findIndex((c) => c.align !== 'right' && c.header !== '');
  const label = found === -1 ? 0 : found;
  const keep = new Set(t.columns.map((_, i) => i).filter((i) => i <= label));
  const widths = shrink(t.columns, natural, limit, keep);
  if (total(widths) > limit && t.columns[label]!.align !== 'right') widths[label] = Math.min(widths[label]!, Math.max(TEXT_FLOOR, Math.floor(limit / 3)));
  const parts = total(widths) > limit ? blocks(widths, limit, label) : [t.columns.map((_, i) => i)];
  // once split, each block may give its text columns back some width
  return parts.map((indices, b) => {
    const columns = indices.map((i) => t.columns[i]!);
    const own = indices.map((i) => widths[i]!);
    const more = parts.length > 1 ? shrink(columns, indices.map((i) => natural[i]!), limit, new Set(indices.map((_, j) => j).filter((j) => indices[j]! <= label))) : own;
    const w = more.map((x, j) => Math.max(own[j]!, Math.min(x, natural[indices[j]!]!)));
    const fitted = total(w) <= limit ? w : own;
    const cutCell = (v: Cell, j: number): Cell => (columns[j]!.align === 'right' ? v : cut(show(v), fitted[j]!));
    const notes = b === parts.length - 1 ? [...(t.notes ?? []), ...(parts.length > 1 ? [`split into ${parts.length} blocks to fit ${limit} columns (--width 0 or --format md shows it whole)`] : [])] : [];
    return {
      table: {
        title: b === 0 && t.title ? cut(t.title, limit) : parts.length > 1 ? `(columns ${indices[label + 1]! + 1}–${indices[indices.length - 1]! + 1} of ${t.columns.length})` : undefined,
        columns: columns.map((col, j) => ({ ...col, header: cut(col.header, fitted[j]!) })),
        sections: t.sections.map((s) => ({ title: cut(s.title, limit), rows: s.rows.map((r) => Object.fromEntries(columns.map((col, j) => [col.key, cutCell(r[col.key] ?? null, j)]))) })),
        notes: notes.flatMap((n) => wrap(n, limit)),
      },
      widths: fitted,
    };
  });
}
