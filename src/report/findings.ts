/** The findings check as a table: claim, quantifier, k/n, ✓/✗ (`werkscan findings`, `reports/findings.md`). */
import type { FindingResult } from '../core/claims/evaluate.js';
import type { Report } from './input.js';
import { renderMarkdownTable, type Table } from './table.js';
import { claimMargins, marginSummary, type ClaimMargin } from '../core/claims/margin.js';
import { marginText } from './margin.js';
import { WORDS, type Words } from './words.js';

const MARK: Record<FindingResult['status'], string> = {
  reproduced: '✓',
  failed: '✗',
  'known-discrepancy': '≠',
  'stale-discrepancy': '✗',
};

const among = (f: FindingResult, words: Words) => Object.entries(f.among).map(([k, v]) => `${k}=${v}`).join(', ') || words.findings.amongAll;

/** The findings check as a table; `words` sets its language (the terminal's: English). */
export function findingsTable(results: readonly FindingResult[], words: Words = WORDS.en, margins?: readonly ClaimMargin[]): Table {
  const w = words.findings;
  const rows = results.map((f, i) => ({
    ok: MARK[f.status],
    id: f.id,
    section: f.section,
    claim: f.claim,
    quantifier: f.quantifier,
    'k/n': `${f.k}/${f.n}`,
    ...(margins ? { margin: marginText(margins[i]!, w.exact) } : {}),
    unit: f.unit,
    among: among(f, words),
  }));
  const failed = results.filter((f) => !f.ok);
  const known = results.filter((f) => f.status === 'known-discrepancy');
  const notes = [
    `${w.counts(results.length - failed.length - known.length, known.length, failed.length)} ${w.legend}`,
    ...failed.map((f) => `✗ ${f.id}: ${failureReason(f, words)}`),
  ];
  return {
    columns: [
      { key: 'ok', header: '' },
      { key: 'id', header: 'id' },
      { key: 'section', header: '§' },
      { key: 'quantifier', header: w.quantifier },
      { key: 'k/n', header: 'k/n', align: 'right' },
      ...(margins ? [{ key: 'margin', header: w.margin, align: 'right' as const }] : []),
      { key: 'unit', header: w.unit },
      { key: 'among', header: w.among },
      { key: 'claim', header: w.claim },
    ],
    sections: [{ title: '', rows }],
    notes,
  };
}

export function failureReason(f: FindingResult, words: Words = WORDS.en): string {
  const w = words.findings;
  switch (f.reason) {
    case 'stale':
      return w.stale(f.k, f.n, f.quantifier, f.rule);
    case 'empty-population':
      return w.emptyPopulation(f.unit, among(f, words));
    case 'unknown-quantifier':
      return w.unknownQuantifier(f.quantifier);
    default:
      return w.notBorneOut(f.k, f.n, f.quantifier, f.rule);
  }
}

export const findingsMd: Report = {
  name: 'findings.md',
  build: ({ project, findings, words }) => {
    if (findings.length === 0) return null;
    return findingsMarkdown(findings, words, claimMargins(project, findings, { units: false }));
  },
};

function findingsMarkdown(results: readonly FindingResult[], words: Words, margins: readonly ClaimMargin[]): string {
  const w = words.findings;
  const t = findingsTable(results, words, margins);
  const s = marginSummary(margins);
  const out = [`# ${w.title}`, '', w.intro, '', t.notes![0]!, '', w.marginSummary(s.one, s.withMargin, s.exact), ''];
  out.push(renderMarkdownTable(t.columns, t.sections[0]!.rows));
  const known = results.filter((f) => f.status === 'known-discrepancy');
  if (known.length > 0) {
    out.push(`## ${w.knownTitle}`, '', w.knownIntro, '');
    for (const f of known) out.push(`- **${f.id}** (§${f.section}, ${w.known(f.k, f.n, f.quantifier)}): ${f.note}`);
    out.push('');
  }
  const failed = results.filter((f) => !f.ok);
  if (failed.length > 0) {
    out.push(`## ${w.failedTitle}`, '');
    for (const f of failed) out.push(`- **${f.id}**: ${failureReason(f, words)}`);
    out.push('');
  }
  return out.join('\n');
}
