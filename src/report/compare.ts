/** Tables for `compare` and `cooccur`. */
import type { Cooccurrence, GroupComparison, Matrix } from '../core/count/compare.js';
import type { Codebook, Unit } from '../core/model.js';
import { groupCodes } from './freq.js';
import type { Cell, Column, Section, Table } from './table.js';
import { WORDS, type Words } from './words.js';

/**
 * `num / den` rounded to a whole number, halves away from zero, in integer arithmetic: `k / n * 100` in
 * floating point is 57.49999999999999 for 23/40, which `Math.round` and `toFixed` take down to 57.
 */
function roundRatio(num: number, den: number): number {
  const q = Math.floor((2 * Math.abs(num) + den) / (2 * den));
  return num < 0 ? -q : q;
}

type Share = GroupComparison['rows'][number]['groups'][string];

// @testOnly: exported for test/report/compare.test.ts
/** A group's share in whole percent (k/n, exact). */
export const percent = (s: Share): number | null => (s.n === 0 ? null : roundRatio(s.k * 100, s.n));

/**
 * The Δ column in whole percentage points, from the unrounded shares (k/n, exact) and rounded once:
 * first minus second of two groups, else largest minus smallest. 100% and 62.5% (5/8) are +38, though
 * the two shares are shown as 100% and 63%.
 */
export function points(row: GroupComparison['rows'][number], values: readonly string[]): number | null {
  const shares = values.map((v) => row.groups[v]!).filter((s) => s.n > 0);
  if (shares.length < 2) return null;
  const less = (a: Share, b: Share) => a.k * b.n < b.k * a.n;
  const [a, b] = shares.length === 2 && values.length === 2 ? [shares[0]!, shares[1]!] : [shares.reduce((m, s) => (less(m, s) ? s : m)), shares.reduce((m, s) => (less(s, m) ? s : m))];
  return roundRatio((a.k * b.n - b.k * a.n) * 100, a.n * b.n);
}

const pct = (x: number | null) => (x === null ? '–' : `${x}%`);
const pp = (x: number | null) => (x === null ? '–' : `${x > 0 ? '+' : ''}${x}`);

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

/**
 * The case × code matrix, a column per case headed by `names` (its name); `labels` (CSV, the workbook)
 * adds the codes' labels beside their ids. A name two cases share is told apart by the id: `Name (id)`.
 */
export function matrixTable(codebook: Codebook, m: Matrix, names: ReadonlyMap<string, string>, labels = false): Table {
  const shown = caseHeaders(m.cases, names);
  const columns: Column[] = [
    { key: 'code', header: 'code' },
    ...(labels ? [{ key: 'label', header: 'label' }] : []),
    ...m.cases.map((c) => ({ key: `c:${c}`, header: shown.get(c)!, csv: shown.get(c)!, align: 'right' as const })),
    { key: 'total', header: 'total', align: 'right' },
  ];
  const sections = byCategory(codebook, m.rows, (r) => ({ ...Object.fromEntries(m.cases.map((c) => [`c:${c}`, r.counts[c]!])), total: r.total }));
  if (!labels) for (const s of sections) for (const r of s.rows) delete r.label;
  sections.push({ title: '', rows: [{ code: 'total', ...(labels ? { label: '' } : {}), ...Object.fromEntries(m.cases.map((c) => [`c:${c}`, m.totals[c]!])), total: m.rows.reduce((n, r) => n + r.total, 0) }] });
  return { columns, sections, notes: [`unit: ${m.unit}${m.unit === 'case' ? ' (1 = coded in the case)' : ` (${m.unit}s with the code, per case)`}`] };
}

/** Each case's column header: its name, or `name (id)` where two cases share the name. */
export function caseHeaders(cases: readonly string[], names: ReadonlyMap<string, string>): Map<string, string> {
  const count = new Map<string, number>();
  for (const c of cases) count.set(names.get(c) ?? c, (count.get(names.get(c) ?? c) ?? 0) + 1);
  return new Map(cases.map((c) => {
    const name = names.get(c) ?? c;
    return [c, count.get(name)! > 1 && name !== c ? `${name} (${c})` : name];
  }));
}

/** What `compare --group-by` counts per group (--unit): the units of the matrix but segment. */
export const GROUP_UNITS = ['case', 'respondent', 'document'] as const satisfies readonly Unit[];
/** The orders of `compare --group-by` (--sort): codebook order, or the largest difference first. */
export const GROUP_SORTS = ['code', 'diff'] as const;

/**
 * The groups side by side; `words` sets the language of headers and note (the terminal's: English).
 * `split` (CSV, the workbook): k and n in columns of their own, headed by the group (`<value> k`), where the
 * terminal shows `k/n` in one.
 */
export function groupsTable(codebook: Codebook, g: GroupComparison, sortByDiff: boolean, words: Words = WORDS.en, split = false): Table {
  const values = g.groups.map((x) => x.value);
  const columns: Column[] = [
    { key: 'code', header: words.header.code },
    { key: 'label', header: words.header.label },
    ...values.flatMap((v): Column[] =>
      split
        ? [
            { key: `k:${v}`, header: `${v} k`, csv: `${v} k`, align: 'right' },
            { key: `n:${v}`, header: `${v} n`, csv: `${v} n`, align: 'right' },
            { key: `s:${v}`, header: `${v} %`, csv: `${v} %`, align: 'right' },
          ]
        : [
            { key: `k:${v}`, header: `${v} k/n`, align: 'right' },
            { key: `s:${v}`, header: '%', align: 'right' },
          ],
    ),
    { key: 'diff', header: g.groups.length === 2 ? `Δ pp (${values[0]} − ${values[1]})` : 'Δ pp (max − min)', align: 'right' },
  ];
  const cells = (r: GroupComparison['rows'][number]) => ({
    ...Object.fromEntries(
      values.flatMap((v) => {
        const s = r.groups[v]!;
        return split ? [[`k:${v}`, s.k], [`n:${v}`, s.n], [`s:${v}`, pct(percent(s))]] : [[`k:${v}`, `${s.k}/${s.n}`], [`s:${v}`, pct(percent(s))]];
      }),
    ),
    diff: pp(points(r, values)),
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
