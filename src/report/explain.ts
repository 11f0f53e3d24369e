/** `werkscan compare --explain CODE CASE`: the segments behind one cell of the case × code matrix. */
import type { explain } from '../core/count/compare.js';
import type { Table } from './table.js';

export type ExplainedSegment = ReturnType<typeof explain>[number];

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** For the terminal: how many segments, then per segment where it is, who speaks, and its text. */
export function explainText(code: string, caseId: string, segments: readonly ExplainedSegment[]): string {
  const head = `${code} in ${caseId}: ${segments.length} segment${segments.length === 1 ? '' : 's'}\n`;
  return head + segments.map((s) => `\n${s.file}:${s.line}  ${s.segment}  ${s.speaker ?? 'document'}${s.role ? ` (${s.role})` : ''}${s.source === 'auto' ? '  [auto]' : ''}\n  “${oneLine(s.text)}”\n`).join('');
}

/** For Markdown and CSV: one row per segment. */
export function explainTable(segments: readonly ExplainedSegment[]): Table {
  return {
    columns: ['segment', 'document', 'line', 'speaker', 'role', 'text'].map((k) => ({ key: k, header: k })),
    sections: [{ title: '', rows: segments.map((s) => ({ ...s, text: oneLine(s.text) })) }],
  };
}
