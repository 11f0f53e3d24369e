import { createRequire } from 'node:module';
let stemmer;
const cache = new Map();
function load() {
    if (stemmer === undefined) {
        const require = createRequire(import.meta.url);
        stemmer = require('natural/lib/natural/stemmers/porter_stemmer_nl');
    }
    return stemmer;
}
/**
 * The stem of a normalised token (see normalize()); memoised per distinct input.
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
export function stem(norm) {
    let s = cache.get(norm);
    if (s === undefined) {
        s = computeStem(norm);
        cache.set(norm, s);
    }
    return s;
}
function computeStem(norm) {
    const word = norm.replace(/-/g, '').replace(/'s$/, '');
    if (!/\p{L}/u.test(word))
        return word;
    const st = load();
    st.suffixeRemoved = false;
    return st.stem(word);
}
/** The stems of a token list, parallel to it. */
export function stemAll(tokens) {
    return tokens.map((t) => stem(t.norm));
}
