/**
 * `reports/index.html`: the study's one page for policy analysts, self-contained (inline style, script
 * and data; nothing loaded from elsewhere) and the same bytes for the same input. The parts are in
 * html/: data.ts works out what the heatmap shows, heatmap.ts and sections.ts write the HTML,
 * script.ts is the drill-down and the toggle, page.ts puts them together.
 */
import { claimMargins } from '../core/claims/margin.js';
import { proposeWording } from '../core/claims/wording.js';
import { DEFAULT_WORDING } from '../core/claims/quantifiers.js';
import { groupLabel, groupNoun } from './axis.js';
import { heatmapData } from './html/data.js';
import { heatmapSection } from './html/heatmap.js';
import { renderPage } from './html/page.js';
import { deelvragenSection, findingsSection } from './html/sections.js';
import { PAGE_WORDS } from './html/words.js';
import type { Report } from './input.js';
import { groupWordOf } from './words.js';
import { marginText } from './margin.js';

export const indexHtml: Report = {
  name: 'index.html',
  build: (input) => {
    const { project, population, segments, findings, byLine, language, words } = input;
    const page = PAGE_WORDS[language];
    const margins = claimMargins(project, findings, { units: false }).map((m) => marginText(m, words.findings.exact));
    const data = heatmapData(input, page, margins);
    const settings = project.settings;
    const lines = {
      comparison: byLine,
      label: (v: string) => groupLabel(settings, v),
      word: groupWordOf(settings, words),
      propose: (k: number, n: number, line: string) => {
        const band = proposeWording(project.wording ?? DEFAULT_WORDING, k, n);
        return words.deelvragen.phrase(band?.quantifier ?? String(k), k, n, groupNoun(settings, line), band?.words[language]);
      },
    };
    return renderPage({
      language,
      words,
      page,
      codebook: project.codebook,
      totals: { documents: population.document.size, respondents: population.respondent.size, cases: population.case.size, segments },
      data,
      sections: [
        heatmapSection(data, page),
        findingsSection(findings, margins, words, page),
        byLine.groups.length > 0 ? deelvragenSection(project.codebook, lines, words, page) : '',
      ],
    });
  },
};
