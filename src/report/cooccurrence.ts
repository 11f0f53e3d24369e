/** `reports/cooccurrence.csv`: pairs of codes coded in the same turn. */
import { cooccurrence } from '../core/count/compare.js';
import { cooccurTable } from './compare.js';
import type { Report } from './input.js';
import { renderCsv } from './table.js';

export const cooccurrenceCsv: Report = {
  name: 'cooccurrence.csv',
  build: ({ project, count, csv }) => renderCsv(cooccurTable(project.codebook, cooccurrence(project, 'turn', count), 1), csv),
};
