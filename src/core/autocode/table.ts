/**
 * A hash table from stretches of text to values, for the coder's hot loop (see autoCode): it looks a word up
 * without cutting it out of the text.
 */
import { detach } from '../text/positions.js';
import { grown } from '../text/scan.js';

/**
 * Values by surface form, looked up by a stretch of a text without cutting it out: an open-addressing
 * table on an FNV-1a hash of the UTF-16 units, so the hot loop allocates no string per word. Keys are
 * kept as units in one pool, and compared with the text's units (see CodeUnits).
 */
export class SurfaceTable<V> {
  private slots = new Int32Array(1 << 12).fill(-1);
  private hashes = new Int32Array(1 << 11);
  /** Entry e's key is pool[keyAt[e] … keyAt[e] + keyLength[e] − 1]. */
  private keyAt = new Int32Array(1 << 11);
  private keyLength = new Int32Array(1 << 11);
  private pool = new Uint16Array(1 << 14);
  private used = 0;
  private readonly values: V[] = [];

  get size(): number {
    return this.values.length;
  }

  /**
   * The value for text[from, to) — whose units are codes[from, to) and whose hashOf() is `h` — made
   * (from that string) and kept on first sight.
   */
  get(text: string, codes: Uint16Array, from: number, to: number, h: number, make: (surface: string) => V): V {
    const mask = this.slots.length - 1;
    const length = to - from;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s]!;
      if (e === -1) return this.add(s, text, codes, from, to, h, make);
      if (this.hashes[e] !== h || this.keyLength[e] !== length) continue;
      const pool = this.pool;
      let k = this.keyAt[e]!;
      let i = from;
      while (i < to && pool[k] === codes[i]) {
        k++;
        i++;
      }
      if (i === to) return this.values[e]!;
    }
  }

  private add(slot: number, text: string, codes: Uint16Array, from: number, to: number, h: number, make: (surface: string) => V): V {
    // a copy: a substring would keep the whole document alive for as long as the table lives
    const value = make(detach(text.slice(from, to)));
    const e = this.values.length;
    if (e === this.hashes.length) {
      this.hashes = grown(this.hashes);
      this.keyAt = grown(this.keyAt);
      this.keyLength = grown(this.keyLength);
    }
    const length = to - from;
    if (this.used + length > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.used + length));
      pool.set(this.pool);
      this.pool = pool;
    }
    this.pool.set(codes.subarray(from, to), this.used);
    this.slots[slot] = e;
    this.hashes[e] = h;
    this.keyAt[e] = this.used;
    this.keyLength[e] = length;
    this.used += length;
    this.values.push(value);
    if (this.values.length * 2 > this.slots.length) this.rehash();
    return value;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let e = 0; e < this.values.length; e++) {
      let s = this.hashes[e]! & mask;
      while (slots[s] !== -1) s = (s + 1) & mask;
      slots[s] = e;
    }
    this.slots = slots;
  }
}
