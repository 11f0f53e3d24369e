/**
 * The words of a region of text as the coder sees them (see code.ts): offsets, keys, and what each word
 * matches, looked up on first need.
 */
import { SpanBuffer, splitAtMarksInto, splitSentences } from '../text/sentences.js';
import { wildcardKey, type TermWord } from '../text/terms.js';
import { scanUnits } from '../text/scan.js';
import { tokenize } from '../text/tokenize.js';
import { HEAD, MODIFIER, wordInfo, type CompiledCodebook, type CoderState, type WordInfo } from './compile.js';

/** Does a word match term word `w`? With `compounds` (HEAD, MODIFIER bits) also by a part of a closed compound. */
export function wordMatches(w: TermWord, info: WordInfo, compounds: number): boolean {
  if (w.kind !== 'stem') return w.pattern.test(wildcardKey(info.norm));
  return info.stems.includes(w.stem) || ((compounds & HEAD) !== 0 && info.heads.includes(w.stem)) || ((compounds & MODIFIER) !== 0 && info.modifiers.includes(w.stem));
}

/**
 * The words of a region: offsets in code points, and what each matches (infos[i]; undefined until
 * looked up by infoAt(), which needs the region's text, its units and the words' hashes).
 */
export interface Words {
  text: string;
  count: number;
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
  /** Per word: the key of its first two letters (see WordBuffer), or null: look every word up. */
  keys: ArrayLike<number> | null;
  hashes: ArrayLike<number>;
  /** The region's UTF-16 units (see CodeUnits); empty for text with astral characters, whose infos are all known. */
  codes: Uint16Array;
  infos: (WordInfo | undefined)[];
  /** The words as written, for text with astral characters (whose offsets are not UTF-16 indices); null: slice the text. */
  surfaces: readonly string[] | null;
  /** The sentences of the region. */
  sentences: SpanBuffer;
  /** The region's code points, for text with astral characters (null: use `codes`). */
  chars: string[] | null;
}

/** The words of `text`; without astral characters, in the scratch space of `state` (valid until the next call). */
export function wordsOf(book: CompiledCodebook, text: string, astral: boolean): Words {
  if (astral) {
    const tokens = tokenize(text);
    const sentences = new SpanBuffer();
    for (const sp of splitSentences(text)) sentences.push(sp.start, sp.end);
    const starts = tokens.map((t) => t.start);
    const ends = tokens.map((t) => t.end);
    const infos = tokens.map((t) => wordInfo(book, t.norm));
    return { text, count: tokens.length, starts, ends, keys: null, hashes: [], codes: new Uint16Array(0), infos, surfaces: tokens.map((t) => t.text), sentences, chars: Array.from(text) };
  }
  // Without astral characters UTF-16 indices are code points: scan the units without building token
  // objects, and look words up by their surface form first (no normalising of words already seen),
  // and only when a term could start with their first letters or they are needed to finish a phrase.
  const state: CoderState = book.state;
  const buffer = state.words;
  const codes = state.units.load(text);
  scanUnits(codes, text.length, buffer);
  const infos = state.infos;
  if (infos.length < buffer.count) infos.length = buffer.count;
  infos.fill(undefined, 0, buffer.count);
  splitAtMarksInto(text, buffer.marks, buffer.markCount, state.sentences);
  return { text, count: buffer.count, starts: buffer.starts, ends: buffer.ends, keys: buffer.keys, hashes: buffer.hashes, codes, infos, surfaces: null, sentences: state.sentences, chars: null };
}

/** What word i of `words` matches, looked up on first need. */
export function infoAt(book: CompiledCodebook, words: Words, i: number): WordInfo {
  let info = words.infos[i];
  if (info === undefined) {
    info = book.state.bySurface.get(words.text, words.codes, words.starts[i]!, words.ends[i]!, words.hashes[i]!, book.state.make);
    words.infos[i] = info;
  }
  return info;
}

export const surfaceOf = (words: Words, i: number) => words.surfaces?.[i] ?? words.text.slice(words.starts[i], words.ends[i]);

/** UTF-16 bounds of the code-point span [start, end) of `text`. */
export function utf16(text: string, start: number, end: number, astral: boolean): [number, number] {
  if (!astral) return [start, end];
  const chars = Array.from(text);
  const a = chars.slice(0, start).join('').length;
  return [a, a + chars.slice(start, end).join('').length];
}

