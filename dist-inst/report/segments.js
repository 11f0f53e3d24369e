/** `reports/segments.csv`: one row per coded segment, so every count can be traced to its text. */
import { respondentOf } from '../core/count.js';
import { csvStringify } from './csv.js';
export const SEGMENT_COLUMNS = ['id', 'document', 'case', 'respondent', 'role', 'code', 'source', 'start', 'end', 'line', 'text'];
/** The rows of one document's segments. */
export function segmentRows(doc, segments) {
    return segments.map((s) => {
        const r = respondentOf(doc, s.speaker);
        return [s.id, doc.id, doc.case, r?.id ?? (s.speaker ?? ''), r?.attrs.role ?? '', s.code, s.source, String(s.start), String(s.end), String(s.line), s.text.replace(/\s+/g, ' ').trim()];
    });
}
/** The header line of segments.csv (with the BOM when asked). */
export const segmentsHeader = (options = {}) => (options.bom ? '\ufeff' : '') + csvStringify([[...SEGMENT_COLUMNS]], options.delimiter ?? ',');
/** Rows without header, for appending. */
export const segmentsBody = (rows, options = {}) => (rows.length === 0 ? '' : csvStringify(rows, options.delimiter ?? ','));
/** Term hits counted per code, term and lowercased surface form (key parts joined by NUL). */
export function countHits(hits, into = new Map()) {
    for (const h of hits) {
        const key = `${h.code}\u0000${h.term}\u0000${h.surface.toLowerCase()}`;
        into.set(key, (into.get(key) ?? 0) + 1);
    }
    return into;
}
/**
 * `reports/term-matches.csv`: per code and term, every distinct surface form it matched (lowercased)
 * and how often, so a change to a term shows in review exactly which new words it catches.
 */
export function termMatchesCsv(codebook, counts, options = {}) {
    const order = new Map();
    codebook.codes.forEach((c, i) => c.terms.forEach((t, j) => order.set(`${c.id}\u0000${t}`, i * 10_000 + j)));
    const rows = [...counts].map(([key, n]) => [...key.split('\u0000'), String(n)]);
    rows.sort((a, b) => (order.get(`${a[0]}\u0000${a[1]}`) ?? 0) - (order.get(`${b[0]}\u0000${b[1]}`) ?? 0) || Number(b[3]) - Number(a[3]) || a[2].localeCompare(b[2]));
    return (options.bom ? '\ufeff' : '') + csvStringify([['code', 'term', 'surface', 'count'], ...rows], options.delimiter ?? ',');
}
