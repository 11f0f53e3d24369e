/**
 * `reports/term-matches.csv`: per code and term, every distinct surface form it matched (lowercased)
 * and how often, so a change to a term shows in review exactly which new words it catches.
 */
import { compareText } from '../core/text/collate.js';
import type { Codebook } from '../core/model.js';
import { csvStringify, type CsvOptions } from './csv.js';
import type { Report } from './input.js';

export const termMatchesCsv: Report = {
  name: 'term-matches.csv',
  build: ({ project, auto, csv }) => termMatches(project.codebook, auto.termCounts, csv),
};

/** The rows in codebook order of code and term, then most frequent surface first. */
function termMatches(codebook: Codebook, counts: ReadonlyMap<string, number>, options: CsvOptions): string {
  const order = new Map<string, number>();
  codebook.codes.forEach((c, i) => c.terms.forEach((t, j) => order.set(`${c.id}\u0000${t}`, i * 10_000 + j)));
  const rows = [...counts].map(([key, n]) => [...key.split('\u0000'), String(n)] as [string, string, string, string]);
  rows.sort((a, b) => (order.get(`${a[0]}\u0000${a[1]}`) ?? 0) - (order.get(`${b[0]}\u0000${b[1]}`) ?? 0) || Number(b[3]) - Number(a[3]) || compareText(a[2], b[2]));
  return (options.bom ? '\ufeff' : '') + csvStringify([['code', 'term', 'surface', 'count'], ...rows], options.delimiter ?? ',');
}
