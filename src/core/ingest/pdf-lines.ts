/**
 * The first step of PDF layout: the text items of one page (as pdf.js gives them) grouped into lines in
 * reading order. Pure; see pdf-layout.ts for what is done with the lines.
 *
 * - Coordinates are PDF points, y upwards (a larger y is higher on the page); `y` is the item's baseline.
 * - An item belongs to a line when its baseline is within 0.6 × the larger font size of the line's baseline,
 *   so a raised footnote digit stays on its line.
 * - Two columns: where a vertical strip at least 12 pt wide in the middle half of the text no item crosses
 *   (items in the top and bottom tenth of the page, and items wider than 60% of the text above the columns, aside), and both sides hold at least a fifth of the items, the left column is read before
 *   the right one; items that cross the gutter (a title over both columns) come first if above the
 *   columns, else last. One gutter per page; three columns or a gutter that changes down the page are read
 *   row by row (a limit, docs/pdf.md).
 * - A footnote marker is a digit run (1–3 digits) in a font under 0.8 × the line's size, raised by more
 *   than 0.15 × the size, following a non-space character with no gap: it becomes `[^N]`.
 */

/** One text item: its text, baseline start (x, y), width and font size in points. */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
}

/** A line of text: its baseline, left and right edge, and dominant font size (that of most characters). */
export interface Line {
  text: string;
  y: number;
  x: number;
  right: number;
  size: number;
}

/** Characters of each font size, for the dominant one. */
function dominantSize(items: PdfItem[]): number {
  const chars = new Map<number, number>();
  for (const it of items) chars.set(it.size, (chars.get(it.size) ?? 0) + it.str.trim().length);
  let best = items[0]!.size;
  for (const [size, n] of chars) if (n > (chars.get(best) ?? 0)) best = size;
  return best;
}

/** Items of one line (sorted by x) as text, with footnote markers as `[^N]`. */
function lineText(items: PdfItem[], size: number, baseline: number): string {
  let out = '';
  let end = -Infinity;
  for (const it of items) {
    const gap = it.x - end;
    const marker = /^\d{1,3}$/.test(it.str.trim()) && it.size < 0.8 * size && it.y - baseline > 0.15 * size;
    if (marker && out !== '' && !/\s$/.test(out) && gap < 0.3 * size) {
      out += `[^${it.str.trim()}]`;
    } else {
      if (out !== '' && !/\s$/.test(out) && !/^\s/.test(it.str) && gap > 0.15 * Math.min(size, it.size)) out += ' ';
      out += it.str;
    }
    end = it.x + it.width;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Items grouped into lines, top to bottom, each line's items left to right. */
function groupLines(items: PdfItem[]): Line[] {
  const sorted = items.filter((it) => it.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: { items: PdfItem[]; baseline: number; max: number }[] = [];
  for (const it of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(it.y - g.baseline) <= 0.6 * Math.max(it.size, g.max)) {
      g.items.push(it);
      // the baseline is that of the largest item, not of a raised footnote digit
      if (it.size > g.max) [g.max, g.baseline] = [it.size, it.y];
    } else {
      groups.push({ items: [it], baseline: it.y, max: it.size });
    }
  }
  return groups.map((g) => {
    const row = g.items.sort((a, b) => a.x - b.x);
    const size = dominantSize(row);
    const last = row[row.length - 1]!;
    return { text: lineText(row, size, g.baseline), y: g.baseline, x: row[0]!.x, right: last.x + last.width, size };
  });
}

/** The gutter between two columns, as [left edge, right edge], or null. */
function findGutter(items: PdfItem[], height: number): [number, number] | null {
  // running heads and page numbers (top and bottom tenth) may stand in the gutter
  const text = items.filter((it) => it.str.trim() !== '' && it.y > 0.1 * height && it.y < 0.9 * height);
  if (text.length < 10) return null;
  const left = Math.min(...text.map((it) => it.x));
  const right = Math.max(...text.map((it) => it.x + it.width));
  const span = right - left;
  if (span < 100) return null;
  // items wider than 60% of the text above all narrower ones (a title over both columns) do not close the gutter
  const narrow = text.filter((it) => it.width < 0.6 * span);
  const top = Math.max(...narrow.map((it) => it.y));
  const covering = text.filter((it) => it.width < 0.6 * span || it.y <= top);
  const covered = new Uint8Array(Math.ceil(span) + 1);
  for (const it of covering) for (let b = Math.max(0, Math.floor(it.x - left)); b <= Math.min(covered.length - 1, Math.ceil(it.x + it.width - left)); b++) covered[b] = 1;
  let best: [number, number] | null = null;
  for (let b = Math.floor(span / 4); b < (3 * span) / 4; b++) {
    if (covered[b]) continue;
    let e = b;
    while (e + 1 < covered.length && !covered[e + 1]) e++;
    if (!best || e - b > best[1] - best[0]) best = [b, e];
    b = e;
  }
  if (!best || best[1] - best[0] < 12) return null;
  const [g0, g1] = [left + best[0], left + best[1]];
  const l = narrow.filter((it) => it.x + it.width <= g0).length;
  const r = narrow.filter((it) => it.x >= g1).length;
  return l >= narrow.length / 5 && r >= narrow.length / 5 ? [g0, g1] : null;
}

/** The page's lines in reading order (one column, or the left column before the right; see above). */
export function pageLines(page: PdfPage): Line[] {
  const gutter = findGutter(page.items, page.height);
  if (!gutter) return groupLines(page.items);
  const [g0, g1] = gutter;
  const leftItems = page.items.filter((it) => it.x + it.width <= g0 + 1);
  const rightItems = page.items.filter((it) => it.x >= g1 - 1 && it.x + it.width > g0 + 1);
  const across = page.items.filter((it) => it.x + it.width > g0 + 1 && it.x < g1 - 1);
  const top = Math.max(-Infinity, ...[...leftItems, ...rightItems].filter((it) => it.str.trim() !== '').map((it) => it.y));
  const above = across.filter((it) => it.y > top);
  const below = across.filter((it) => it.y <= top);
  return [...groupLines(above), ...groupLines(leftItems), ...groupLines(rightItems), ...groupLines(below)];
}
