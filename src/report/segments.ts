/** `reports/segments.csv`: one row per coded segment, so every count can be traced to its text. */
import { stringify } from 'csv-stringify/sync';
import { respondentOf } from '../core/count.js';
import type { CorpusDocument, Segment } from '../core/model.js';

export const SEGMENT_COLUMNS = ['id', 'document', 'case', 'respondent', 'role', 'code', 'source', 'start', 'end', 'line', 'text'] as const;

export function segmentRows(docs: readonly CorpusDocument[], segmentsOf: (d: CorpusDocument) => readonly Segment[]): string[][] {
  const rows: string[][] = [];
  for (const doc of docs) {
    for (const s of segmentsOf(doc)) {
      const r = respondentOf(doc, s.speaker);
      rows.push([s.id, doc.id, doc.case, r?.id ?? (s.speaker ?? ''), r?.attrs.role ?? '', s.code, s.source, String(s.start), String(s.end), String(s.line), s.text.replace(/\s+/g, ' ').trim()]);
    }
  }
  return rows;
}

export function segmentsCsv(rows: readonly string[][], options: { delimiter?: string; bom?: boolean } = {}): string {
  return (options.bom ? '\ufeff' : '') + stringify([[...SEGMENT_COLUMNS], ...rows], { delimiter: options.delimiter ?? ',', record_delimiter: '\n' });
}
