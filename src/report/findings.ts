/** The findings check as a table: claim, quantifier, k/n, ✓/✗ (`werkscan findings`, `reports/findings.md`). */
import type { FindingResult } from '../core/claims/evaluate.js';
import type { Report } from './input.js';
import { renderMarkdownTable, type Table } from './table.js';

const MARK: Record<FindingResult['status'], string> = {
  reproduced: '✓',
  failed: '✗',
  'known-discrepancy': '≠',
  'stale-discrepancy': '✗',
};

const among = (f: FindingResult) => Object.entries(f.among).map(([k, v]) => `${k}=${v}`).join(', ') || 'all';

export function findingsTable(results: readonly FindingResult[]): Table {
  const rows = results.map((f) => ({
    ok: MARK[f.status],
    id: f.id,
    section: f.section,
    claim: f.claim,
    quantifier: f.quantifier,
    'k/n': `${f.k}/${f.n}`,
    unit: f.unit,
    among: among(f),
  }));
  const failed = results.filter((f) => !f.ok);
  const known = results.filter((f) => f.status === 'known-discrepancy');
  const notes = [
    `${results.length - failed.length - known.length} reproduced, ${known.length} known discrepancies, ${failed.length} failed (✓ reproduced, ≠ known discrepancy, ✗ failed)`,
    ...failed.map((f) => `✗ ${f.id}: ${failureReason(f)}`),
  ];
  return {
    columns: [
      { key: 'ok', header: '' },
      { key: 'id', header: 'id' },
      { key: 'section', header: '§' },
      { key: 'quantifier', header: 'quantifier' },
      { key: 'k/n', header: 'k/n', align: 'right' },
      { key: 'unit', header: 'unit' },
      { key: 'among', header: 'among' },
      { key: 'claim', header: 'claim' },
    ],
    sections: [{ title: '', rows }],
    notes,
  };
}

export function failureReason(f: FindingResult): string {
  switch (f.reason) {
    case 'stale':
      return `marked as a discrepancy, but ${f.k}/${f.n} bears out "${f.quantifier}" (${f.rule}): the note is stale`;
    case 'empty-population':
      return `no ${f.unit} matches among ${among(f)}`;
    case 'unknown-quantifier':
      return `unknown quantifier "${f.quantifier}"`;
    default:
      return `${f.k}/${f.n} does not bear out "${f.quantifier}" (${f.rule})`;
  }
}

export const findingsMd: Report = {
  name: 'findings.md',
  build: ({ findings }) => (findings.length === 0 ? null : findingsMarkdown(findings)),
};

function findingsMarkdown(results: readonly FindingResult[]): string {
  const t = findingsTable(results);
  const out = ['# Findings', '', 'Every quantified claim of the report, checked against the coding (`werkscan findings`).', '', t.notes![0]!, ''];
  out.push(renderMarkdownTable(t.columns, t.sections[0]!.rows));
  const known = results.filter((f) => f.status === 'known-discrepancy');
  if (known.length > 0) {
    out.push('## Known discrepancies', '', 'Claims where the report contradicts itself or its appendix; they are listed, not failed.', '');
    for (const f of known) out.push(`- **${f.id}** (§${f.section}, ${f.k}/${f.n} against "${f.quantifier}"): ${f.note}`);
    out.push('');
  }
  const failed = results.filter((f) => !f.ok);
  if (failed.length > 0) {
    out.push('## Failed', '');
    for (const f of failed) out.push(`- **${f.id}**: ${failureReason(f)}`);
    out.push('');
  }
  return out.join('\n');
}
