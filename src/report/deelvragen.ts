/**
 * `reports/deelvragen.md`: per sub-question every code with its k/n per research line and the
 * wording that k/n supports — the reverse of `findings`: the tool proposes what a report may say.
 * And `reports/internationaal.md`: the country inventory (Table 3.1) regenerated from the country cases.
 */
import { compareGroups, type GroupComparison } from '../core/count/compare.js';
import { phrase, proposeQuantifier } from '../core/claims/wording.js';
import type { Project } from '../core/model.js';
import { counted, type CountOptions } from '../core/count/select.js';
import { renderMarkdownTable } from './table.js';

const NOUNS: Record<string, string> = {
  botoc: 'BOTOC-gemeenten',
  overig: 'overige gemeenten en organisaties',
  verdiepend: 'organisaties in de verdiepende gesprekken',
  internationaal: 'landen',
};
/** How a report names the cases of a research line: "BOTOC-gemeenten", "landen", … */
export const lineNoun = (line: string) => NOUNS[line] ?? line;

const LINE_HEADERS: Record<string, string> = { botoc: 'BOTOC', overig: 'overig', verdiepend: 'verdiepend', internationaal: 'internationaal' };

export function lineComparison(project: Project, options: CountOptions): GroupComparison {
  return compareGroups(project, 'line', 'case', options);
}

export function deelvragenMarkdown(project: Project, byLine: GroupComparison, evidence: ReadonlyMap<string, string[]>): string {
  const { codebook } = project;
  const labels = new Map(codebook.codes.map((c) => [c.id, c.label]));
  const rows = new Map(byLine.rows.map((r) => [r.code, r]));
  const lines = byLine.groups.map((g) => g.value);
  const addressedBy = new Map<string, string[]>();
  for (const c of codebook.codes) for (const t of c.addresses) addressedBy.set(t, [...(addressedBy.get(t) ?? []), c.id]);
  const kn = (code: string, line: string) => {
    const g = rows.get(code)?.groups[line];
    return g ? `${g.k}/${g.n}` : '–';
  };
  const proposal = (code: string) =>
    lines
      .map((line) => {
        const g = rows.get(code)!.groups[line]!;
        return g.n > 0 && g.k > 0 ? phrase(proposeQuantifier(project.quantifiers, g.k, g.n), g.k, g.n, lineNoun(line)) : null;
      })
      .filter((x): x is string => x !== null)
      .join('; ') || 'nergens gecodeerd';
  const ev = (code: string) => {
    const ids = evidence.get(code) ?? [];
    return ids.length === 0 ? '' : ids.slice(0, 3).join(' ') + (ids.length > 3 ? ` (+${ids.length - 3})` : '');
  };

  const out = [
    '# Antwoorden per deelvraag',
    '',
    'Per deelvraag elke code met het aantal cases per onderzoekslijn waarin de code is gecodeerd (k/n, handmatige codering) en de formulering die dat aantal draagt, gekozen uit de kwantorentabel (meest specifieke eerst: geen, één, alle, bijna alle, meer dan de helft, ongeveer de helft, enkele, anders het getal). `bewijs` noemt segmenten in `segments.csv`. Gegenereerd door `werkscan code`.',
    '',
    `Populatie per lijn: ${byLine.groups.map((g) => `${g.value} n = ${g.n}`).join(', ')}.`,
    '',
  ];
  const columns = [
    { key: 'code', header: 'code' },
    { key: 'label', header: 'factor' },
    ...lines.map((l) => ({ key: l, header: LINE_HEADERS[l] ?? l, align: 'right' as const })),
    { key: 'voorstel', header: 'voorgestelde formulering' },
    { key: 'bewijs', header: 'bewijs' },
  ];
  for (const sq of codebook.subquestions) {
    const codes = codebook.codes.filter((c) => c.subquestions.includes(sq.id));
    out.push(`## ${sq.id} — ${sq.text}`, '');
    out.push(renderMarkdownTable(columns, codes.map((c) => ({ code: c.id, label: c.label, ...Object.fromEntries(lines.map((l) => [l, kn(c.id, l)])), voorstel: proposal(c.id), bewijs: ev(c.id) }))));
    const addressed = codes.filter((c) => addressedBy.has(c.id));
    if (addressed.length > 0) {
      out.push('Weggenomen of versterkt door:', '');
      for (const c of addressed) {
        const by = addressedBy.get(c.id)!.map((r) => {
          const where = lines.filter((l) => (rows.get(r)?.groups[l]?.k ?? 0) > 0).map((l) => `${LINE_HEADERS[l] ?? l} ${kn(r, l)}`);
          return `\`${r}\` ${labels.get(r)} (${where.join(', ') || 'niet gecodeerd'})`;
        });
        out.push(`- **${c.label}** (\`${c.id}\`) ← ${by.join('; ')}`);
      }
      out.push('');
    }
  }
  return out.join('\n');
}

/** Table 3.1: per country the outcome of the inventory, from the codes coded in its documents. */
export function internationaalMarkdown(project: Project, options: CountOptions): string | null {
  const countries = project.corpus.cases.filter((c) => c.attrs.kind === 'land');
  if (countries.length === 0) return null;
  const { coded } = counted(project, options, { kind: 'land' });
  const rows = countries.map((c) => {
    const codes = project.codebook.codes.filter((code) => coded.get(code.id)?.case.has(c.id));
    return {
      land: c.attrs.name ?? c.id,
      regio: c.attrs.region ?? '',
      uitkomst: c.attrs.outcome ?? '',
      opbrengst: codes.map((code) => code.label).join('; ') || '—',
    };
  });
  return [
    '# Internationale verkenning per land',
    '',
    `Tabel 3.1 van het rapport, opnieuw opgebouwd uit de ${countries.length} landendocumenten: per land de codes die in zijn documenten zijn gecodeerd. Gegenereerd door \`werkscan code\`.`,
    '',
    renderMarkdownTable(
      [
        { key: 'land', header: 'Land' },
        { key: 'regio', header: 'Regio' },
        { key: 'uitkomst', header: 'Uitkomst' },
        { key: 'opbrengst', header: 'Opbrengst verkenning (codes)' },
      ],
      rows,
    ),
  ].join('\n');
}
