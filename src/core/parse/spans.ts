/**
 * Pandoc bracketed spans: `[text]{.code-a .code-b}`, nested, with `\[` and `\]` as literal brackets.
 * A `[` that is not closed by `]{…}` is plain text (`[lacht]`, `[naam]`).
 * Offsets count Unicode code points of the plain text, end exclusive.
 */
import { InputError } from '../errors.js';
import { codePointLength, detach } from '../text/positions.js';

export interface MarkupSpan {
  codes: string[];
  /** Code-point offsets in the plain text of the chunk. */
  start: number;
  end: number;
  /** Position of the opening `[` in the file. */
  line: number;
  column: number;
}

export interface MarkupResult {
  plain: string;
  /** Length of `plain` in code points. */
  length: number;
  spans: MarkupSpan[];
}

const ATTR_TOKEN = /^(?:\.[^\s.{}]+|#[^\s{}]+|[A-Za-z_][\w-]*=(?:"[^"]*"|\S+))$/;

interface Pair {
  open: number;
  close: number;
  /** Index just after the closing `}`. */
  attrEnd: number;
  codes: string[];
}

/** Parse the attribute block that starts at `i` (a `{`), or return null when it is not one. */
function attributeBlock(raw: string, i: number, where: () => { line: number; column: number }, file: string): { end: number; codes: string[] } | null {
  if (raw[i] !== '{') return null;
  const close = raw.indexOf('}', i + 1);
  const newline = raw.indexOf('\n', i + 1);
  if (close === -1 || (newline !== -1 && newline < close)) return null;
  const tokens = raw.slice(i + 1, close).trim().split(/\s+/).filter(Boolean);
  const valid = tokens.length > 0 && tokens.every((t) => ATTR_TOKEN.test(t));
  if (!valid) {
    if (tokens.some((t) => t.startsWith('.'))) {
      const { line, column } = where();
      throw new InputError(`malformed span attributes {${raw.slice(i + 1, close)}}`, {
        file,
        line,
        column,
        hint: 'expected code ids as classes, e.g. {.capaciteit .avg-privacy}',
      });
    }
    return null;
  }
  return { end: close + 1, codes: tokens.filter((t) => t.startsWith('.')).map((t) => codeId(t.slice(1))) };
}

/**
 * One string per distinct code id. An id is cut from the document's text, and a cut of 13 or more
 * characters would keep the whole file alive in every segment that names it (see detach()).
 */
const codeIds = new Map<string, string>();
function codeId(cut: string): string {
  let id = codeIds.get(cut);
  if (id === undefined) {
    if (codeIds.size >= 100_000) codeIds.clear(); // ids made up by the thousand (generated tests): start over
    id = detach(cut);
    codeIds.set(id, id);
  }
  return id;
}

/**
 * Remove span markup from `raw` (one turn, or a whole document without turns).
 * `firstLine` is the file line on which `raw` starts; `raw` starts at the beginning of that line.
 */
export function parseMarkup(raw: string, firstLine: number, file: string): MarkupResult {
  if (!raw.includes('[') && !raw.includes('\\')) return { plain: raw, length: codePointLength(raw), spans: [] };
  const escapes = new Set<number>();
  const pairs: Pair[] = [];
  const stack: number[] = [];
  const positionOf = (index: number) => {
    let line = firstLine;
    let lineStart = 0;
    for (let k = raw.indexOf('\n'); k !== -1 && k < index; k = raw.indexOf('\n', k + 1)) {
      line++;
      lineStart = k + 1;
    }
    return { line, column: codePointLength(raw.slice(lineStart, index)) + 1 };
  };

  // First pass, jumping from one \ [ or ] to the next: escapes, and brackets paired with their attributes.
  const special = /[\\[\]]/g;
  for (let m = special.exec(raw); m !== null; m = special.exec(raw)) {
    const i = m.index;
    const c = raw.charCodeAt(i);
    if (c === 0x5c) {
      const next = raw.charCodeAt(i + 1);
      if (next === 0x5b || next === 0x5d) {
        escapes.add(i);
        special.lastIndex = i + 2;
      }
    } else if (c === 0x5b) {
      stack.push(i);
    } else if (stack.length > 0) {
      const open = stack.pop()!;
      const attrs = attributeBlock(raw, i + 1, () => positionOf(i + 1), file);
      if (attrs) {
        pairs.push({ open, close: i, attrEnd: attrs.end, codes: attrs.codes });
        special.lastIndex = attrs.end;
      }
    }
  }

  // Second pass: emit everything but the markup, noting plain offsets of each span's ends.
  const skip = new Map<number, number>(); // raw index → raw index to continue at
  for (const i of escapes) skip.set(i, i + 1);
  const openAt = new Map<number, Pair>();
  const closeAt = new Map<number, Pair>();
  for (const p of pairs) {
    skip.set(p.open, p.open + 1);
    skip.set(p.close, p.attrEnd);
    openAt.set(p.open, p);
    closeAt.set(p.close, p);
  }
  const starts = new Map<Pair, number>();
  const ends = new Map<Pair, number>();
  let out = '';
  let cps = 0;
  let from = 0;
  const indices = [...skip.keys()].sort((a, b) => a - b);
  for (const i of indices) {
    const piece = raw.slice(from, i);
    out += piece;
    cps += codePointLength(piece);
    const o = openAt.get(i);
    if (o) starts.set(o, cps);
    const c = closeAt.get(i);
    if (c) ends.set(c, cps);
    from = skip.get(i)!;
  }
  const rest = raw.slice(from);
  out += rest;
  cps += codePointLength(rest);

  const spans = pairs
    .sort((a, b) => a.open - b.open)
    .map((p) => ({ codes: p.codes, start: starts.get(p)!, end: ends.get(p)!, ...positionOf(p.open) }));
  return { plain: out, length: cps, spans };
}
