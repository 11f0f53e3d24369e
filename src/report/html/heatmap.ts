/**
 * The heatmap of index.html as HTML: cases × codes, coloured by count, with a subtotal per group of
 * cases, a row total and a column total. Every cell carries its three counts (segments, respondents,
 * presence) in `data-v`, so the page's script switches between them without recounting; a cell with
 * segments links to `#cell=CASE/CODE`, which opens its drill-down.
 */
import { level, MODES, type HeatmapData } from './data.js';
import { esc, fragment } from './escape.js';
import type { PageWords } from './words.js';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The legend of one mode's colour scale: a swatch per level with the counts it stands for. */
function legend(scale: readonly [number, number][], mode: number, words: PageWords): string {
  const items = scale.map(([b, cls], i) => {
    const from = i === 0 ? 1 : scale[i - 1]![0] + 1;
    return `<span><i class="h${cls}"></i>${from === b ? b : `${from}–${b}`}</span>`;
  });
  return `<div class="legend${mode === 0 ? ' on' : ''}" data-mode="${mode}"><b>${esc(words.legend)}:</b> <span><i class="h0"></i>0</span>${items.join('')}<p class="note">${esc(words.modeNotes[mode]!)}</p></div>`;
}

export function heatmapSection(d: HeatmapData, words: PageWords): string {
  const groupStart = new Set(d.columns.map((g) => g.cases[0]));
  const width = 1 + d.cases.length + d.columns.length + 1;
  const cellsOf = (code: number) => d.counts.map((m) => m[code]!);
  // Per column of the table (cases, then a subtotal after each group, then the total), a function from a
  // mode's row of counts to its value.
  const columns: { head: string; value: (row: readonly number[]) => number; cell?: number }[] = [];
  for (const g of d.columns) {
    for (const c of g.cases) columns.push({ head: '', value: (row) => row[c]!, cell: c });
    columns.push({ head: words.groupTotal(g.label), value: (row) => sum(g.cases.map((c) => row[c]!)) });
  }
  columns.push({ head: words.total, value: (row) => sum(row) });

  const dataV = (rows: readonly (readonly number[])[], col: (typeof columns)[number]) => rows.map((r) => col.value(r)).join(' ');
  const codeRow = (i: number, polarity: string) => {
    const code = d.codes[i]!;
    const rows = cellsOf(i);
    const others = code.subquestions.slice(1);
    const title = `${code.label} (${code.id}${others.length ? `; ${words.otherSubquestions(others.join(', '))}` : ''})`;
    const tds = columns.map((col) => {
      if (col.cell === undefined) return `<td class="t${col.value(rows[0]!) === 0 ? ' z' : ''}" data-v="${dataV(rows, col)}">${col.value(rows[0]!)}</td>`;
      const c = col.cell;
      const v = rows[0]![c]!;
      const gs = groupStart.has(c) ? ' gs' : '';
      if (v === 0) return `<td class="h0${gs}"></td>`;
      const href = `#cell=${fragment(d.cases[c]!.id)}/${fragment(code.id)}`;
      return `<td class="h${level(d.scales[0]!, v)}${gs}" data-v="${dataV(rows, col)}"><a href="${href}">${v}</a></td>`;
    });
    return `<tr class="${esc(polarity)}"><th scope="row"><a href="#code=${fragment(code.id)}" title="${esc(title)}">${esc(code.label)}</a></th>${tds.join('')}</tr>`;
  };

  const body = d.rows.map((g) => {
    const sq = g.subquestion ? `${g.subquestion.id} — ${g.subquestion.text}` : words.withoutSubquestion;
    const cats = g.categories.map((cat) => {
      const head = cat.label ? `<tr class="cat ${esc(cat.polarity)}"><th colspan="${width}"><span>${esc(cat.label)} <em>${esc(cat.polarity)}</em></span></th></tr>\n` : '';
      return head + cat.codes.map((i) => codeRow(i, cat.polarity)).join('\n');
    });
    return `<tbody>\n<tr class="sq"><th colspan="${width}"><span>${esc(sq)}</span></th></tr>\n${cats.join('\n')}\n</tbody>`;
  });

  const groupHead = d.columns.map((g) => `<th class="grp" colspan="${g.cases.length}">${esc(g.label)} <span class="note">(${g.cases.length})</span></th><th class="t" rowspan="2"><span>${esc(words.groupTotal(g.label))}</span></th>`).join('');
  const caseHead = d.cases.map((c, i) => `<th class="case${groupStart.has(i) ? ' gs' : ''}" scope="col"><a href="#case=${fragment(c.id)}" title="${esc(c.name)}"><span>${esc(c.name)}</span></a></th>`).join('');
  const perCase = d.counts.map((m) => d.cases.map((_, c) => sum(m.map((row) => row[c]!))));
  const foot = columns.map((col) => `<td class="t${col.cell !== undefined && groupStart.has(col.cell) ? ' gs' : ''}" data-v="${dataV(perCase, col)}">${col.value(perCase[0]!)}</td>`).join('');

  const modes = words.modes.map((m, i) => `<label><input type="radio" name="hm-mode" value="${i}"${i === 0 ? ' checked' : ''}> ${esc(m)}</label>`).join('');
  return `<section id="heatmap">
<h2>${esc(words.heatmapTitle)}</h2>
<p class="meta">${esc(words.heatmapNote(d.axis))}</p>${d.axis !== null && d.crossing.length > 0 ? `\n<p class="meta">${esc(words.crossing(d.axis, d.crossing))}</p>` : ''}
<div class="controls"><fieldset class="modes"><legend>${esc(words.countLabel)}</legend>${modes}</fieldset>
${Array.from({ length: MODES }, (_, m) => legend(d.scales[m]!, m, words)).join('\n')}</div>
<div class="hm-box" role="region" aria-label="${esc(words.region)}" tabindex="0">
<table class="hm" data-mode="0">
<thead><tr><th class="corner" rowspan="2" scope="col">${esc(words.code)}</th>${groupHead}<th class="t" rowspan="2"><span>${esc(words.total)}</span></th></tr>
<tr>${caseHead}</tr></thead>
${body.join('\n')}
<tfoot><tr><th scope="row">${esc(words.total)}</th>${foot}</tr></tfoot>
</table></div>
</section>`;
}
