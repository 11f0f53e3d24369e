/**
 * Front matter values that differ from what was typed elsewhere without anyone seeing it: Word's
 * typographic quotes around a value (`role: “consulent”`, `id: ‘vnl-01’` — YAML keeps them as part of the
 * value), no-break spaces at either end, zero-width characters anywhere. Noted for lint, never changed.
 */
import type { ParseNote } from '../model.js';
import type { YamlPath } from './yaml.js';
import { isZeroWidth } from './labels.js';

const QUOTES = new Set([...'‘’‚‛“”„‟«»‹›'].map((c) => c.charCodeAt(0)));
const isNoBreakSpace = (c: number) => c === 0xa0 || c === 0x202f || c === 0x2007;
const MAX_DEPTH = 8;

const CHARACTER_NAMES: Record<number, string> = {
  0xa0: 'no-break space U+00A0',
  0x202f: 'narrow no-break space U+202F',
  0x2007: 'figure space U+2007',
  0x200b: 'zero-width space U+200B',
  0x200c: 'zero-width non-joiner U+200C',
  0x200d: 'zero-width joiner U+200D',
  0x2060: 'word joiner U+2060',
  0xfeff: 'zero-width no-break space U+FEFF',
};

/** The value with its invisible characters written as `\uXXXX`, for messages. */
function showInvisible(value: string): string {
  return value.replace(/[\u00a0\u202f\u2007\u200b-\u200d\u2060\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

const keyName = (path: YamlPath) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

function valueNote(value: string, path: YamlPath, pos: (path: YamlPath) => { line: number; column: number }): ParseNote | null {
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  const key = keyName(path);
  if (value.length >= 2 && QUOTES.has(first) && QUOTES.has(last)) {
    return { rule: 'typographic-quotes', ...pos(path), args: { key, value, fixed: value.slice(1, -1) } };
  }
  let bad = -1;
  if (isNoBreakSpace(first)) bad = 0;
  else if (isNoBreakSpace(last)) bad = value.length - 1;
  else for (let i = 0; i < value.length && bad === -1; i++) if (isZeroWidth(value.charCodeAt(i))) bad = i;
  if (bad === -1) return null;
  const where = bad === 0 ? 'start' : bad === value.length - 1 ? 'end' : 'middle';
  return { rule: 'invisible-character', ...pos(path), args: { key, value: showInvisible(value), character: CHARACTER_NAMES[value.charCodeAt(bad)]!, where } };
}

/** Notes for every string value of the front matter `data` (maps and lists followed a few levels deep). */
export function frontMatterNotes(data: unknown, pos: (path: YamlPath) => { line: number; column: number }): ParseNote[] {
  const notes: ParseNote[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (typeof v === 'string') {
      const note = valueNote(v, path, pos);
      if (note) notes.push(note);
    } else if (path.length < MAX_DEPTH && Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...path, i]));
    } else if (path.length < MAX_DEPTH && v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) walk(item, [...path, k]);
    }
  };
  walk(data, []);
  return notes;
}
