/** Text decoding and position helpers shared by the parsers. */
import { InputError } from '../errors.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decode UTF-8 bytes: a leading BOM is dropped and CRLF (or a lone CR) becomes LF.
 * Invalid UTF-8 is an InputError naming the byte offset, line and column of the first bad byte.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Byte(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const { line, column } = lineColumn(before, before.length);
    throw new InputError(`not valid UTF-8: byte offset ${offset} (0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')})`, {
      file,
      line,
      column,
      hint: 'expected UTF-8 text; re-save the file as UTF-8 (e.g. `iconv -f windows-1252 -t utf-8`)',
    });
  }
  return normalizeNewlines(text);
}

/** Drop a leading BOM; CRLF and lone CR become LF. */
export function normalizeNewlines(text: string): string {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8Byte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let need: number;
    let min: number;
    if (c < 0x80) { i++; continue; }
    else if (c >= 0xc2 && c <= 0xdf) { need = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const n = b[i + k];
      if (n === undefined || (n & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (n & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return b.length;
}

/** 1-based line and column (in code points) of UTF-16 index `index` in `text`. */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: codePointLength(text.slice(lineStart, index)) + 1 };
}

export function codePointLength(s: string): number {
  if (!LOW_SURROGATE.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/**
 * A copy of `s` that keeps no larger string alive: V8 keeps a substring (of 13 or more units) as a view
 * of its parent, so a short value cut from a file would hold the whole file in memory. Appending a
 * character makes a pair that slicing must first flatten into a new string of its own (7× cheaper
 * than a JSON round trip; test/core/text.test.ts checks that the parent is let go).
 */
export function detach(s: string): string {
  return s.length < 13 ? s : `${s} `.slice(0, -1);
}

const LOW_SURROGATE = /[\uDC00-\uDFFF]/;

/** Strip accents and lowercase: the comparison form of identifiers and quantifier words. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A function from code-point offset to 1-based line of `text`. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  if (!/[\uD800-\uDBFF]/.test(text)) {
    // UTF-16 indices are code points: jump from line break to line break.
    for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) starts.push(k + 1);
  } else {
    let cp = 0;
    for (const ch of text) {
      cp++;
      if (ch === '\n') starts.push(cp);
    }
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
