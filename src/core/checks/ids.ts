/**
 * Ids that become file names. A document's id names its file when a project is imported (REFI-QDA
 * import writes `<id>.md` below the corpus folder), so an id must be a safe relative path: file names,
 * separated by `/` as the ids werkscan derives from subfolders are (`plannen/zaanstad-plan`), with nothing
 * a path could climb out of or hide behind.
 */
import type { CorpusDocument } from '../model.js';

/** Why `id` is not a safe relative path, or null where it is. */
export function unsafeIdReason(id: string): string | null {
  if (id === '') return 'it is empty';
  // C0 controls, DEL, C1 controls; also the line and paragraph separators that break file:line output
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(id)) return 'it holds a control character';
  if (id.includes('\\')) return 'it holds a backslash';
  if (id.includes('..')) return 'it holds ..';
  const parts = id.split('/');
  if (parts.some((p) => p === '')) return 'it starts or ends with / or holds //';
  if (parts.some((p) => p.startsWith('.'))) return 'a part starts with a dot (a hidden file)';
  return null;
}

/** Two names that one file system may take for the same file (case-insensitive, NFC/NFD) share this key. */
export const fileKey = (name: string): string => name.normalize('NFC').toLowerCase();

/** The `unsafe-id` lint rule for one document: a Problem of lint.ts (not imported: lint.ts imports this file). */
export function unsafeDocumentId(doc: CorpusDocument): { rule: string; severity: 'error'; file: string; line: number; column?: number; args: Record<string, string> }[] {
  const why = unsafeIdReason(doc.id);
  if (why === null) return [];
  const at = doc.origin.id;
  return [{ rule: 'unsafe-id', severity: 'error', file: at.file, line: at.line, ...(at.column !== undefined ? { column: at.column } : {}), args: { document: doc.id, why } }];
}
