import { SpanBuffer, splitAtMarksInto, splitSentences } from './text/sentences.js';
import { stem } from './text/stem.js';
import { compileTerm } from './text/terms.js';
import { pairKey, scanWords, tripleKey, WordBuffer } from './text/scan.js';
import { normalizeMemo, tokenize } from './text/tokenize.js';
import { INTERVIEWER } from './document.js';
import { detach, lineIndex } from './text.js';
export function compileCodebook(codebook) {
    const byStem = new Map();
    const wildcards = [];
    const invalid = [];
    codebook.codes.forEach((c, code) => {
        const add = (term, negative) => {
            let compiled;
            try {
                compiled = compileTerm(term);
            }
            catch (e) {
                invalid.push({ code: c.id, term, reason: e.message });
                return;
            }
            const first = compiled.words[0];
            if (!first)
                return;
            const entry = { code, term: compiled, negative };
            if (first.kind === 'wildcard')
                wildcards.push(entry);
            else {
                let list = byStem.get(first.stem);
                if (!list)
                    byStem.set(first.stem, (list = []));
                list.push(entry);
            }
        };
        for (const t of c.terms)
            add(t, false);
        for (const t of c.not)
            add(t, true);
    });
    return { codes: codebook.codes, byStem, wildcards, invalid, prefixes: prefixTable([...byStem.keys()], wildcards), memo: new Map(), bySurface: new SurfaceTable(), marks: { found: new Int32Array(codebook.codes.length), excluded: new Int32Array(codebook.codes.length), generation: 0 } };
}
function prefixTable(stems, wildcards) {
    const two = new Uint8Array(128 * 128);
    const three = new Uint8Array(36 * 36 * 36);
    // A stem of 4+ letters keeps its word's first three; a wildcard's literal start is the word's own.
    const literal = wildcards.map((e) => wildcardKey(e.term.words[0].norm).split('*')[0]);
    // a wildcard with fewer than two literal letters (a*) could start too many words: no filter
    if (literal.some((l) => l.length < 2))
        return null;
    for (const s of [...stems.filter((st) => st.length >= 4), ...literal.filter((l) => l.length >= 3)]) {
        const key = tripleKey(s.charCodeAt(0), s.charCodeAt(1), s.charCodeAt(2));
        if (key < 0)
            return null;
        three[key] = 1;
    }
    // a stem of one letter comes only from a one-letter word, keyed (letter, 0)
    for (const s of [...stems.filter((st) => st.length < 4), ...literal.filter((l) => l.length === 2)]) {
        const key = s.length === 0 ? -1 : pairKey(s.charCodeAt(0), s.length > 1 ? s.charCodeAt(1) : 0);
        if (key < 0)
            return null;
        two[key] = 1;
    }
    return { two, three };
}
const wildcardKey = (norm) => norm.replace(/-/g, '');
/**
 * A hyphenated compound (IPTA-methodiek, W&I-afdeling) matches a term word by its whole stem or by
 * the stem of any of its parts, so a term `ipta` finds "IPTA-methodiek".
 */
function wordInfo(book, norm) {
    let info = book.memo.get(norm);
    if (info === undefined) {
        const stems = [stem(norm)];
        if (norm.includes('-'))
            for (const part of norm.split('-'))
                if (part)
                    stems.push(stem(part));
        const key = wildcardKey(norm);
        const byStem = [...new Set(stems.flatMap((st) => book.byStem.get(st) ?? []))];
        const wild = book.wildcards.filter((e) => e.term.words[0].pattern.test(key));
        info = { norm, stems, candidates: [...byStem, ...wild] };
        book.memo.set(norm, info);
    }
    return info;
}
const wordMatches = (w, info) => (w.kind === 'stem' ? info.stems.includes(w.stem) : w.pattern.test(wildcardKey(info.norm)));
/** Reused between calls (autoCode never runs inside itself). */
const buffer = new WordBuffer();
const spans = new SpanBuffer();
const infoScratch = [];
function wordsOf(book, text, astral) {
    if (astral) {
        const tokens = tokenize(text);
        const infos = tokens.map((t) => wordInfo(book, t.norm));
        const sentences = new SpanBuffer();
        for (const sp of splitSentences(text))
            sentences.push(sp.start, sp.end);
        return { count: tokens.length, starts: tokens.map((t) => t.start), ends: tokens.map((t) => t.end), keys: null, info: (i) => infos[i], surface: (i) => tokens[i].text, sentences };
    }
    // Without astral characters UTF-16 indices are code points: scan without building token objects,
    // and look words up by their surface form first (no normalising of words already seen), and only
    // when a term could start with their first letters or they are needed to finish a phrase.
    scanWords(text, buffer);
    const { starts, ends, keys, hashes, count } = buffer;
    const make = (surface) => wordInfo(book, normalizeMemo(surface));
    const infos = infoScratch;
    if (infos.length < count)
        infos.length = count;
    infos.fill(undefined, 0, count);
    splitAtMarksInto(text, buffer.marks, buffer.markCount, spans);
    return {
        count,
        starts,
        ends,
        keys,
        info(i) {
            let info = infos[i];
            if (info === undefined) {
                info = book.bySurface.get(text, starts[i], ends[i], hashes[i], make);
                infos[i] = info;
            }
            return info;
        },
        surface: (i) => text.slice(starts[i], ends[i]),
        sentences: spans,
    };
}
/**
 * Values by surface form, looked up by a stretch of a text without cutting it out: an open-addressing
 * table on an FNV-1a hash of the UTF-16 units, so the hot loop allocates no string per word.
 */
export class SurfaceTable {
    slots = new Int32Array(1 << 12).fill(-1);
    hashes = [];
    keys = [];
    values = [];
    get size() {
        return this.keys.length;
    }
    /** The value for text[from, to) — whose hashOf() is `h` — made (from that string) and kept on first sight. */
    get(text, from, to, h, make) {
        const mask = this.slots.length - 1;
        const length = to - from;
        for (let s = h & mask;; s = (s + 1) & mask) {
            const e = this.slots[s];
            if (e === -1) {
                // a copy: a substring would keep the whole document alive for as long as the table lives
                const key = detach(text.slice(from, to));
                const value = make(key);
                this.slots[s] = this.keys.length;
                this.hashes.push(h);
                this.keys.push(key);
                this.values.push(value);
                if (this.keys.length * 2 > this.slots.length)
                    this.grow();
                return value;
            }
            if (this.hashes[e] !== h)
                continue;
            const key = this.keys[e];
            if (key.length !== length)
                continue;
            let same = true;
            for (let i = 0; i < length && same; i++)
                same = key.charCodeAt(i) === text.charCodeAt(from + i);
            if (same)
                return this.values[e];
        }
    }
    grow() {
        const slots = new Int32Array(this.slots.length * 2).fill(-1);
        const mask = slots.length - 1;
        this.hashes.forEach((h, e) => {
            let s = h & mask;
            while (slots[s] !== -1)
                s = (s + 1) & mask;
            slots[s] = e;
        });
        this.slots = slots;
    }
}
/** Regions of a document that are coded: respondents' turns in interviews, the whole text elsewhere (code points). */
function regions(doc, length) {
    if (doc.type === 'interview')
        return doc.turns.filter((t) => t.speaker !== INTERVIEWER);
    return [{ start: 0, end: length, speaker: null }];
}
/** Automatic coding of one document. */
export function autoCode(doc, book, options = {}) {
    const lineOf = options.lineOf ?? (() => 0);
    const countOnly = options.countOnly === true;
    const wantHits = options.hits !== false && !countOnly;
    // Code points equal UTF-16 units unless the text has astral characters; only then split it up.
    const chars = /[\uD800-\uDBFF]/.test(doc.plainText) ? Array.from(doc.plainText) : null;
    const slice = (a, b) => (chars ? chars.slice(a, b).join('') : doc.plainText.slice(a, b));
    const length = chars ? chars.length : doc.plainText.length;
    const segments = [];
    const hits = [];
    // Per sentence: the codes found (in order of discovery) and those excluded by a `not:` term, marked
    // with the sentence's generation number so nothing needs clearing; the hits as (code, term, word).
    const { found, excluded } = book.marks;
    const codesFound = [];
    const sentenceHits = [];
    for (const region of regions(doc, length)) {
        const text = slice(region.start, region.end);
        const words = wordsOf(book, text, chars !== null);
        const { count, starts, ends, keys, surface } = words;
        const prefixes = keys === null ? null : book.prefixes;
        const two = prefixes?.two;
        const three = prefixes?.three;
        let t = 0;
        const sentences = words.sentences;
        for (let si = 0; si < sentences.count; si++) {
            const sStart = sentences.starts[si];
            const sEnd = sentences.ends[si];
            while (t < count && starts[t] < sStart)
                t++;
            const first = t;
            while (t < count && ends[t] <= sEnd)
                t++;
            const last = t; // tokens first … last − 1 lie in the sentence
            if (book.marks.generation === 0x7fffffff) {
                found.fill(0);
                excluded.fill(0);
                book.marks.generation = 0;
            }
            const gen = ++book.marks.generation;
            codesFound.length = 0;
            sentenceHits.length = 0;
            for (let i = first; i < last; i++) {
                if (two !== undefined) {
                    // No term can start here: no short term begins with its first two letters, and it is short
                    // or no long term begins with its first three.
                    const k2 = keys[i];
                    if (k2 >= 0 && two[k2] === 0) {
                        // k2 ≥ 0: no hyphen, and the first two characters are ASCII letters or digits
                        const from = starts[i];
                        if (ends[i] - from < 3)
                            continue;
                        const k3 = tripleKey(text.charCodeAt(from), text.charCodeAt(from + 1), text.charCodeAt(from + 2));
                        if (k3 >= 0 && three[k3] === 0)
                            continue;
                    }
                }
                const candidates = words.info(i).candidates;
                for (let c = 0; c < candidates.length; c++) {
                    const e = candidates[c];
                    const terms = e.term.words;
                    if (i + terms.length > last)
                        continue;
                    let ok = true;
                    for (let j = 1; j < terms.length && ok; j++)
                        ok = wordMatches(terms[j], words.info(i + j));
                    if (!ok)
                        continue;
                    if (e.negative) {
                        excluded[e.code] = gen;
                        continue;
                    }
                    if (found[e.code] !== gen) {
                        found[e.code] = gen;
                        codesFound.push(e.code);
                    }
                    if (wantHits)
                        sentenceHits.push({ code: e.code, entry: e, word: i });
                }
            }
            if (codesFound.length === 0)
                continue;
            // Codebook order; insertion sort, as a sentence rarely has more than a few codes.
            for (let x = 1; x < codesFound.length; x++) {
                const v = codesFound[x];
                let y = x - 1;
                for (; y >= 0 && codesFound[y] > v; y--)
                    codesFound[y + 1] = codesFound[y];
                codesFound[y + 1] = v;
            }
            const start = region.start + sStart;
            const sText = countOnly ? '' : text.slice(...utf16(text, sStart, sEnd, chars !== null));
            for (const code of codesFound) {
                if (excluded[code] === gen)
                    continue;
                if (wantHits) {
                    for (const h of sentenceHits) {
                        if (h.code !== code)
                            continue;
                        const n = h.entry.term.words.length;
                        const matched = n === 1 ? surface(h.word) : Array.from({ length: n }, (_, j) => surface(h.word + j)).join(' ');
                        hits.push({ code: book.codes[code].id, term: h.entry.term.term, surface: matched });
                    }
                }
                segments.push({
                    id: '',
                    document: doc.id,
                    code: book.codes[code].id,
                    text: sText,
                    start,
                    end: region.start + sEnd,
                    line: countOnly ? 0 : lineOf(start),
                    column: 0,
                    speaker: region.speaker,
                    source: 'auto',
                });
            }
        }
    }
    if (!countOnly)
        segments.forEach((s, i) => (s.id = `${doc.id}~${i + 1}`));
    return { segments, hits };
}
/** UTF-16 bounds of the code-point span [start, end) of `text`. */
function utf16(text, start, end, astral) {
    if (!astral)
        return [start, end];
    const chars = Array.from(text);
    const a = chars.slice(0, start).join('').length;
    return [a, a + chars.slice(start, end).join('').length];
}
/** Automatic coding of a whole corpus: segments per document id, and every term hit. */
export function autoCodeCorpus(documents, book) {
    const segments = new Map();
    const hits = [];
    for (const doc of documents) {
        let lineAt;
        const r = autoCode(doc, book, { lineOf: (offset) => doc.bodyLine + (lineAt ??= lineIndex(doc.plainText))(offset) - 1 });
        segments.set(doc.id, r.segments);
        hits.push(...r.hits);
    }
    return { segments, hits };
}
/** Does automatic coding give `code` to `text`? With the term that matched, for messages. */
export function codesText(book, code, text) {
    const doc = { id: 'example', type: 'document', turns: [], plainText: text };
    return autoCode(doc, book).hits.find((h) => h.code === code) ?? null;
}
