/**
 * `reports/deelvragen.md`: per sub-question every code with its k/n per research line and the
 * wording that k/n supports — the reverse of `findings`: the tool proposes what a report may say.
 */
import type { FindingResult } from '../core/claims/evaluate.js';
import type { GroupComparison } from '../core/count/compare.js';
import { proposeQuantifier } from '../core/claims/wording.js';
import type { Project } from '../core/model.js';
import { groupLabel, groupNoun } from './axis.js';
import type { Report } from './input.js';
import { renderMarkdownTable } from './table.js';
import type { Words } from './words.js';

/**
 * Documents that have no value of the comparison axis (neither in their front matter nor in their case):
 * they are in no column per group, so a report that speaks per group must say that they are left out.
 */
function withoutLine(project: Project, axis: string): { documents: number; cases: string[] } {
  const cases = new Map(project.corpus.cases.map((c) => [c.id, c]));
  const missing = project.corpus.documents.filter((d) => (d.attrs[axis] ?? cases.get(d.case)?.attrs[axis]) === undefined);
  return { documents: missing.length, cases: [...new Set(missing.map((d) => d.case))] };
}

/** What the report says about the populations per line, and what it leaves out when `line` is missing. */
function populationLines(project: Project, byLine: GroupComparison, w: Words['deelvragen']): string[] {
  const axis = project.settings.comparison?.axis;
  if (axis === undefined) return [w.noAxis];
  const missing = withoutLine(project, axis);
  if (byLine.groups.length === 0) return [w.noGroups(axis)];
  const out = [w.population(byLine.groups.map((g) => `${g.value} n = ${g.n}`).join(', '))];
  if (missing.documents > 0) out.push('', w.withoutGroup(axis, w.documents(missing.documents), missing.cases));
  return out;
}

/**
 * The claim of findings.yaml that speaks of exactly this cell — one code, the comparison's unit, the
 * filter `axis = value` alone, counted by hand — and holds with the cell's k/n: its quantifier, not a
 * proposed one, is the report's wording there.
 */
function claimsByCell(findings: readonly FindingResult[], byLine: GroupComparison): Map<string, FindingResult[]> {
  const out = new Map<string, FindingResult[]>();
  for (const f of findings) {
    const keys = Object.keys(f.among);
    if (f.codes.length !== 1 || f.unit !== byLine.unit || f.status !== 'reproduced' || keys.length !== 1 || keys[0] !== byLine.attribute) continue;
    const key = `${f.codes[0]!}\u0000${f.among[byLine.attribute]!}`;
    out.set(key, [...(out.get(key) ?? []), f]);
  }
  return out;
}

/** The claims on the codes of one sub-question, in the order of findings.yaml. */
function claimLines(codes: ReadonlySet<string>, findings: readonly FindingResult[], w: Words['deelvragen']): string[] {
  const on = findings.filter((f) => f.codes.some((c) => codes.has(c)));
  if (on.length === 0) return [];
  const among = (f: FindingResult) => Object.entries(f.among).map(([k, v]) => `${k}=${v}`).join(', ');
  return [w.claimsTitle, '', ...on.map((f) => w.claim(f.codes.join(' + '), f.quantifier, f.k, f.n, among(f), f.id, f.holds)), ''];
}

function deelvragenMarkdown(project: Project, byLine: GroupComparison, evidence: ReadonlyMap<string, string[]>, words: Words, findings: readonly FindingResult[]): string {
  const w = words.deelvragen;
  const { codebook, settings } = project;
  const header = (value: string) => groupLabel(settings, value);
  const labels = new Map(codebook.codes.map((c) => [c.id, c.label]));
  const rows = new Map(byLine.rows.map((r) => [r.code, r]));
  const lines = byLine.groups.map((g) => g.value);
  const addressedBy = new Map<string, string[]>();
  for (const c of codebook.codes) for (const t of c.addresses) addressedBy.set(t, [...(addressedBy.get(t) ?? []), c.id]);
  const kn = (code: string, line: string) => {
    const g = rows.get(code)?.groups[line];
    return g ? `${g.k}/${g.n}` : '–';
  };
  const byClaim = claimsByCell(findings, byLine);
  const proposal = (code: string) =>
    lines
      .map((line) => {
        const g = rows.get(code)!.groups[line]!;
        // several claims may say it in other words: the first one's, naming them all
        const claims = (byClaim.get(`${code}\u0000${line}`) ?? []).filter((c) => c.k === g.k && c.n === g.n);
        if (claims.length > 0) return `${w.phrase(claims[0]!.quantifier, g.k, g.n, groupNoun(settings, line))} (${claims.map((c) => `\`${c.id}\``).join(', ')})`;
        return g.n > 0 && g.k > 0 ? w.phrase(proposeQuantifier(project.quantifiers, g.k, g.n), g.k, g.n, groupNoun(settings, line)) : null;
      })
      .filter((x): x is string => x !== null)
      .join('; ') || ((evidence.get(code) ?? []).length > 0 ? w.onlyWithoutGroup(byLine.attribute) : w.codedNowhere);
  const ev = (code: string) => {
    const ids = evidence.get(code) ?? [];
    return ids.length === 0 ? '' : ids.slice(0, 3).join(' ') + (ids.length > 3 ? ` (+${ids.length - 3})` : '');
  };

  const out = [`# ${w.title}`, '', lines.length > 0 ? w.intro : w.introNoGroups, '', ...populationLines(project, byLine, w), ''];
  const columns = [
    { key: 'code', header: words.header.code },
    { key: 'label', header: w.factor },
    ...lines.map((l) => ({ key: l, header: header(l), align: 'right' as const })),
    ...(lines.length > 0 ? [{ key: 'voorstel', header: w.proposal }] : []),
    { key: 'bewijs', header: w.evidence },
  ];
  // Per line where a code that addresses another is coded; without lines there is nothing to say per line.
  const coded = (r: string) => {
    if (lines.length === 0) return '';
    const where = lines.filter((l) => (rows.get(r)?.groups[l]?.k ?? 0) > 0).map((l) => `${header(l)} ${kn(r, l)}`);
    return ` (${where.join(', ') || w.notCoded})`;
  };
  for (const sq of codebook.subquestions) {
    const codes = codebook.codes.filter((c) => c.subquestions.includes(sq.id));
    out.push(`## ${sq.id} — ${sq.text}`, '');
    out.push(renderMarkdownTable(columns, codes.map((c) => ({ code: c.id, label: c.label, ...Object.fromEntries(lines.map((l) => [l, kn(c.id, l)])), voorstel: lines.length > 0 ? proposal(c.id) : '', bewijs: ev(c.id) }))));
    const addressed = codes.filter((c) => addressedBy.has(c.id));
    if (addressed.length > 0) {
      out.push(w.addressedBy, '');
      for (const c of addressed) out.push(`- **${c.label}** (\`${c.id}\`) ← ${addressedBy.get(c.id)!.map((r) => `\`${r}\` ${labels.get(r)}${coded(r)}`).join('; ')}`);
      out.push('');
    }
    out.push(...claimLines(new Set(codes.map((c) => c.id)), findings, w));
  }
  return out.join('\n');
}

export const deelvragenMd: Report = {
  name: 'deelvragen.md',
  build: ({ project, byLine, evidence, words, findings }) => deelvragenMarkdown(project, byLine, evidence, words, findings),
};
