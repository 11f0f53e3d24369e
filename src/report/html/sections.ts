/** The findings check and the answers per sub-question of index.html (the group comparison as bars). */
import type { FindingResult } from '../../core/claims/evaluate.js';
import type { GroupComparison } from '../../core/count/compare.js';
import type { Codebook } from '../../core/model.js';
import { failureReason } from '../findings.js';
import type { GroupWord, Words } from '../words.js';
import { esc } from './escape.js';
import type { PageWords } from './words.js';

/** The groups of the axis side by side, with how each is named and the wording each k/n supports. */
export interface Lines {
  comparison: GroupComparison;
  label: (value: string) => string;
  propose: (k: number, n: number, line: string) => string;
  /** What a group is called (comparison.group_word). */
  word: GroupWord;
}

const MARK: Record<FindingResult['status'], string> = {
  reproduced: '<span class="ok">✓</span>',
  failed: '<span class="fail">✗</span>',
  'known-discrepancy': '<span class="known">≠</span>',
  'stale-discrepancy': '<span class="fail">✗</span>',
};

/** The findings check with each claim's margin, opened when a claim failed. */
export function findingsSection(findings: readonly FindingResult[], margins: readonly string[], words: Words, page: PageWords): string {
  const w = words.findings;
  if (findings.length === 0) return '';
  const reproduced = findings.filter((f) => f.status === 'reproduced').length;
  const known = findings.filter((f) => f.status === 'known-discrepancy').length;
  const failed = findings.filter((f) => !f.ok).length;
  const rows = findings
    .map((f, i) => {
      const detail = f.status === 'known-discrepancy' ? f.note : f.ok ? '' : failureReason(f, words);
      return `<tr id="claim-${esc(f.id)}"><td>${MARK[f.status]}</td><td>${esc(f.section)}</td><td class="claim">${esc(f.claim)}${detail ? `<div class="note">${esc(detail)}</div>` : ''}</td><td>${esc(f.quantifier)}</td><td class="n">${f.k}/${f.n}</td><td class="n">${esc(margins[i]!)}</td><td>${esc(f.unit)}</td></tr>`;
    })
    .join('\n');
  return `<section id="findings"><h2>${esc(words.html.findingsTitle)}</h2>
<details${failed > 0 ? ' open' : ''}><summary><b>${esc(w.counts(reproduced, known, failed))}</b> <span class="note">${esc(w.legend)} ${esc(words.html.findingsNote)}</span></summary>
<div class="scroll"><table><thead><tr><th></th><th>§</th><th>${esc(w.claim)}</th><th>${esc(w.quantifier)}</th><th>k/n</th><th>${esc(page.findingsMargin)}</th><th>${esc(w.unit)}</th></tr></thead>
<tbody>
${rows}
</tbody></table></div></details></section>`;
}

/** Per sub-question, a collapsible table: each code's k/n per group of the axis as a bar, and the proposed wording. */
export function deelvragenSection(codebook: Codebook, lines: Lines, words: Words, page: PageWords): string {
  const w = words.deelvragen;
  const { comparison, propose, label } = lines;
  const byCode = new Map(comparison.rows.map((r) => [r.code, r]));
  const values = comparison.groups.map((g) => g.value);
  const polarity = new Map(codebook.categories.map((c) => [c.id, c.polarity]));
  const cell = (g: { k: number; n: number; share: number | null } | undefined, i: number) => {
    if (!g || g.n === 0) return '<td class="n zero">–</td>';
    const width = Math.round((g.share ?? 0) * 48);
    return `<td class="n${g.k === 0 ? ' zero' : ''}"><span class="bar l${i}" style="width:${width}px"></span>${g.k}/${g.n}</td>`;
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
        return `<tr class="${esc(polarity.get(c.category) ?? '')}"><td>${esc(c.label)}<div class="note"><code>${esc(c.id)}</code></div></td>${values.map((v, j) => cell(r.groups[v], j)).join('')}<td>${esc(wording || w.codedNowhere)}</td></tr>`;
      })
      .join('\n');
    return `<details${i === 0 ? ' open' : ''}><summary><b>${esc(sq.id)}</b> — ${esc(sq.text)} <span class="note">(${esc(words.html.codesCount(codes.length))})</span></summary>
<div class="scroll"><table><thead><tr><th>${esc(w.factor)}</th>${values.map((v) => `<th>${esc(label(v))}</th>`).join('')}<th>${esc(w.proposal)}</th></tr></thead>
<tbody>
${body}
</tbody></table></div></details>`;
  });
  const legend = comparison.groups.map((g, i) => `<span><i class="bar l${i}"></i>${esc(label(g.value))} (n = ${g.n})</span>`).join('');
  return `<section id="deelvragen"><h2>${esc(w.title)}</h2>
<p class="meta">${words.html.deelvragenNote(comparison.groups.map((g) => `${esc(label(g.value))} n = ${g.n}`).join(', '), esc(lines.word.singular))}</p>
<div class="legend on"><b>${esc(page.compareLegend(lines.word.singular))}:</b> ${legend}</div>
${blocks.join('\n')}</section>`;
}
