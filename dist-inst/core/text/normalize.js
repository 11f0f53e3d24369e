/**
 * The comparison form of a word: lowercase, no diacritics.
 *
 * - Compatibility decomposition (NFKD) then every combining mark is dropped:
 *   financiële → financiele, coördinator → coordinator, geïnteresseerd → geinteresseerd,
 *   café → cafe. NFKD (rather than plain NFD) also unfolds the Dutch ligature ĳ → ij,
 *   typographic ligatures (ﬁ → fi) and styled letters (𝒳 → x), so ij is always two letters.
 * - Typographic apostrophes (’ ʼ ‘) become `'`, dashes that join compounds (‐ ‑) become `-`.
 * - Invisible joiners (soft hyphen, ZWJ, ZWNJ) are removed.
 * Lowercasing happens before and after decomposition (İ → i, 𝒳 → X → x).
 */
export function normalize(s) {
    return s
        .toLowerCase()
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()
        .replace(/[\u2019\u02bc\u2018]/g, "'")
        .replace(/[\u2010\u2011]/g, '-')
        .replace(/[\u00ad\u200c\u200d]/g, '')
        .normalize('NFC');
}
