/**
 * PDF layout: the text items of every page (pdf-lines.ts groups them into lines) into blocks. Pure.
 * The rules, documented for users in docs/pdf.md:
 * - every page starts with a `page` block;
 * - running headers and footers: a line in the top or bottom 12% of the page whose text, digits replaced by
 *   `#`, stands there on at least 2 pages and on at least 3 pages or half of them, is removed; so is every
 *   page number there ("3", "- 3 -", "Pagina 3 van 12", "p. 3", "iv"); a line that starts with the number
 *   of a footnote marker on its page is a note and stays;
 * - the body size is the font size of most characters; a line at least 1.15 × that size is a heading, its
 *   level the rank of its size among the heading sizes (largest = 1, at most 6);
 * - footnotes: a raised small digit after a word is `[^N]` (pdf-lines.ts); a line in the bottom third in a
 *   font under 0.9 × the body size that starts with a number ("1Meldingen", "1 Meldingen") starts the note
 *   `[^1]: Meldingen`; the notes of a page come after its body, before the next page;
 * - lines are joined into a paragraph unless the gap between them is more than 1.3 × the usual line pitch (linePitch),
 *   the font size changes, the line is indented by more than its font size, or the line before ended a
 *   sentence well short of the right edge; see joinLine for hyphens.
 */
import { InputError } from '../errors.js';
import type { Block } from './blocks.js';
import { pageLines, type Line, type PdfPage } from './pdf-lines.js';

const PAGE_NUMBER = /^(?:(?:pagina|page|blz\.?|p\.)\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—]?(?:\s*(?:van|of|\/)\s*\d{1,4})?$/i;
const FOOTNOTE_START = /^(\d{1,3})\s*(\S.*)$/;

/** The key under which a running header repeats: lower case, digits as `#`, spaces collapsed. */
const repeatKey = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

const inBand = (line: Line, height: number) => line.y > 0.88 * height || line.y < 0.12 * height;

/** Lines of every page without running headers, footers and page numbers. */
function dropRunning(pages: { page: PdfPage; lines: Line[] }[]): Line[][] {
  const onPages = new Map<string, number>();
  for (const { page, lines } of pages) {
    for (const key of new Set(lines.filter((l) => inBand(l, page.height)).map((l) => repeatKey(l.text)))) onPages.set(key, (onPages.get(key) ?? 0) + 1);
  }
  const running = (n: number) => n >= 2 && (n >= 3 || n >= pages.length / 2);
  return pages.map(({ page, lines }) => {
    // the note of a marker on this page is never a running footer, however alike the notes ("Ibid.")
    const markers = new Set(lines.flatMap((l) => [...l.text.matchAll(/\[\^(\d+)\]/g)].map((m) => m[1])));
    const note = (l: Line) => markers.has(FOOTNOTE_START.exec(l.text)?.[1]);
    return lines.filter((l) => !(inBand(l, page.height) && !note(l) && (PAGE_NUMBER.test(l.text) || running(onPages.get(repeatKey(l.text)) ?? 0))));
  });
}

/** The font size of most characters. */
function bodySize(lines: Line[]): number {
  const chars = new Map<number, number>();
  for (const l of lines) chars.set(l.size, (chars.get(l.size) ?? 0) + l.text.length);
  let best = 0;
  let most = -1;
  for (const [size, n] of chars) if (n > most) [best, most] = [size, n];
  return best;
}

/**
 * The usual distance between two lines of one paragraph: the lower quartile of the gaps between successive
 * body lines (the gaps between paragraphs are larger), kept between 1 and 2 × the body size.
 */
function linePitch(pages: Line[][], body: number): number {
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const gap = lines[i - 1]!.y - lines[i]!.y;
      if (lines[i]!.size === body && lines[i - 1]!.size === body && gap > 0) gaps.push(gap);
    }
  }
  gaps.sort((a, b) => a - b);
  const quartile = gaps.length ? gaps[Math.floor(gaps.length / 4)]! : 1.2 * body;
  return Math.min(2 * body, Math.max(body, quartile));
}

/**
 * Two lines of one paragraph as one text. A line that ends in a hyphen after lower-case letters, before a
 * line that starts with a lower-case letter, was split by the word processor ("samen-" + "werking" →
 * "samenwerking"). The hyphen stays, with no space, when the part before is not all lower case (an
 * abbreviation or name: "W&I-" + "afdeling" → "W&I-afdeling") or the next part starts with a capital or a
 * digit ("Noord-" + "Holland"); it stays with a space before "en", "of" and "tot" ("zorg- en
 * veiligheidshuis"). A real hyphen in a lower-case compound at a line end ("oud-" + "wethouder") cannot be
 * told apart from a soft one and is lost (a limit, docs/pdf.md).
 */
function joinLine(before: string, next: string): string {
  const hyphen = /(\S*)-$/.exec(before);
  if (!hyphen) return `${before} ${next}`;
  if (/^(?:en|of|tot)\b/.test(next)) return `${before} ${next}`;
  if (/^\p{Ll}+$/u.test(hyphen[1]!.replace(/^.*[-/]/, '')) && hyphen[1] !== '' && /^\p{Ll}/u.test(next)) return before.slice(0, -1) + next;
  return before + next;
}

interface Paragraph {
  kind: 'heading' | 'paragraph' | 'note';
  text: string;
  size: number;
}

/** Whether `line` starts a new paragraph after `prev` (same kind and size); a footnote goes on until the next number or a gap. */
function breaksAfter(prev: Line, line: Line, pitch: number, right: number, note: boolean): boolean {
  if (prev.y - line.y > 1.3 * pitch * (line.size / prev.size) || line.y >= prev.y) return true;
  if (note) return false;
  if (line.x > prev.x + line.size) return true;
  return /[.!?:]$/.test(prev.text) && prev.right < right - 4 * line.size;
}

/** The blocks of one page's lines (headers already removed): body paragraphs and headings, then notes. */
function pageBlocks(lines: Line[], height: number, body: number, pitch: number): Paragraph[] {
  const out: Paragraph[] = [];
  const notes: Paragraph[] = [];
  const right = Math.max(0, ...lines.map((l) => l.right));
  let prev: Line | null = null;
  let current = null as Paragraph | null;
  for (const line of lines) {
    const small = line.size < 0.9 * body && line.y < height / 3;
    const note = small ? FOOTNOTE_START.exec(line.text) : null;
    const kind: Paragraph['kind'] = note ? 'note' : line.size >= 1.15 * body ? 'heading' : small && current?.kind === 'note' ? 'note' : 'paragraph';
    const continues = current !== null && prev !== null && !note && current.kind === kind && current.size === line.size && !breaksAfter(prev, line, pitch, right, kind === 'note');
    if (continues) {
      current!.text = joinLine(current!.text, line.text);
    } else {
      current = { kind, text: note ? `[^${note[1]}]: ${note[2]}` : line.text, size: line.size };
      (kind === 'note' ? notes : out).push(current);
    }
    prev = line;
  }
  return [...out, ...notes];
}

/** Heading level per font size: the largest heading size is level 1. */
function headingLevels(paragraphs: Paragraph[]): Map<number, number> {
  const sizes = [...new Set(paragraphs.filter((p) => p.kind === 'heading').map((p) => p.size))].sort((a, b) => b - a);
  return new Map(sizes.map((s, i) => [s, Math.min(6, i + 1)]));
}

/** A page with fewer visible characters than this has no text layer (a scan, an image). */
const EMPTY_PAGE_CHARS = 10;

/**
 * The blocks of a PDF's pages. Throws "needs OCR" (naming `file`) when no page has a text layer; a page
 * without one in a PDF that has text is kept as its page anchor and warned about.
 */
export function layoutPdf(pages: PdfPage[], file: string): { blocks: Block[]; warnings: { message: string; page: number }[] } {
  const visible = (p: PdfPage) => p.items.reduce((n, it) => n + it.str.replace(/\s/g, '').length, 0);
  const empty = pages.map((p) => visible(p) < EMPTY_PAGE_CHARS);
  if (empty.every(Boolean)) {
    throw new InputError(`needs OCR: ${pages.length === 1 ? 'the page has no text layer' : `none of the ${pages.length} pages has a text layer`} (a scan?)`, {
      file,
      hint: 'run OCR first (e.g. `ocrmypdf in.pdf out.pdf`) and ingest the result',
    });
  }
  const lined = dropRunning(pages.map((page) => ({ page, lines: pageLines(page) })));
  const body = bodySize(lined.flat());
  const pitch = linePitch(lined, body);
  const perPage = lined.map((lines, i) => pageBlocks(lines, pages[i]!.height, body, pitch));
  const levels = headingLevels(perPage.flat());
  const blocks: Block[] = [];
  const warnings: { message: string; page: number }[] = [];
  perPage.forEach((paragraphs, i) => {
    blocks.push({ kind: 'page', page: i + 1 });
    if (empty[i]) warnings.push({ message: 'no text on this page (an image or a scan?); only its page anchor is kept', page: i + 1 });
    for (const p of paragraphs) blocks.push(p.kind === 'heading' ? { kind: 'heading', level: levels.get(p.size)!, text: p.text } : { kind: 'paragraph', text: p.text });
  });
  return { blocks, warnings };
}
