/** `reports/internationaal.md`: the country inventory (Table 3.1) regenerated from the country cases. */
import type { Project } from '../core/model.js';
import { counted, type CountOptions } from '../core/count/select.js';
import type { Report } from './input.js';
import { renderMarkdownTable } from './table.js';
import type { Words } from './words.js';

export const internationaalMd: Report = {
  name: 'internationaal.md',
  build: ({ project, count, words }) => internationaalMarkdown(project, count, words),
};

/** Table 3.1: per country the outcome of the inventory, from the codes coded in its documents. */
function internationaalMarkdown(project: Project, options: CountOptions, words: Words): string | null {
  const w = words.countries;
  const countries = project.corpus.cases.filter((c) => c.attrs.kind === 'land');
  if (countries.length === 0) return null;
  const { coded } = counted(project, options, { kind: 'land' });
  const rows = countries.map((c) => {
    const codes = project.codebook.codes.filter((code) => coded.get(code.id)?.case.has(c.id));
    return {
      land: c.attrs.name ?? c.id,
      regio: c.attrs.region ?? '',
      uitkomst: c.attrs.outcome ?? '',
      opbrengst: codes.map((code) => code.label).join('; ') || '—',
    };
  });
  return [
    `# ${w.title}`,
    '',
    w.intro(countries.length),
    '',
    renderMarkdownTable(
      [
        { key: 'land', header: w.country },
        { key: 'regio', header: w.region },
        { key: 'uitkomst', header: w.outcome },
        { key: 'opbrengst', header: w.yield },
      ],
      rows,
    ),
  ].join('\n');
}
