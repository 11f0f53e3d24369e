/** `reports/index.html`: one self-contained page (no scripts, no external files) for policy analysts. */
import type { FindingResult } from '../core/claims/evaluate.js';
import type { Codebook } from '../core/model.js';
import type { FrequencyRow } from '../core/count/select.js';
import { proposeWording } from '../core/claims/wording.js';
import { DEFAULT_WORDING } from '../core/claims/quantifiers.js';
import type { GroupComparison } from '../core/count/compare.js';
import { groupNoun } from './axis.js';
import { groupCodes } from './freq.js';
import { failureReason } from './findings.js';
import type { Report } from './input.js';
import type { Language, Words } from './words.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
main{max-width:1100px;margin:0 auto;padding:24px 28px 60px}
h1{font-size:1.6em;margin:.2em 0}h2{margin-top:2em;border-bottom:2px solid #d9dde5;padding-bottom:.2em}
h3{margin:1.4em 0 .4em;font-size:1.05em;color:#33415c}
.meta{color:#5b6478}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
.card{background:#fff;border:1px solid #e1e5ec;border-radius:8px;padding:10px 16px;min-width:120px}
.card b{display:block;font-size:1.5em}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #e1e5ec;margin:.4em 0 1em}
th,td{padding:5px 8px;border-bottom:1px solid #eef0f4;text-align:left;vertical-align:top}
th{background:#eef1f6;font-weight:600;font-size:.9em}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.zero{color:#a0a7b5}
.bar{display:inline-block;height:9px;background:#4a78c2;border-radius:2px;vertical-align:middle;margin-right:6px}
.belemmerend .bar{background:#c2574a}.stimulerend .bar{background:#3f9a5b}
.ok{color:#2b8a3e;font-weight:700}.fail{color:#c92a2a;font-weight:700}.known{color:#b35c00;font-weight:700}
code{font-size:.9em;background:#eef1f6;padding:0 3px;border-radius:3px}
details{background:#fff;border:1px solid #e1e5ec;border-radius:8px;margin:8px 0;padding:6px 12px}
summary{cursor:pointer;padding:4px 0}details table{border:none}
.note{color:#5b6478;font-size:.9em}
`;

interface HtmlInput {
  language: Language;
  words: Words;
  codebook: Codebook;
  rows: readonly FrequencyRow[];
  totals: { documents: number; respondents: number; cases: number; segments: number };
  findings: readonly FindingResult[];
  /** Research lines side by side (cases with the code), and the wording each k/n supports. */
  lines?: { comparison: GroupComparison; propose: (k: number, n: number, line: string) => string };
}

/** Per sub-question, a collapsible table: each code's k/n per research line and the proposed wording. */
function deelvragenSection(codebook: Codebook, lines: NonNullable<HtmlInput['lines']>, words: Words): string {
  const w = words.deelvragen;
  const { comparison, propose } = lines;
  const byCode = new Map(comparison.rows.map((r) => [r.code, r]));
  const values = comparison.groups.map((g) => g.value);
  const polarity = new Map(codebook.categories.map((c) => [c.id, c.polarity]));
  const cell = (g: { k: number; n: number; share: number | null } | undefined) => {
    if (!g || g.n === 0) return '<td class="n zero">–</td>';
    const width = Math.round((g.share ?? 0) * 48);
    return `<td class="n${g.k === 0 ? ' zero' : ''}"><span class="bar" style="width:${width}px"></span>${g.k}/${g.n}</td>`;
  };
  const blocks = codebook.subquestions.map((sq, i) => {
    const codes = codebook.codes.filter((c) => c.subquestions.includes(sq.id));
    const body = codes
      .map((c) => {
        const r = byCode.get(c.id)!;
        const wording = values
          .map((v) => (r.groups[v]!.k > 0 ? propose(r.groups[v]!.k, r.groups[v]!.n, v) : null))
          .filter((x): x is string => x !== null)
          .join('; ');
        return `<tr class="${esc(polarity.get(c.category) ?? '')}"><td>${esc(c.label)}<div class="note"><code>${esc(c.id)}</code></div></td>${values.map((v) => cell(r.groups[v])).join('')}<td>${esc(wording || w.codedNowhere)}</td></tr>`;
      })
      .join('\n');
    return `<details${i === 0 ? ' open' : ''}><summary><b>${esc(sq.id)}</b> — ${esc(sq.text)} <span class="note">(${esc(words.html.codesCount(codes.length))})</span></summary>
<table><thead><tr><th>${esc(w.factor)}</th>${values.map((v) => `<th>${esc(v)}</th>`).join('')}<th>${esc(w.proposal)}</th></tr></thead>
<tbody>
${body}
</tbody></table></details>`;
  });
  return `<h2>${esc(w.title)}</h2>
<p class="meta">${words.html.deelvragenNote(comparison.groups.map((g) => `${esc(g.value)} n = ${g.n}`).join(', '))}</p>
${blocks.join('\n')}`;
}

export const indexHtml: Report = {
  name: 'index.html',
  build: ({ project, rows, population, segments, findings, byLine, language, words }) =>
    renderHtml({
      language,
      words,
      codebook: project.codebook,
      rows,
      totals: { documents: population.document.size, respondents: population.respondent.size, cases: population.case.size, segments },
      findings,
      lines: byLine.groups.length > 0 ? { comparison: byLine, propose: (k, n, line) => {
        const band = proposeWording(project.wording ?? DEFAULT_WORDING, k, n);
        return words.deelvragen.phrase(band?.quantifier ?? String(k), k, n, groupNoun(project.settings, line), band?.words[language]);
      } } : undefined,
    }),
};

/** Per category a table of its codes: cases (with a bar), respondents, documents, segments. */
function frequencySection(codebook: Codebook, rows: readonly FrequencyRow[], words: Words): string {
  const h = words.header;
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const polarity = new Map(codebook.categories.map((c) => [c.id, c.polarity]));
  const maxCases = Math.max(1, ...rows.map((r) => r.cases));
  const num = (v: number) => `<td class="n${v === 0 ? ' zero' : ''}">${v}</td>`;

  return groupCodes(codebook, 'category')
    .filter((g) => g.codes.length > 0)
    .map((g) => {
      const body = g.codes
        .map((id) => byCode.get(id))
        .filter((r): r is FrequencyRow => r !== undefined)
        .map(
          (r) =>
            `<tr class="${esc(polarity.get(r.category) ?? '')}"><td><code>${esc(r.code)}</code></td><td>${esc(r.label)}</td>` +
            `<td><span class="bar" style="width:${Math.round((r.cases / maxCases) * 80)}px"></span></td>` +
            `${num(r.cases)}${num(r.respondents)}${num(r.documents)}${num(r.segments)}</tr>`,
        )
        .join('\n');
      return `<h3>${esc(g.label || g.id)}</h3>\n<table><thead><tr><th>${esc(h.code)}</th><th>${esc(h.label)}</th><th></th><th>${esc(h.cases)}</th><th>${esc(h.respondents)}</th><th>${esc(h.documents)}</th><th>${esc(h.segments)}</th></tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
    })
    .join('\n');
}

/** The findings check, opened when a claim failed. */
function findingsSection(findings: readonly FindingResult[], words: Words): string {
  const w = words.findings;
  if (findings.length === 0) return '';
  const reproduced = findings.filter((f) => f.status === 'reproduced').length;
  const known = findings.filter((f) => f.status === 'known-discrepancy').length;
  const failed = findings.filter((f) => !f.ok).length;
  const findingRows = findings
    .map((f) => {
      const mark = f.status === 'reproduced' ? '<span class="ok">✓</span>' : f.status === 'known-discrepancy' ? '<span class="known">≠</span>' : '<span class="fail">✗</span>';
      const detail = f.status === 'known-discrepancy' ? f.note : f.ok ? '' : failureReason(f, words);
      return `<tr><td>${mark}</td><td>${esc(f.section)}</td><td>${esc(f.claim)}${detail ? `<div class="note">${esc(detail)}</div>` : ''}</td><td>${esc(f.quantifier)}</td><td class="n">${f.k}/${f.n}</td><td>${esc(f.unit)}</td></tr>`;
    })
    .join('\n');
  return `<h2>${esc(words.html.findingsTitle)}</h2>
<details${failed > 0 ? ' open' : ''}><summary><b>${esc(w.counts(reproduced, known, failed))}</b> <span class="note">${esc(words.html.findingsNote)}</span></summary>
<table><thead><tr><th></th><th>§</th><th>${esc(w.claim)}</th><th>${esc(w.quantifier)}</th><th>k/n</th><th>${esc(w.unit)}</th></tr></thead>
<tbody>
${findingRows}
</tbody></table></details>`;
}

function renderHtml(input: HtmlInput): string {
  const { codebook, totals, words } = input;
  const h = words.header;
  return `<!doctype html>
<html lang="${input.language}">
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
${findingsSection(input.findings, words)}
${input.lines ? deelvragenSection(codebook, input.lines, words) : ''}
<h2>${esc(words.html.frequenciesTitle)}</h2>
<p class="meta">${esc(words.html.frequenciesNote)}</p>
${frequencySection(codebook, input.rows, words)}
</main></body>
</html>
`;
}
