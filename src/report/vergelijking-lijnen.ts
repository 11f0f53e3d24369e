/** `reports/vergelijking-lijnen.md` and `.csv`: the research lines side by side (cases with the code). */
import { groupsTable } from './compare.js';
import type { Report } from './input.js';
import { renderCsv, renderMarkdown } from './table.js';

export const vergelijkingLijnenMd: Report = {
  name: 'vergelijking-lijnen.md',
  build: ({ project, byLine, words }) =>
    byLine.groups.length === 0 ? null : renderMarkdown({ ...groupsTable(project.codebook, byLine, false, words), title: words.groups.title }),
};

export const vergelijkingLijnenCsv: Report = {
  name: 'vergelijking-lijnen.csv',
  build: ({ project, byLine, csv }) => (byLine.groups.length === 0 ? null : renderCsv(groupsTable(project.codebook, byLine, false, undefined, true), csv)),
};
