/** `reports/vergelijking-lijnen.md` and `.csv`: the groups of the comparison axis side by side (cases with the code). */
import { groupsTable } from './compare.js';
import { capitalised, groupWordOf } from './words.js';
import type { Report } from './input.js';
import { renderCsv, renderMarkdown } from './table.js';

export const vergelijkingLijnenMd: Report = {
  name: 'vergelijking-lijnen.md',
  build: ({ project, byLine, words }) =>
    byLine.groups.length === 0 ? null : renderMarkdown({ ...groupsTable(project.codebook, byLine, false, words), title: words.groups.title(capitalised(groupWordOf(project.settings, words).plural)) }),
};

export const vergelijkingLijnenCsv: Report = {
  name: 'vergelijking-lijnen.csv',
  build: ({ project, byLine, csv }) => (byLine.groups.length === 0 ? null : renderCsv(groupsTable(project.codebook, byLine, false, undefined, true), csv)),
};
