/** Tables for `compare` and `cooccur`. */
import type { Cooccurrence, GroupComparison, Matrix } from '../core/count/compare.js';
import type { Codebook, Unit } from '../core/model.js';
import { groupCodes } from './freq.js';
import type { Cell, Column, Section, Table } from './table.js';
import { WORDS, type Words } from './words.js';

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
const pp = (x: number | null) => (x === null ? '–' : `${x > 0 ? '+' : ''}${x.toFixed(0)}`);

function byCategory<T extends { code: string }>(codebook: Codebook, rows: readonly T[], cells: (r: T) => Record<string, Cell>, sort?: (a: T, b: T) => number): Section[] {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const labels = new Map(codebook.codes.map((c) => [c.id, c.label]));
  if (sort) return [{ title: '', rows: [...rows].sort(sort).map((r) => ({ code: r.code, label: labels.get(r.code) ?? '', ...cells(r) })) }];
  return groupCodes(codebook, 'category')
    .filter((g) => g.codes.length > 0)
    .map((g) => ({
      title: g.label || g.id,
      rows: g.codes.map((c) => byCode.get(c)!).filter(Boolean).map((r) => ({ code: r.code, label: labels.get(r.code) ?? '', ...cells(r) })),
    }));
}

export function matrixTable(codebook: Codebook, m: Matrix, names: ReadonlyMap<string, string>): Table {
  const columns: Column[] = [
    { key: 'code', header: 'code' },
    ...m.cases.map((c) => ({ key: `c:${c}`, header: names.get(c) ?? c, align: 'right' as const })),
    { key: 'total', header: 'total', align: 'right' },
  ];
  const sections = byCategory(codebook, m.rows, (r) => ({ ...Object.fromEntries(m.cases.map((c) => [`c:${c}`, r.counts[c]!])), total: r.total }));
  sections.push({ title: '', rows: [{ code: 'total', ...Object.fromEntries(m.cases.map((c) => [`c:${c}`, m.totals[c]!])), total: m.rows.reduce((n, r) => n + r.total, 0) }] });
  return { columns, sections, notes: [`unit: ${m.unit}${m.unit === 'case' ? ' (1 = coded in the case)' : ` (${m.unit}s with the code, per case)`}`] };
}

/** What `compare --group-by` counts per group (--unit): the units of the matrix but segment. */
export const GROUP_UNITS = ['case', 'respondent', 'document'] as const satisfies readonly Unit[];
/** The orders of `compare --group-by` (--sort): codebook order, or the largest difference first. */
export const GROUP_SORTS = ['code', 'diff'] as const;

/** The groups side by side; `words` sets the language of headers and note (the terminal's: English). */
export function groupsTable(codebook: Codebook, g: GroupComparison, sortByDiff: boolean, words: Words = WORDS.en): Table {
  const columns: Column[] = [
    { key: 'code', header: words.header.code },
    { key: 'label', header: words.header.label },
    ...g.groups.flatMap((x) => [
      { key: `k:${x.value}`, header: `${x.value} k/n`, align: 'right' as const },
      { key: `s:${x.value}`, header: '%', align: 'right' as const },
    ]),
    { key: 'diff', header: g.groups.length === 2 ? `Δ pp (${g.groups[0]!.value} − ${g.groups[1]!.value})` : 'Δ pp (max − min)', align: 'right' },
  ];
  const cells = (r: GroupComparison['rows'][number]) => ({
    ...Object.fromEntries(g.groups.flatMap((x) => [[`k:${x.value}`, `${r.groups[x.value]!.k}/${r.groups[x.value]!.n}`], [`s:${x.value}`, pct(r.groups[x.value]!.share)]])),
    diff: pp(r.diff),
  });
  const sort = sortByDiff ? (a: { diff: number | null; code: string }, b: { diff: number | null; code: string }) => Math.abs(b.diff ?? -1) - Math.abs(a.diff ?? -1) : undefined;
  return {
    columns,
    sections: byCategory(codebook, g.rows, cells, sort),
    notes: [words.groups.note(g.unit, g.attribute, g.groups.map((x) => `${x.value} (n = ${x.n})`).join(', '))],
  };
}

export function cooccurTable(codebook: Codebook, c: Cooccurrence, min: number): Table {
  const labels = new Map(codebook.codes.map((x) => [x.id, x.label]));
  const units = new Map(c.codes.map((x) => [x.code, x.units]));
  const rows = c.pairs.filter((p) => p.count >= min).map((p) => ({ a: p.a, b: p.b, count: p.count, 'units a': units.get(p.a) ?? 0, 'units b': units.get(p.b) ?? 0, labels: `${labels.get(p.a)} × ${labels.get(p.b)}` }));
  return {
    columns: [
      { key: 'a', header: 'code a' },
      { key: 'b', header: 'code b' },
      { key: 'count', header: 'together', align: 'right' },
      { key: 'units a', header: 'a', align: 'right' },
      { key: 'units b', header: 'b', align: 'right' },
      { key: 'labels', header: 'labels' },
    ],
    sections: [{ title: '', rows }],
    notes: [`within ${c.within}: ${c.within === 'segment' ? 'pairs of overlapping segments' : `${c.within}s holding both codes`}; pairs with at least ${min}`],
  };
}

/** The full code × code matrix (for spreadsheets): diagonal = units with the code. */
export function cooccurMatrix(c: Cooccurrence): Table {
  const codes = c.codes.map((x) => x.code);
  const count = new Map(c.pairs.flatMap((p) => [[`${p.a}\u0000${p.b}`, p.count], [`${p.b}\u0000${p.a}`, p.count]]));
  const diag = new Map(c.codes.map((x) => [x.code, x.units]));
  return {
    columns: [{ key: 'code', header: 'code' }, ...codes.map((x) => ({ key: x, header: x, align: 'right' as const }))],
    sections: [{ title: '', rows: codes.map((a) => ({ code: a, ...Object.fromEntries(codes.map((b) => [b, a === b ? diag.get(a)! : count.get(`${a}\u0000${b}`) ?? 0])) })) }],
  };
}
