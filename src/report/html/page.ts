/** index.html's frame: head with the inline style, the study's figures, the sections, the drill-down panel and the data. */
import type { Codebook } from '../../core/model.js';
import type { Language, Words } from '../words.js';
import type { HeatmapData } from './data.js';
import { esc, scriptJson } from './escape.js';
import { SCRIPT } from './script.js';
import { STYLE } from './style.js';
import type { PageWords } from './words.js';

export interface Page {
  language: Language;
  words: Words;
  page: PageWords;
  codebook: Codebook;
  totals: { documents: number; respondents: number; cases: number; segments: number };
  data: HeatmapData;
  /** The sections below the figures, in order, as HTML. */
  sections: string[];
}

/** What the script needs, once: names, segments, claims, colour scales and its words. */
function pageData(d: HeatmapData, page: PageWords) {
  return {
    cases: d.cases.map((c) => [c.id, c.name]),
    codes: d.codes.map((c) => [c.id, c.label]),
    scales: d.scales,
    docs: d.docs,
    segs: d.segments,
    claims: d.claims,
    words: page.client,
  };
}

export function renderPage(p: Page): string {
  const { codebook, totals, words } = p;
  const h = words.header;
  return `<!doctype html>
<html lang="${p.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(codebook.title || 'werkscan')} — werkscan</title>
<style>${STYLE}</style>
</head>
<body><main>
<h1>${esc(codebook.title || words.html.untitled)}</h1>
<p class="meta">${words.html.generated}</p>
<div class="cards">
<div class="card"><b>${totals.cases}</b>${esc(h.cases)}</div>
<div class="card"><b>${totals.documents}</b>${esc(h.documents)}</div>
<div class="card"><b>${totals.respondents}</b>${esc(h.respondents)}</div>
<div class="card"><b>${totals.segments}</b>${esc(words.html.codedSegments)}</div>
<div class="card"><b>${codebook.codes.length}</b>${esc(words.html.codes)}</div>
</div>
${p.sections.filter((s) => s !== '').join('\n')}
</main>
<aside id="drill" role="dialog" aria-labelledby="drill-title" hidden>
<div class="head"><h3 id="drill-title" tabindex="-1"></h3><button type="button" id="drill-close">${esc(p.page.client.close)}</button></div>
<div id="drill-body"></div>
</aside>
<script type="application/json" id="werkscan-data">${scriptJson(pageData(p.data, p.page))}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
