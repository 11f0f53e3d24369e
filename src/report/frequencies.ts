/** `reports/frequencies.md` (per category and per sub-question) and `reports/frequencies.csv` (flat). */
import { freqTable } from './freq.js';
import type { Report } from './input.js';
import { renderCsv, renderMarkdown } from './table.js';

export const frequenciesMd: Report = {
  name: 'frequencies.md',
  build: ({ project: { codebook }, rows, population, segments, words }) => {
    const w = words.frequencies;
    const header = [
      `# ${w.title(codebook.title || 'werkscan')}`,
      '',
      w.intro(population.document.size, population.respondent.size, population.case.size, segments),
      '',
    ].join('\n');
    const byCategory = renderMarkdown(freqTable(codebook, rows, { by: 'category', title: w.byCategory, words }));
    const bySubquestion = renderMarkdown(freqTable(codebook, rows, { by: 'subquestion', title: w.bySubquestion, words }));
    return `${header}\n${byCategory}\n${bySubquestion}`;
  },
};

export const frequenciesCsv: Report = {
  name: 'frequencies.csv',
  build: ({ project: { codebook }, rows, csv }) => {
    const polarity = new Map(codebook.categories.map((c) => [c.id, c.polarity]));
    const subquestions = new Map(codebook.codes.map((c) => [c.id, c.subquestions.join(' ')]));
    const flat = freqTable(codebook, rows);
    flat.columns.splice(3, 0, { key: 'polarity', header: 'polarity' }, { key: 'subquestions', header: 'subquestions' });
    for (const r of flat.sections[0]!.rows) {
      r.polarity = polarity.get(String(r.category)) ?? '';
      r.subquestions = subquestions.get(String(r.code)) ?? '';
    }
    return renderCsv(flat, csv);
  },
};
