/** The table of `werkscan privacy`: where personal data may be left in the corpus. */
import type { Table } from './table.js';

export interface PrivacyHit {
  file: string;
  line: number;
  column: number;
  kind: string;
  masked: string;
}

export function privacyTable(hits: readonly PrivacyHit[]): Table {
  return {
    columns: [
      { key: 'where', header: 'file:line:column' },
      { key: 'kind', header: 'kind' },
      { key: 'masked', header: 'found (masked)' },
    ],
    sections: [{ title: '', rows: hits.map((h) => ({ where: `${h.file}:${h.line}:${h.column}`, kind: h.kind, masked: h.masked })) }],
    notes: [`${hits.length} possible personal data in ${new Set(hits.map((h) => h.file)).size} files; replace them with [naam], [adres], … before sharing the corpus`],
  };
}
