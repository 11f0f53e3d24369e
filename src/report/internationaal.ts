/** `reports/internationaal.md`: the country inventory (Table 3.1) regenerated from the country cases. */
import type { Project } from '../core/model.js';
import { counted, type CountOptions } from '../core/count/select.js';
import type { Report } from './input.js';
import { renderMarkdownTable } from './table.js';

export const internationaalMd: Report = {
  name: 'internationaal.md',
  build: ({ project, count }) => internationaalMarkdown(project, count),
};

/** Table 3.1: per country the outcome of the inventory, from the codes coded in its documents. */
function internationaalMarkdown(project: Project, options: CountOptions): string | null {
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
    '# Internationale verkenning per land',
    '',
    `Tabel 3.1 van het rapport, opnieuw opgebouwd uit de ${countries.length} landendocumenten: per land de codes die in zijn documenten zijn gecodeerd. Gegenereerd door \`werkscan code\`.`,
    '',
    renderMarkdownTable(
      [
        { key: 'land', header: 'Land' },
        { key: 'regio', header: 'Regio' },
        { key: 'uitkomst', header: 'Uitkomst' },
        { key: 'opbrengst', header: 'Opbrengst verkenning (codes)' },
      ],
      rows,
    ),
  ].join('\n');
}
