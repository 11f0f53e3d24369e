/**
 * "Looks like coding but is not": what the span parser (spans.ts) met and did not take as a span, as notes
 * for lint (src/core/checks/markup.ts words them). Rules, each at the character to fix:
 * - `span-not-opened`     `tekst]{.x}`: a `]{` with no `[` before it;
 * - `attributes-not-closed` `[tekst]{.x`: a `]{` with no `}` on its line;
 * - `span-without-class`  `[tekst]{x}`, `[tekst]{#x}`: attributes after `]` without a `.class`;
 * - `stray-attributes`    `[tekst{.x}`, `[tekst] {.x}`, `{.x}`: a `{.` or `{#` that no `]` comes right before;
 * - `parenthesised-attributes` `[tekst](.x)`;
 * - `stray-brace`         `[tekst].x}`: a `}` closing `.x` or `#x` that no `{` opened;
 * - `unclosed-bracket`, `unopened-bracket`: a `[` or `]` without its partner, in a turn that holds a span
 *   (`\[` and `\]` are literal brackets).
 */
import type { ParseNote } from '../model.js';
import { codePointLength } from '../text/positions.js';

/** Index of the next `ch` at or after `from`; calls must come with non-decreasing `from` (linear in all). */
export function nextOf(raw: string, ch: string): (from: number) => number {
  let at = -2;
  return (from) => {
    if (at !== -1 && at < from) at = raw.indexOf(ch, from);
    return at;
  };
}

/** At most this many events of a chunk are kept (and so notes made); the rest are counted. */
export const MAX_EVENTS = 1000;

export type ScanEvent =
  | { kind: 'plain' | 'unopened'; at: number; open: number }
  | { kind: 'attributes'; at: number; open: number; closed: boolean; end: number; classes: number }
  | { kind: 'brace-open' | 'brace-close'; at: number; open: number };

/** State of the first pass of spans.ts, kept for the notes. */
export interface Scan {
  close: (from: number) => number;
  open: (from: number) => number;
  newline: (from: number) => number;
  /** Indices of `[` not (yet) closed. */
  stack: number[];
  events: ScanEvent[];
  /** Events not kept (beyond MAX_EVENTS). */
  omitted: number;
}

/** Line and column (code points, 1-based) of each index, handed to `each`; `indices` ascending. One pass. */
export function locate(raw: string, firstLine: number, indices: readonly number[], each: (k: number, line: number, column: number) => void): void {
  const newline = nextOf(raw, '\n');
  let line = firstLine;
  let pos = 0;
  let column = 1;
  indices.forEach((t, k) => {
    for (let n = newline(pos); n !== -1 && n < t; n = newline(pos)) {
      line++;
      pos = n + 1;
      column = 1;
    }
    column += codePointLength(raw.slice(pos, t));
    pos = t;
    each(k, line, column);
  });
}

const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x202f || c === 0x200b || c === 0x2060 || c === 0xfeff;
const isWordCode = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x5f || c > 0x7f;

/** The text of a fragment from `at` to the end of its attribute-like run (at most 40 characters), for messages. */
function fragment(raw: string, at: number, stop = /[\s\]}]/, closer = '}'): string {
  let end = at + 1;
  while (end < raw.length && end - at < 40 && !stop.test(raw[end]!)) end++;
  return raw.slice(at, raw[end] === closer ? end + 1 : end);
}

/** Is the `]` at `at` followed by `(.code`? */
export function parenthesised(raw: string, at: number): boolean {
  const after = raw.charCodeAt(at + 3);
  return raw.charCodeAt(at + 1) === 0x28 && raw.charCodeAt(at + 2) === 0x2e && isWordCode(after) && after !== 0x2d;
}

/** Does the `}` at `at` end `.code` or `#id` (the run of non-blank characters before it starts so)? */
export function endsAttribute(raw: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && at - k <= 64) {
    const c = raw.charCodeAt(k);
    // (after a `{`, the block was named at its `{`)
    if (c === 0x2e || c === 0x23) return at - k >= 2 && (k === 0 || (!isWordCode(raw.charCodeAt(k - 1)) && raw.charCodeAt(k - 1) !== 0x7b));
    if (isBlank(c) || c === 0x0a || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) return false;
    k--;
  }
  return false;
}

interface Found {
  at: number;
  rule: string;
  args: Record<string, string | number>;
}

function eventNotes(raw: string, ev: ScanEvent, unclosed: ReadonlySet<number>, explained: Set<number>, out: Found[]): void {
  const next = raw.charCodeAt(ev.at + 1);
  if (ev.kind === 'unopened') return;
  if (ev.kind === 'plain') {
    out.push({ at: ev.at + 1, rule: 'parenthesised-attributes', args: { text: fragment(raw, ev.at + 1, /[\s)\]]/, ')') } });
  } else if (ev.kind === 'attributes') {
    const text = raw.slice(ev.at + 1, ev.closed ? ev.end : ev.at + 2);
    if (ev.open === -1) out.push({ at: ev.at, rule: 'span-not-opened', args: { text: ev.closed ? text : fragment(raw, ev.at + 1) } });
    else if (!ev.closed) out.push({ at: ev.at + 1, rule: 'attributes-not-closed', args: { text: fragment(raw, ev.at + 1, /[\s\][{}]/) } });
    else if (ev.classes <= 0) out.push({ at: ev.at + 1, rule: 'span-without-class', args: { text, suggestion: suggestClass(text) } });
  } else if (ev.kind === 'brace-open') {
    if (next !== 0x2e && next !== 0x23) return;
    let k = ev.at - 1;
    while (k >= 0 && isBlank(raw.charCodeAt(k))) k--;
    let why = 'no-span';
    if (k < ev.at - 1 && raw.charCodeAt(k) === 0x5d) why = 'space';
    else if (ev.open !== -1 && unclosed.has(ev.open) && !explained.has(ev.open)) {
      why = 'no-close';
      explained.add(ev.open);
    }
    out.push({ at: ev.at, rule: 'stray-attributes', args: { text: fragment(raw, ev.at), why } });
  } else {
    out.push({ at: ev.at, rule: 'stray-brace', args: { text: raw.slice(Math.max(0, ev.at - 40), ev.at + 1).replace(/^[^]*[\s\]]/, '') } });
  }
}

/** `{wachtlijst}` → `{.wachtlijst}`, `{#x}` → `{.x}`: the block as it was probably meant. */
function suggestClass(block: string): string {
  const tokens = block.slice(1, -1).trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return '{.code}';
  return `{${tokens.map((t) => `.${t.replace(/^[#.]+/, '')}`).join(' ')}}`;
}

/** The notes of one chunk (turn, or body without turns); `holdsSpan`: it has a span with a class. */
export function markupNotes(raw: string, firstLine: number, scan: Scan, holdsSpan: boolean): ParseNote[] {
  const unclosed = new Set(scan.stack);
  const explained = new Set<number>();
  const found: Found[] = [];
  for (const ev of scan.events) eventNotes(raw, ev, unclosed, explained, found);
  if (holdsSpan) {
    for (const i of scan.stack) {
      if (found.length >= MAX_EVENTS) scan.omitted++;
      else if (!explained.has(i)) found.push({ at: i, rule: 'unclosed-bracket', args: {} });
    }
    for (const ev of scan.events) if (ev.kind === 'unopened') found.push({ at: ev.at, rule: 'unopened-bracket', args: {} });
  }
  if (scan.omitted > 0 && found.length > 0) found.push({ at: found[found.length - 1]!.at, rule: 'markup-problems-omitted', args: { count: scan.omitted } });
  if (found.length === 0) return [];
  found.sort((a, b) => a.at - b.at);
  const notes: ParseNote[] = [];
  locate(raw, firstLine, found.map((f) => f.at), (k, line, column) => notes.push({ rule: found[k]!.rule, line, column, args: found[k]!.args }));
  return notes;
}
