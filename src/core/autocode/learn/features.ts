/**
 * Features of a sentence for the learned coder: the stems of its words (text/stem.ts), pairs of
 * consecutive stems (word bigrams), and — as a cheap stand-in for compound parts — the character
 * 5-grams inside each word, < and > marking its ends (`trajectbegeleiders` shares `geleid` with `begeleider`).
 *
 * Features are numbered in the order first met, so the numbering depends only on the texts and their
 * order. What a word form yields is kept per surface form: a corpus repeats its words.
 */
import { normalize } from '../../text/normalize.js';
import { stem } from '../../text/stem.js';
import { scanTokens } from '../../text/tokenize.js';

export interface FeatureOptions {
  /** Word bigrams of stems. */
  bigrams: boolean;
  /** Character n-grams of these lengths within words (empty: none). */
  grams: readonly number[];
}

export const DEFAULT_FEATURES: FeatureOptions = { bigrams: true, grams: [5] };

interface WordFeatures {
  /** Feature id of the stem, or −1 (frozen and unknown). */
  stem: number;
  /** The stem's number among all stems met (known as a feature or not), for bigram keys. */
  key: number;
  /** Ids of the word's character n-grams that are known. */
  grams: Int32Array;
}

export class Featurizer {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  private readonly words = new Map<string, WordFeatures>();
  private readonly stems = new Map<string, number>();
  private readonly stemNames: string[] = [];
  /** Bigram feature ids: pairs[first stem number].get(second stem number); small-integer keys hash fast. */
  private readonly pairs: (Map<number, number> | undefined)[] = [];
  /** Scratch: the features of the sentence being read, and a mark per feature id (dedupe). */
  private list = new Int32Array(256);
  private marks = new Int32Array(1024);
  private generation = 0;
  /** Frozen: unknown features are left out instead of numbered (coding with a trained model). */
  frozen = false;

  constructor(readonly options: FeatureOptions = DEFAULT_FEATURES) {}

  private id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      if (this.frozen) return -1;
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }

  private word(surface: string): WordFeatures {
    let w = this.words.get(surface);
    if (w) return w;
    const norm = normalize(surface);
    const st = stem(norm);
    let key = this.stems.get(st);
    if (key === undefined) {
      key = this.stemNames.length;
      this.stems.set(st, key);
      this.stemNames.push(st);
    }
    const grams: number[] = [];
    const padded = `<${norm.replace(/-/g, '')}>`;
    for (const n of this.options.grams) {
      for (let i = 0; i + n <= padded.length; i++) {
        const g = this.id(`c:${padded.slice(i, i + n)}`);
        if (g >= 0) grams.push(g);
      }
    }
    w = { stem: this.id(`w:${st}`), key, grams: Int32Array.from(grams) };
    this.words.set(surface, w);
    return w;
  }

  private bigram(a: number, b: number): number {
    const second = (this.pairs[a] ??= new Map());
    let id = second.get(b);
    if (id === undefined) {
      id = this.id(`b:${this.stemNames[a]!} ${this.stemNames[b]!}`);
      // An unknown pair of a frozen featurizer stays unknown: remember it too.
      second.set(b, id);
    }
    return id;
  }

  private add(id: number, count: number): number {
    if (id < 0) return count;
    if (id >= this.marks.length) {
      const grown = new Int32Array(Math.max(id + 1, this.marks.length * 2));
      grown.set(this.marks);
      this.marks = grown;
    }
    if (this.marks[id] === this.generation) return count;
    this.marks[id] = this.generation;
    if (count === this.list.length) {
      const grown = new Int32Array(count * 2);
      grown.set(this.list);
      this.list = grown;
    }
    this.list[count] = id;
    return count + 1;
  }

  /** The distinct feature ids of `text`, ascending. */
  features(text: string): Int32Array {
    return this.scratch(text).slice().sort();
  }

  /** The distinct feature ids of `text`, in no order, in scratch space valid until the next call (for scoring). */
  scratch(text: string): Int32Array {
    if (++this.generation === 0x7fffffff) {
      this.marks.fill(0);
      this.generation = 1;
    }
    let count = 0;
    let previous = -1;
    scanTokens(text, (from, to) => {
      const w = this.word(text.slice(from, to));
      count = this.add(w.stem, count);
      for (let i = 0; i < w.grams.length; i++) count = this.add(w.grams[i]!, count);
      if (this.options.bigrams) {
        if (previous >= 0) count = this.add(this.bigram(previous, w.key), count);
        previous = w.key;
      }
    });
    return this.list.subarray(0, count);
  }
}
