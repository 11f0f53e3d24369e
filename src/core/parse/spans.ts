/**
 * Pandoc bracketed spans: `[text]{.code-a .code-b}`, nested, with `\[` and `\]` as literal brackets.
 * A `[` that is not closed by `]{…}` is plain text (`[lacht]`, `[naam]`).
 * Offsets count Unicode code points of the plain text, end exclusive.
 *
 * Markup that looks like coding but is not (`[tekst{.x}`, `[tekst] {.x}`, `]{x}`, `](.x)`, …) is kept as
 * plain text, as Pandoc would, and noted (`notes`) so that lint names it: a coding is never lost silently.
 * One pass over the special characters, each looked at once: linear in the length of the text.
 */
import { InputError } from '../errors.js';
import type { ParseNote } from '../model.js';
import { codePointLength, detach } from '../text/positions.js';
import { endsAttribute, locate, markupNotes, MAX_EVENTS, nextOf, parenthesised, type Scan, type ScanEvent } from './span-notes.js';

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
  /** Markup that looks like coding but is not (see span-notes.ts), in file positions. */
  notes: ParseNote[];
}

const ONE_CLASS = /^\.[^\s.{}]+$/;
const ATTR_TOKEN = /^(?:\.[^\s.{}]+|#[^\s{}]+|[A-Za-z_][\w-]*=(?:"[^"]*"|\S+))$/;

interface Pair {
  open: number;
  close: number;
  /** Index just after the closing `}`. */
  attrEnd: number;
  codes: string[];
  /** Plain offsets of its ends (second pass). */
  start: number;
  end: number;
}

/**
 * The attribute block that starts at `i` (a `{`): it ends at the first `}`, with no `{` or line break
 * before it. `closed` is false when there is no such `}`; `codes` is null when its tokens are not
 * attributes (`{ hier }`, `{wachtlijst}`), and empty when they hold no class (`{#id}`).
 */
function attributeBlock(raw: string, i: number, scan: Scan, file: string, firstLine: number): { closed: boolean; end: number; codes: string[] | null } {
  const close = scan.close(i + 1);
  const newline = scan.newline(i + 1);
  const brace = scan.open(i + 1);
  if (close === -1 || (newline !== -1 && newline < close) || (brace !== -1 && brace < close)) return { closed: false, end: i + 1, codes: null };
  const inner = raw.slice(i + 1, close);
  if (ONE_CLASS.test(inner)) return { closed: true, end: close + 1, codes: [codeId(inner.slice(1))] }; // the usual {.code}
  const tokens = inner.trim().split(/\s+/).filter(Boolean);
  const valid = tokens.length > 0 && tokens.every((t) => ATTR_TOKEN.test(t));
  if (!valid) {
    if (tokens.some((t) => t.startsWith('.'))) {
      let line = 0;
      let column = 0;
      locate(raw, firstLine, [i], (_, l, c) => ((line = l), (column = c)));
      throw new InputError(`malformed span attributes {${raw.slice(i + 1, close)}}`, {
        file,
        line,
        column,
        hint: 'expected code ids as classes, e.g. {.capaciteit .avg-privacy}',
      });
    }
    return { closed: true, end: close + 1, codes: null };
  }
  return { closed: true, end: close + 1, codes: tokens.filter((t) => t.startsWith('.')).map((t) => codeId(t.slice(1))) };
}

/**
 * @memo One string per distinct code id (an intern table: callers see equal strings either way). An id is cut from the document's text, and a cut of 13 or more
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

/** First pass: escapes, brackets paired with their attributes, and what the notes need. */
function pairBrackets(raw: string, firstLine: number, file: string): { escapes: number[]; pairs: Pair[]; scan: Scan } {
  const scan: Scan = { close: nextOf(raw, '}'), open: nextOf(raw, '{'), newline: nextOf(raw, '\n'), stack: [], events: [], omitted: 0 };
  // Only what may become a note is kept, and at most MAX_EVENTS of it (a turn with thousands of mistakes is not read by eye).
  const keep = (ev: ScanEvent) => (scan.events.length < MAX_EVENTS ? scan.events.push(ev) : scan.omitted++);
  const escapes: number[] = [];
  const pairs: Pair[] = [];
  // Character by character: a regular expression's match objects cost more than the loop.
  for (let i = 0, n = raw.length; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c !== 0x5c && c !== 0x5b && c !== 0x5d && c !== 0x7b && c !== 0x7d) continue;
    if (c === 0x5c) {
      const next = raw.charCodeAt(i + 1);
      if (next === 0x5b || next === 0x5d) {
        escapes.push(i);
        i++;
      }
    } else if (c === 0x5b) {
      scan.stack.push(i);
    } else if (c === 0x5d) {
      const open = scan.stack.length > 0 ? scan.stack.pop()! : -1;
      if (raw.charCodeAt(i + 1) !== 0x7b) {
        if (open === -1) keep({ kind: 'unopened', at: i, open });
        else if (parenthesised(raw, i)) keep({ kind: 'plain', at: i, open });
        continue;
      }
      const block = attributeBlock(raw, i + 1, scan, file, firstLine);
      if (open !== -1 && block.codes !== null) pairs.push({ open, close: i, attrEnd: block.end, codes: block.codes, start: 0, end: 0 });
      if (open === -1 || block.codes === null || block.codes.length === 0) {
        keep({ kind: 'attributes', at: i, open, closed: block.closed, end: block.end, classes: block.codes === null ? -1 : block.codes.length });
      }
      // on past a block of attributes; otherwise after its `{` (no `{` stands before its `}`: each character is read once)
      i = (block.codes !== null ? block.end : i + 2) - 1;
    } else if (c === 0x7d ? endsAttribute(raw, i) : raw.charCodeAt(i + 1) === 0x2e || raw.charCodeAt(i + 1) === 0x23) {
      keep({ kind: c === 0x7b ? 'brace-open' : 'brace-close', at: i, open: scan.stack.length > 0 ? scan.stack[scan.stack.length - 1]! : -1 });
    }
  }
  return { escapes, pairs, scan };
}

/**
 * Remove span markup from `raw` (one turn, or a whole document without turns).
 * `firstLine` is the file line on which `raw` starts; `raw` starts at the beginning of that line.
 */
export function parseMarkup(raw: string, firstLine: number, file: string): MarkupResult {
  if (!raw.includes('[') && !raw.includes('\\') && !raw.includes(']') && !raw.includes('{') && !raw.includes('}')) {
    return { plain: raw, length: codePointLength(raw), spans: [], notes: [] };
  }
  const { escapes, pairs, scan } = pairBrackets(raw, firstLine, file);

  // Second pass: emit everything but the markup, noting the plain offsets of each span's ends. The
  // markup stands at escapes, `[` of pairs (in order of `open`) and `]{…}` of pairs (in order of `close`).
  const byClose = pairs.slice();
  pairs.sort((a, b) => a.open - b.open);
  const pieces: string[] = [];
  let cps = 0;
  let from = 0;
  const cut = (i: number, next: number) => {
    const piece = raw.slice(from, i);
    pieces.push(piece);
    cps += codePointLength(piece);
    from = next;
  };
  for (let e = 0, o = 0, c = 0; e < escapes.length || o < pairs.length || c < byClose.length; ) {
    const esc = e < escapes.length ? escapes[e]! : Infinity;
    const open = o < pairs.length ? pairs[o]!.open : Infinity;
    const close = c < byClose.length ? byClose[c]!.close : Infinity;
    if (esc < open && esc < close) cut(escapes[e++]!, esc + 1);
    else if (open < close) {
      cut(open, open + 1);
      pairs[o++]!.start = cps;
    } else {
      const p = byClose[c++]!;
      cut(close, p.attrEnd);
      p.end = cps;
    }
  }
  cut(raw.length, raw.length);

  const spans: MarkupSpan[] = new Array(pairs.length);
  locate(raw, firstLine, pairs.map((p) => p.open), (k, line, column) => {
    const p = pairs[k]!;
    spans[k] = { codes: p.codes, start: p.start, end: p.end, line, column };
  });
  const notes = markupNotes(raw, firstLine, scan, pairs.some((p) => p.codes.length > 0));
  return { plain: pieces.join(''), length: cps, spans, notes };
}
