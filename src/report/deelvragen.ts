/**
 * `reports/deelvragen.md`: per sub-question what its answer leads with (`leads:` of findings.yaml), every
 * code with its k/n per research line and the wording that k/n supports — a claim's where one covers the
 * cell, else the default bands of quantifiers.yaml — and the researchers' own recommendations and
 * conclusions with the segments they rest on, never with a count.
 */
import type { FindingResult } from '../core/claims/evaluate.js';
import type { GroupComparison } from '../core/count/compare.js';
import { DEFAULT_WORDING } from '../core/claims/quantifiers.js';
import { proposeWording } from '../core/claims/wording.js';
import type { Code, Project, WordingBand } from '../core/model.js';
import { groupFilter, groupLabel, groupNoun } from './axis.js';
import type { Report } from './input.js';
import { renderMarkdownTable } from './table.js';
import { groupWordOf, type GroupWord, type Language, type Words } from './words.js';

/**
 * Documents that have no value of the comparison axis (neither in their front matter nor in their case):
 * they are in no column per group, so a report that speaks per group must say that they are left out.
 */
function withoutLine(project: Project, axis: string): { documents: number; cases: string[] } {
  const cases = new Map(project.corpus.cases.map((c) => [c.id, c]));
  const missing = project.corpus.documents.filter((d) => (d.attrs[axis] ?? cases.get(d.case)?.attrs[axis]) === undefined);
  return { documents: missing.length, cases: [...new Set(missing.map((d) => d.case))] };
}

/** Per group with a `comparison.population`, the cases that have the group's value but fall outside it. */
function outsidePopulation(project: Project, axis: string, value: string): string[] {
  const filter = Object.entries(groupFilter(project.settings, value));
  const cases = new Map(project.corpus.cases.map((c) => [c.id, c]));
  const attr = (d: Project['corpus']['documents'][number], key: string) => d.attrs[key] ?? cases.get(d.case)?.attrs[key];
  const docs = project.corpus.documents.filter((d) => attr(d, axis) === value && filter.some(([k, v]) => attr(d, k) !== v));
  return [...new Set(docs.map((d) => cases.get(d.case)?.attrs.name ?? d.case))];
}

/** What the report says about the populations per line, and what it leaves out when `line` is missing. */
function populationLines(project: Project, byLine: GroupComparison, w: Words['deelvragen'], word: GroupWord): string[] {
  const axis = project.settings.comparison?.axis;
  if (axis === undefined) return [w.noAxis];
  const missing = withoutLine(project, axis);
  if (byLine.groups.length === 0) return [w.noGroups(axis, word.singular, word.plural)];
  const out = [w.population(byLine.groups.map((g) => `${g.value} n = ${g.n}`).join(', '), word.singular)];
  for (const g of byLine.groups) {
    const filter = Object.entries(groupFilter(project.settings, g.value)).filter(([k]) => k !== axis);
    const outside = filter.length > 0 ? outsidePopulation(project, axis, g.value) : [];
    if (outside.length > 0) out.push('', w.outsidePopulation(g.value, filter.map(([k, v]) => `${k} = ${v}`).join(', '), outside));
  }
  if (missing.documents > 0) out.push('', w.withoutGroup(axis, w.documents(missing.documents), missing.cases, word.singular));
  return out;
}

/**
 * The claims of findings.yaml that speak of exactly one cell — one code, the comparison's unit, the
 * group's population (the axis value and what `comparison.population` adds) — and hold: their
 * quantifier, not a proposed one, is the report's wording there.
 */
function claimsByCell(project: Project, findings: readonly FindingResult[], byLine: GroupComparison): Map<string, FindingResult[]> {
  const out = new Map<string, FindingResult[]>();
  const same = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) =>
    Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => Object.hasOwn(b, k) && b[k] === v);
  for (const g of byLine.groups) {
    const filter = groupFilter(project.settings, g.value);
    for (const f of findings) {
      if (f.codes.length !== 1 || f.unit !== byLine.unit || f.status !== 'reproduced' || !same(f.among, filter)) continue;
      const key = `${f.codes[0]!}\u0000${g.value}`;
      out.set(key, [...(out.get(key) ?? []), f]);
    }
  }
  return out;
}

const among = (f: FindingResult) => Object.entries(f.among).map(([k, v]) => `${k}=${v}`).join(', ');

/** The claims on the codes of one sub-question, in the order of findings.yaml. */
function claimLines(codes: ReadonlySet<string>, findings: readonly FindingResult[], w: Words['deelvragen']): string[] {
  const on = findings.filter((f) => f.codes.some((c) => codes.has(c)));
  if (on.length === 0) return [];
  return [w.claimsTitle, '', ...on.map((f) => w.claim(f.codes.join(' + '), f.quantifier, f.k, f.n, among(f), f.id, f.holds)), ''];
}

interface Context {
  project: Project;
  byLine: GroupComparison;
  evidence: ReadonlyMap<string, string[]>;
  words: Words;
  language: Language;
  findings: readonly FindingResult[];
  bands: readonly WordingBand[];
}

const isResearchers = (c: Code | undefined) => c !== undefined && (c.kind ?? 'mention') !== 'mention';

/** How the report language writes a quantifier of the table: the band's words when a band stands for it. */
function say(ctx: Context, quantifier: string): string {
  return ctx.bands.find((b) => b.quantifier === quantifier)?.words[ctx.language] ?? quantifier;
}

/** Per line the wording of k/n: a covering claim's (naming it), else the first band that holds. */
function proposal(ctx: Context, code: string, byClaim: Map<string, FindingResult[]>): string {
  const { project, byLine, evidence } = ctx;
  const w = ctx.words.deelvragen;
  const row = byLine.rows.find((r) => r.code === code)!;
  const parts = byLine.groups.map(({ value: line }) => {
    const g = row.groups[line]!;
    const noun = groupNoun(project.settings, line);
    // several claims may say it in other words: the first one's, naming them all
    const claims = (byClaim.get(`${code}\u0000${line}`) ?? []).filter((c) => c.k === g.k && c.n === g.n);
    if (claims.length > 0) return `${w.phrase(claims[0]!.quantifier, g.k, g.n, noun, say(ctx, claims[0]!.quantifier))} (${claims.map((c) => `\`${c.id}\``).join(', ')})`;
    if (g.n === 0 || g.k === 0) return null;
    const band = proposeWording(ctx.bands, g.k, g.n);
    return w.phrase(band?.quantifier ?? String(g.k), g.k, g.n, noun, band?.words[ctx.language]);
  });
  return parts.filter((x): x is string => x !== null).join('; ') || ((evidence.get(code) ?? []).length > 0 ? w.onlyWithoutGroup(byLine.attribute, groupWordOf(project.settings, ctx.words).singular) : w.codedNowhere);
}

/** The segments a recommendation or conclusion rests on, every one of them. */
const restsOn = (ctx: Context, code: string) => ctx.words.deelvragen.restsOn(ctx.evidence.get(code) ?? []);

/** What the answer leads with: claims with their quantifier and id, researchers' codes with evidence. */
function leadLines(ctx: Context, sq: string, byClaim: Map<string, FindingResult[]>): string[] {
  const ids = ctx.project.leads?.get(sq) ?? [];
  if (ids.length === 0) return [];
  const w = ctx.words.deelvragen;
  const codes = new Map(ctx.project.codebook.codes.map((c) => [c.id, c]));
  const lines = ids.map((id, i) => {
    const f = ctx.findings.find((x) => x.id === id);
    if (f) return `${i + 1}. ${w.leadClaim(say(ctx, f.quantifier), f.k, f.n, among(f), f.claim, f.id, f.holds)}`;
    const c = codes.get(id)!;
    const how = isResearchers(c) ? `${w.kind[c.kind as 'recommendation' | 'conclusion']}; ${restsOn(ctx, id)}` : proposal(ctx, id, byClaim);
    return `${i + 1}. **${c.label}** (\`${id}\`) — ${how}`;
  });
  return [w.leadTitle, '', ...lines, ''];
}

// Long: one sub-question after another, each with its lead, table, researchers' codes, links and claims.
function deelvragenMarkdown(ctx: Context): string {
  const { project, byLine, evidence, words } = ctx;
  const w = words.deelvragen;
  const { codebook, settings } = project;
  const header = (value: string) => groupLabel(settings, value);
  const byId = new Map(codebook.codes.map((c) => [c.id, c]));
  const rows = new Map(byLine.rows.map((r) => [r.code, r]));
  const lines = byLine.groups.map((g) => g.value);
  const addressedBy = new Map<string, string[]>();
  for (const c of codebook.codes) for (const t of c.addresses) addressedBy.set(t, [...(addressedBy.get(t) ?? []), c.id]);
  const kn = (code: string, line: string) => {
    const g = rows.get(code)?.groups[line];
    return g ? `${g.k}/${g.n}` : '–';
  };
  const byClaim = claimsByCell(project, ctx.findings, byLine);
  const ev = (code: string) => {
    const ids = evidence.get(code) ?? [];
    return ids.length === 0 ? '' : ids.slice(0, 3).join(' ') + (ids.length > 3 ? ` (+${ids.length - 3})` : '');
  };

  const bandWords = ctx.bands.map((b) => b.words[ctx.language]).join(', ');
  const out = [`# ${w.title}`, '', lines.length > 0 ? w.intro(bandWords, groupWordOf(project.settings, words).singular) : w.introNoGroups, '', ...populationLines(project, byLine, w, groupWordOf(project.settings, words)), ''];
  const columns = [
    { key: 'code', header: words.header.code },
    { key: 'label', header: w.factor },
    ...lines.map((l) => ({ key: l, header: header(l), align: 'right' as const })),
    ...(lines.length > 0 ? [{ key: 'voorstel', header: w.proposal }] : []),
    { key: 'bewijs', header: w.evidence },
  ];
  // Per line where a code that addresses another is coded (a researchers' code: what it rests on).
  const coded = (r: string) => {
    if (isResearchers(byId.get(r))) return ` (${w.kind[byId.get(r)!.kind as 'recommendation' | 'conclusion']}; ${restsOn(ctx, r)})`;
    if (lines.length === 0) return '';
    const where = lines.filter((l) => (rows.get(r)?.groups[l]?.k ?? 0) > 0).map((l) => `${header(l)} ${kn(r, l)}`);
    return ` (${where.join(', ') || w.notCoded})`;
  };
  for (const sq of codebook.subquestions) {
    const all = codebook.codes.filter((c) => c.subquestions.includes(sq.id));
    // a researchers' code the answer already leads with is not listed twice
    const led = new Set(project.leads?.get(sq.id) ?? []);
    const [counted, researchers] = [all.filter((c) => !isResearchers(c)), all.filter((c) => isResearchers(c) && !led.has(c.id))];
    out.push(`## ${sq.id} — ${sq.text}`, '', ...leadLines(ctx, sq.id, byClaim));
    out.push(renderMarkdownTable(columns, counted.map((c) => ({ code: c.id, label: c.label, ...Object.fromEntries(lines.map((l) => [l, kn(c.id, l)])), voorstel: lines.length > 0 ? proposal(ctx, c.id, byClaim) : '', bewijs: ev(c.id) }))));
    if (researchers.length > 0) {
      out.push(w.researchersTitle, '');
      for (const c of researchers) out.push(`- **${c.label}** (\`${c.id}\`) — ${w.kind[c.kind as 'recommendation' | 'conclusion']}; ${restsOn(ctx, c.id)}`);
      out.push('');
    }
    const addressed = all.filter((c) => addressedBy.has(c.id));
    if (addressed.length > 0) {
      out.push(w.addressedBy, '');
      for (const c of addressed) out.push(`- **${c.label}** (\`${c.id}\`) ← ${addressedBy.get(c.id)!.map((r) => `\`${r}\` ${byId.get(r)?.label}${coded(r)}`).join('; ')}`);
      out.push('');
    }
    out.push(...claimLines(new Set(all.map((c) => c.id)), ctx.findings, w));
  }
  return out.join('\n');
}

export const deelvragenMd: Report = {
  name: 'deelvragen.md',
  build: ({ project, byLine, evidence, words, language, findings }) =>
    deelvragenMarkdown({ project, byLine, evidence, words, language, findings, bands: project.wording ?? DEFAULT_WORDING }),
};
