/** `reports/segments.csv`: one row per coded segment, so every count can be traced to its text. */
import { respondentOf } from '../core/count/select.js';
import { isSpaceCode } from '../core/text/sentences.js';
import type { TermHit } from '../core/autocode/code.js';
import type { CorpusDocument, Segment } from '../core/model.js';
import type { Report } from './input.js';
import { csvRecord, csvStringify, type CsvOptions } from './csv.js';

const SEGMENT_COLUMNS = ['id', 'document', 'case', 'respondent', 'role', 'code', 'source', 'start', 'end', 'line', 'text'] as const;

/** The rows of one document's segments. */
export function segmentRows(doc: CorpusDocument, segments: readonly Segment[]): string[][] {
  return segments.map((s) => {
    const r = respondentOf(doc, s.speaker);
    return [s.id, doc.id, doc.case, r?.id ?? (s.speaker ?? ''), r?.attrs.role ?? '', s.code, s.source, String(s.start), String(s.end), String(s.line), squeezeSpace(s.text)];
  });
}

export type { CsvOptions } from './csv.js';

// @testOnly: exported for test/report/csv.test.ts
/**
 * `text.replace(/\s+/g, ' ').trim()` (one line per segment in the CSV), answered without a regular
 * expression pass for the usual text whose only white space is single spaces between words.
 */
export function squeezeSpace(text: string): string {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 ? i === 0 || i === n - 1 || isSpaceCode(text.charCodeAt(i + 1)) : isSpaceCode(c)) return text.replace(/\s+/g, ' ').trim();
  }
  return text;
}

/** The header line of segments.csv (with the BOM when asked). */
const segmentsHeader = (options: CsvOptions = {}) => (options.bom ? '\ufeff' : '') + csvStringify([[...SEGMENT_COLUMNS]], options.delimiter ?? ',');

/** Rows without header, for appending. */
export function segmentsBody(rows: readonly string[][], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  // joined, not concatenated: a flat string, which writing does not have to flatten first
  return rows.map((row) => csvRecord(row, delimiter)).join('');
}

/** Term hits counted per code, term and lowercased surface form (key parts joined by NUL). */
export function countHits(hits: readonly TermHit[], into = new Map<string, number>()): Map<string, number> {
  for (const h of hits) {
    const key = `${h.code}\u0000${h.term}\u0000${h.surface.toLowerCase()}`;
    into.set(key, (into.get(key) ?? 0) + 1);
  }
  return into;
}

export const segmentsCsv: Report = {
  name: 'segments.csv',
  build: ({ project, auto, csv }) =>
    auto.segmentsParts
      ? { header: segmentsHeader(csv), parts: auto.segmentsParts }
      : segmentsHeader(csv) + segmentsBody(project.corpus.documents.flatMap((d) => segmentRows(d, [...d.segments, ...(auto.segments?.get(d.id) ?? [])])), csv),
};
