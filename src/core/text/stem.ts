import { createRequire } from 'node:module';

/**
 * Dutch stemming with natural's PorterStemmerNl (Snowball "Dutch (Porter)" algorithm).
 *
 * Only that one module is loaded, lazily on the first call: `require('natural')` as a whole
 * takes over a second and prints dotenv lines to stdout. The module exports a ready instance
 * (`module.exports = new PorterStemmer()`) whose `.stem(word)` expects a lowercase word.
 *
 * natural's instance keeps a flag (`suffixeRemoved`, "step 2 removed an e", which gates the
 * `-bar` rule) between calls and never resets it, so its result for a word depends on the words
 * stemmed before. That would make memoised stems order-dependent; we reset the flag before
 * every call, as the Snowball algorithm intends (and it matches the reference output better).
 */
interface NlStemmer {
  stem(word: string): string;
  suffixeRemoved?: boolean;
}

const require = createRequire(import.meta.url);

/** natural's Dutch stemmer, loaded on first use (Node's module cache keeps it). */
const load = (): NlStemmer => require('natural/lib/natural/stemmers/porter_stemmer_nl') as NlStemmer;

/**
 * The stem of a normalised token (see normalize()). Not memoised here: the coder asks once per
 * distinct word form (compile.ts keeps what each form matches).
 *
 * Compounds: hyphens are removed and the joined word is stemmed as a whole, so the spellings
 * jongeren-werkers and jongerenwerkers share a stem (`jongerenwerker`) and ex-gedetineerden
 * stems like exgedetineerden. (Stemming each part separately would let the first part lose
 * its suffix and still not match the closed spelling.) A final `'s` (Dutch plural or
 * genitive after a vowel: auto's, jongere's) is dropped before stemming, so auto's ≡ auto and
 * jongere's ≡ jongeren. Tokens without a letter (numbers) are returned unchanged.
 *
 * Terms and text both go through this function, so matching is consistent by construction.
 */
export function stem(norm: string): string {
  const word = norm.replace(/-/g, '').replace(/'s$/, '');
  if (!/\p{L}/u.test(word)) return word;
  const st = load();
  st.suffixeRemoved = false;
  return st.stem(word);
}
