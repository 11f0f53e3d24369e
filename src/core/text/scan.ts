import { Buffer } from 'node:buffer';

/**
 * The hot path of automatic coding: the tokenizer's rules (see tokenize.ts) applied code unit by code unit,
 * for text without astral characters (where UTF-16 indices are code points). It gives the same words as
 * scanTokens() — a test compares the two on random text — but builds no strings and runs no regular
 * expression per word: character classes come from a table filled as characters are first met.
 */

/** Word boundaries of a text, reused between calls: words 0 … count − 1 span [starts[i], ends[i]). */
export class WordBuffer {
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);
  /**
   * Per word, its first two characters as a key when both are ASCII letters or digits (lowercased;
   * 0 for the second of a one-letter word), with NON_ASCII added when any later character is not
   * ASCII; and −1 when the word needs a full look-up (other characters in front, or a hyphen
   * anywhere: a compound also matches by its parts).
   */
  keys = new Int32Array(1024);
  /** Per word, the FNV-1a hash of its UTF-16 units (see hashOf). */
  hashes = new Int32Array(1024);
  count = 0;
  /**
   * Where a sentence may end, in order: every . ! ? … and line break outside a word (a full stop
   * inside a word, as in 3.5, can never end a sentence). See splitAtMarks().
   */
  marks = new Int32Array(256);
  markCount = 0;
  /** The class of each UTF-16 unit met so far (see classOf; 0: not yet known), filled as units are met. */
  readonly classes = new Uint8Array(0x10000);

  mark(at: number): void {
    if (this.markCount === this.marks.length) this.marks = grown(this.marks);
    this.marks[this.markCount++] = at;
  }

  push(from: number, to: number, key: number, hash: number): void {
    if (this.count === this.starts.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
      this.keys = grown(this.keys);
      this.hashes = grown(this.hashes);
    }
    this.starts[this.count] = from;
    this.ends[this.count] = to;
    this.keys[this.count] = key;
    this.hashes[this.count] = hash;
    this.count++;
  }
}

/** A copy of `a` with twice the room. */
export function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

const LETTER = 1;
const DIGIT = 2;
/** Combining mark, soft hyphen, ZWNJ, ZWJ: continue a word but never start one. */
const INSIDE = 4;
const KNOWN = 128;

function classify(classes: Uint8Array, c: number): number {
  const ch = String.fromCharCode(c);
  let k = KNOWN;
  if (/\p{L}/u.test(ch)) k |= LETTER;
  else if (/\p{N}/u.test(ch)) k |= DIGIT;
  else if (/[\p{M}\u00ad\u200c\u200d]/u.test(ch)) k |= INSIDE;
  classes[c] = k;
  return k;
}

/** The class of UTF-16 unit c (LETTER, DIGIT, INSIDE, with KNOWN), kept in `classes` on first sight. */
const classOf = (classes: Uint8Array, c: number): number => {
  const k = classes[c]!;
  return k === 0 ? classify(classes, c) : k;
};

/** Added to a word's key when it has characters beyond ASCII (normalising may change its length); below it, the key proper. */
export const NON_ASCII = 1 << 14;

/** Key of two ASCII characters (lowercased), or −1; see WordBuffer.keys. */
export function pairKey(a: number, b: number): number {
  const x = asciiKey(a);
  if (x < 0) return -1;
  if (b === 0) return x << 7;
  const y = asciiKey(b);
  return y < 0 ? -1 : (x << 7) | y;
}

/** Key of three ASCII letters or digits (lowercased), 0 … 36³ − 1, or −1. */
export function tripleKey(a: number, b: number, c: number): number {
  const x = base36(a);
  const y = base36(b);
  const z = base36(c);
  return x < 0 || y < 0 || z < 0 ? -1 : (x * 36 + y) * 36 + z;
}

function base36(c: number): number {
  if (c >= 0x61 && c <= 0x7a) return c - 0x61;
  if (c >= 0x41 && c <= 0x5a) return c - 0x41;
  if (c >= 0x30 && c <= 0x39) return c - 0x30 + 26;
  return -1;
}

function asciiKey(c: number): number {
  if (c >= 0x61 && c <= 0x7a) return c; // a-z
  if (c >= 0x41 && c <= 0x5a) return c | 0x20; // A-Z
  if (c >= 0x30 && c <= 0x39) return c; // 0-9
  return -1;
}

// @testOnly: exported for test/core/text/fast-paths.test.ts, test/core/autocode/code.test.ts
/** FNV-1a over the UTF-16 units of text[from, to): the hash scanWords gives each word. */
export function hashOf(text: string, from: number, to: number): number {
  let h = FNV_BASIS;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}
const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

const HYPHEN = 0x2d;
const isHyphen = (j: number) => j === HYPHEN || j === 0x2010 || j === 0x2011;

/**
 * The UTF-16 units of a text in a reused typed array. The hot loops read them from there: indexing a
 * typed array is cheaper than charCodeAt() on a string, and much cheaper on a slice of a larger string,
 * which is what a document's regions are.
 */
export class CodeUnits {
  codes = new Uint16Array(1 << 14);
  private bytes = Buffer.from(this.codes.buffer);

  /** Load `text`; its units are then codes[0 … text.length − 1]. */
  load(text: string): Uint16Array {
    if (text.length > this.codes.length) {
      this.codes = new Uint16Array(Math.max(text.length, this.codes.length * 2));
      this.bytes = Buffer.from(this.codes.buffer);
    }
    if (LITTLE_ENDIAN) this.bytes.write(text, 0, 'utf16le');
    else for (let i = 0; i < text.length; i++) this.codes[i] = text.charCodeAt(i);
    return this.codes;
  }
}
const LITTLE_ENDIAN = new Uint16Array(new Uint8Array([1, 0]).buffer)[0] === 1;

/**
 * Fill `out` with the words of `text` (which must have no astral characters), and with the places
 * where a sentence may end; offsets are UTF-16 indices = code points.
 * @testOnly the coder calls scanUnits on units it already holds; tests call this.
 */
export function scanWords(text: string, out: WordBuffer): void {
  scanUnits(new CodeUnits().load(text), text.length, out);
}

/** scanWords() on the units t[0 … n − 1] of a text (see CodeUnits). */
export function scanUnits(t: Uint16Array, n: number, out: WordBuffer): void {
  out.count = 0;
  out.markCount = 0;
  const classes = out.classes;
  let i = 0;
  while (i < n) {
    const c = t[i]!;
    // Skip to a word start: a letter or digit. (ASCII letters and spaces are the common case.)
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) && (c < 0x80 || (classOf(classes, c) & (LETTER | DIGIT)) === 0)) {
      if (c === 0x2e || c === 0x0a || c === 0x21 || c === 0x3f || c === 0x2026) out.mark(i);
      i++;
      continue;
    }
    const from = i;
    let hyphen = false;
    let ascii = c < 0x80;
    let base = c; // the last character of the word that is not a mark or invisible joiner
    let h = Math.imul(FNV_BASIS ^ c, FNV_PRIME);
    i++;
    for (;;) {
      // The rest of the run: letters, digits, marks, invisible joiners.
      while (i < n) {
        const d = t[i]!;
        if ((d >= 0x61 && d <= 0x7a) || (d >= 0x41 && d <= 0x5a) || (d >= 0x30 && d <= 0x39)) base = d;
        else if (d < 0x80) break;
        else {
          ascii = false;
          const k = classOf(classes, d);
          if ((k & (LETTER | DIGIT)) !== 0) base = d;
          else if ((k & INSIDE) === 0) break;
        }
        h = Math.imul(h ^ d, FNV_PRIME);
        i++;
      }
      // A joiner between two runs: - ‐ ‑ & ' ’ . ,
      if (i + 1 >= n) break;
      const j = t[i]!;
      if (!(isHyphen(j) || j === 0x26 || j === 0x27 || j === 0x2019 || j === 0x2e || j === 0x2c)) break;
      const next = t[i + 1]!;
      const nk = classOf(classes, next);
      if ((nk & (LETTER | DIGIT)) === 0) break;
      const bk = classOf(classes, base);
      let join: boolean;
      if (j === 0x26) join = (bk & LETTER) !== 0 && (nk & LETTER) !== 0;
      else if (j === 0x27 || j === 0x2019) join = (nk & LETTER) !== 0;
      else if (j === 0x2e || j === 0x2c) join = (bk & DIGIT) !== 0 && (nk & DIGIT) !== 0;
      else join = (bk & LETTER) !== 0 || (nk & LETTER) !== 0;
      if (!join) break;
      if (isHyphen(j)) hyphen = true;
      if (j >= 0x80 || next >= 0x80) ascii = false;
      base = next;
      h = Math.imul(Math.imul(h ^ j, FNV_PRIME) ^ next, FNV_PRIME);
      i += 2;
    }
    const key = hyphen ? -1 : pairKey(c, i - from > 1 ? t[from + 1]! : 0);
    out.push(from, i, key < 0 || ascii ? key : key + NON_ASCII, h);
  }
}
