/**
 * Replacing the names of the speakers map by their ids (docs/ingest.md, Pseudonyms). A name is replaced
 * as a whole word, whatever its capitals (`Jan de Vries`, `JAN DE VRIES`); of a name of two or more
 * words also the surname with its prefix (`de Vries`, any capitals) and each capitalised part of at
 * least three letters on its own, with exactly those capitals (`Jan`, `Vries`, not `jan`): a first name
 * that is also a word (`Roos`, `Bos`) stays a word when written small.
 */
import type { SpeakerMap } from './speaker-map.js';

/** Dutch surname prefixes (tussenvoegsels): never replaced on their own. */
const PREFIXES = new Set(['van', 'de', 'der', 'den', 'het', "'t", 'ten', 'ter', 'te', 'op', 'in', "'s", 'la', 'le', 'du', 'da', 'von', 'zu']);

export interface Pseudonymiser {
  apply(text: string): string;
  /** How many replacements were made so far, per id. */
  readonly counts: ReadonlyMap<string, number>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');

function alternation(phrases: readonly string[], flags: string): RegExp | null {
  if (phrases.length === 0) return null;
  const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${sorted.map(escape).join('|')})(?![\\p{L}\\p{N}_])`, flags);
}

/** The phrases (any capitals) and single words (as written) that stand for each id. */
function forms(map: SpeakerMap): { phrases: Map<string, string>; words: Map<string, string> } {
  const phrases = new Map<string, string>();
  const words = new Map<string, string>();
  for (const { name, id } of map.names) {
    phrases.set(name.toLowerCase(), id);
    const parts = name.split(' ');
    if (parts.length < 2) continue;
    const prefixAt = parts.findIndex((p, i) => i > 0 && PREFIXES.has(p.toLowerCase()));
    if (prefixAt > 0 && prefixAt < parts.length - 1) phrases.set(parts.slice(prefixAt).join(' ').toLowerCase(), id);
    for (const part of parts) {
      if (!PREFIXES.has(part.toLowerCase()) && /^\p{Lu}[\p{L}'-]{2,}$/u.test(part) && !words.has(part)) words.set(part, id);
    }
  }
  return { phrases, words };
}

export function pseudonymiser(map: SpeakerMap | null): Pseudonymiser {
  const counts = new Map<string, number>();
  if (!map || map.names.length === 0) return { apply: (t) => t, counts };
  const { phrases, words } = forms(map);
  const phraseRe = alternation([...phrases.keys()], 'giu');
  const wordRe = alternation([...words.keys()], 'gu');
  const count = (id: string) => {
    counts.set(id, (counts.get(id) ?? 0) + 1);
    return id;
  };
  return {
    counts,
    apply(text) {
      let out = phraseRe ? text.replace(phraseRe, (m) => count(phrases.get(m.replace(/\s+/g, ' ').toLowerCase())!)) : text;
      if (wordRe) out = out.replace(wordRe, (m) => count(words.get(m)!));
      return out;
    },
  };
}
