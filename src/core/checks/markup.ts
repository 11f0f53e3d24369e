/**
 * Lint rules for what the parser noted (see src/core/parse/span-notes.ts, labels.ts, front-notes.ts):
 * markup that looks like coding but is not, speaker labels written unusually, invisible characters and
 * typographic quotes in front matter. Each note becomes a problem at its file, line and column.
 * (The problem type is lint.ts's Problem; written out here, as lint.ts imports this module.)
 */
import type { CorpusDocument } from '../model.js';

/** Every rule a note can carry, with its severity: an error where a coding or a turn is lost or misread. */
const MARKUP_RULES: Readonly<Record<string, 'error' | 'warning'>> = {
  'span-not-opened': 'error',
  'attributes-not-closed': 'error',
  'span-without-class': 'error',
  'stray-attributes': 'error',
  'parenthesised-attributes': 'error',
  'stray-brace': 'error',
  'unclosed-bracket': 'error',
  'unopened-bracket': 'error',
  'zero-width-in-label': 'error',
  'garbled-label': 'error',
  'markup-problems-omitted': 'error',
  'unusual-label': 'warning',
  'typographic-quotes': 'warning',
  'invisible-character': 'warning',
};

export function markupProblems(doc: CorpusDocument): { rule: string; severity: 'error' | 'warning'; file: string; line: number; column: number; args: Record<string, string | number> }[] {
  return (doc.notes ?? []).map((n) => ({ rule: n.rule, severity: MARKUP_RULES[n.rule] ?? 'error', file: doc.file, line: n.line, column: n.column, args: { document: doc.id, ...n.args } }));
}
