/** `reports/matrix.csv` (case × code, in segments) and `reports/evidence.csv` (the segments behind each cell). */
import type { Report } from './input.js';
import { matrixTable } from './compare.js';
import { renderCsv } from './table.js';
import type { Case } from '../core/model.js';

/** Each case's name (its `name` in cases.yaml), else its id. */
export const caseNames = (cases: readonly Case[]): Map<string, string> => new Map(cases.map((c) => [c.id, c.attrs.name ?? c.id]));

export const matrixCsv: Report = {
  name: 'matrix.csv',
  build: ({ project: { codebook, corpus }, matrix, csv }) => renderCsv(matrixTable(codebook, matrix, caseNames(corpus.cases), true), csv),
};

export const evidenceCsv: Report = {
  name: 'evidence.csv',
  build: ({ matrix, csv }) => {
    const rows = matrix.rows.flatMap((r) => matrix.cases.filter((c) => r.segments[c]!.length > 0).map((c) => ({ code: r.code, case: c, segments: String(r.segments[c]!.length), ids: r.segments[c]!.join(' ') })));
    return renderCsv({ columns: ['code', 'case', 'segments', 'ids'].map((k) => ({ key: k, header: k })), sections: [{ title: '', rows }] }, csv);
  },
};
