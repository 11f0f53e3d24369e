/**
 * Comparisons: the case × code matrix, groups of cases side by side (one group of the study against the
 * others), co-occurrence of codes. (The wording a k/n supports is in claims/wording.ts.)
 */
import { unitsOf } from '../agreement/units.js';
import { ancestors } from '../parse/codebook.js';
import { codedUnits, counted, respondentKey, respondentOf, select, type CountOptions } from './select.js';
import type { Attributes, Case, Project, Segment, Unit } from '../model.js';

export const MATRIX_UNITS = ['segment', 'respondent', 'document', 'case'] as const;
type MatrixUnit = (typeof MATRIX_UNITS)[number];

export interface Matrix {
  unit: MatrixUnit;
  cases: string[];
  rows: { code: string; counts: Record<string, number>; total: number; segments: Record<string, string[]> }[];
  totals: Record<string, number>;
}

/** Case × code: per case, how many segments (respondents, documents) carry the code; `case`: 1 when coded at all. */
export function caseMatrix(project: Project, unit: MatrixUnit, options: CountOptions = {}): Matrix {
  const { selection, coded } = counted(project, options);
  const caseOrder = project.corpus.cases.map((c) => c.id).filter((id) => selection.population.case.has(id));
  const docCase = new Map(project.corpus.documents.map((d) => [d.id, d.case]));
  const totals: Record<string, number> = Object.fromEntries(caseOrder.map((c) => [c, 0]));
  const rows = project.codebook.codes.map((code) => {
    const e = coded.get(code.id)!;
    const counts: Record<string, number> = Object.fromEntries(caseOrder.map((c) => [c, 0]));
    const segments: Record<string, string[]> = Object.fromEntries(caseOrder.map((c) => [c, []]));
    for (const s of e.segments) segments[docCase.get(s.document)!]!.push(s.id);
    if (unit === 'segment') for (const c of caseOrder) counts[c] = segments[c]!.length;
    if (unit === 'document') for (const d of e.document) counts[docCase.get(d)!]!++;
    if (unit === 'respondent') for (const r of e.respondent) counts[r.slice(0, r.lastIndexOf('/'))]!++;
    if (unit === 'case') for (const c of e.case) counts[c] = 1;
    let total = 0;
    for (const c of caseOrder) {
      total += counts[c]!;
      totals[c]! += counts[c]!;
    }
    return { code: code.id, counts, total, segments };
  });
  return { unit, cases: caseOrder, rows, totals };
}

interface GroupShare {
  k: number;
  n: number;
  share: number | null;
}

export interface GroupComparison {
  attribute: string;
  unit: Unit;
  groups: { value: string; n: number }[];
  rows: { code: string; groups: Record<string, GroupShare>; diff: number | null }[];
}

/** Values an attribute takes over the documents (front matter first, then the case), in first-seen order. */
function attributeValues(project: Project, attribute: string, where: Attributes = {}): string[] {
  const cases = new Map<string, Case>(project.corpus.cases.map((c) => [c.id, c]));
  // The values some selected document (front matter, else case) or respondent has, in first-seen order…
  const seen = new Set<string>();
  for (const doc of select(project, where).documents) {
    const v = doc.attrs[attribute] ?? cases.get(doc.case)?.attrs[attribute];
    if (v !== undefined) seen.add(v);
    if (attribute !== 'id') for (const r of doc.respondents) if (r.attrs[attribute] !== undefined) seen.add(r.attrs[attribute]!);
  }
  // …those cases.yaml gives first, in its order (as the researcher listed them).
  const listed = [...new Set(project.corpus.cases.map((c) => c.attrs[attribute]))].filter((v): v is string => v !== undefined && seen.has(v));
  return [...listed, ...[...seen].filter((v) => !listed.includes(v))];
}

/**
 * Groups side by side: per code, k/n and the share of the group's units with the code, and the
 * difference between the largest and smallest share in percentage points (first minus second
 * group when there are two).
 */
export function compareGroups(project: Project, attribute: string, unit: Unit, options: CountOptions = {}, only?: readonly string[], population: Readonly<Record<string, Attributes>> = {}): GroupComparison {
  const values = only ?? attributeValues(project, attribute, options.where);
  const perGroup = values.map((value) => {
    // a group's population may ask more of its cases than the value (comparison.population of werkscan.yaml)
    const { selection, coded } = counted(project, options, { ...options.where, ...(Object.hasOwn(population, value) ? population[value] : {}), [attribute]: value });
    return { value, population: selection.population[unit], coded };
  });
  const rows = project.codebook.codes.map((code) => {
    const groups: Record<string, GroupShare> = {};
    for (const g of perGroup) {
      const set = g.coded.get(code.id)?.[unit] ?? new Set<string>();
      const k = [...g.population].filter((key) => set.has(key)).length;
      const n = g.population.size;
      groups[g.value] = { k, n, share: n === 0 ? null : k / n };
    }
    const shares = values.map((v) => groups[v]!.share).filter((s): s is number => s !== null);
    let diff: number | null = null;
    if (shares.length === 2 && values.length === 2) diff = (shares[0]! - shares[1]!) * 100;
    else if (shares.length >= 2) diff = (Math.max(...shares) - Math.min(...shares)) * 100;
    return { code: code.id, groups, diff };
  });
  return { attribute, unit, groups: perGroup.map((g) => ({ value: g.value, n: g.population.size })), rows };
}

export const COOCCUR_WITHIN = ['segment', 'turn', 'document'] as const;
type CooccurWithin = (typeof COOCCUR_WITHIN)[number];

export interface Cooccurrence {
  within: CooccurWithin;
  /** Units per code (the diagonal). */
  codes: { code: string; units: number }[];
  pairs: { a: string; b: string; count: number }[];
}

/**
 * How often two codes fall in the same unit. `segment`: pairs of overlapping segments of the two
 * codes (one span with two codes, or nested spans); `turn`: turns (paragraphs outside interviews)
 * holding both; `document`: documents holding both. `rollup` counts parents within turns and documents.
 */
export function cooccurrence(project: Project, within: CooccurWithin, options: CountOptions = {}): Cooccurrence {
  const { selection, coded } = counted(project, options);
  const order = new Map(project.codebook.codes.map((c, i) => [c.id, i]));
  const pairCounts = new Map<string, number>();
  const unitCounts = new Map<string, number>();
  const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
  const addUnit = (codes: Set<string>) => {
    // --rollup: a unit with a child code holds its parents too (within turns and documents)
    if (options.rollup) for (const c of [...codes]) for (const a of ancestors(project.codebook, c)) codes.add(a);
    const list = [...codes].filter((c) => order.has(c)).sort((x, y) => order.get(x)! - order.get(y)!);
    for (const c of list) bump(unitCounts, c);
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) bump(pairCounts, `${list[i]}\u0000${list[j]}`);
  };
  const byDocument = new Map<string, Segment[]>();
  for (const e of coded.values()) {
    for (const s of e.segments) {
      let list = byDocument.get(s.document);
      if (!list) byDocument.set(s.document, (list = []));
      list.push(s);
    }
  }
  for (const doc of selection.documents) {
    const segs = [...new Set(byDocument.get(doc.id) ?? [])];
    if (within === 'document') addUnit(new Set(segs.map((s) => s.code)));
    else if (within === 'turn') {
      for (const u of unitsOf(doc, 'turn')) addUnit(new Set(segs.filter((s) => s.start < u.end && s.end > u.start).map((s) => s.code)));
    } else {
      for (const s of segs) bump(unitCounts, s.code);
      for (let i = 0; i < segs.length; i++) {
        for (let j = i + 1; j < segs.length; j++) {
          const x = segs[i]!;
          const y = segs[j]!;
          if (x.code === y.code || !(x.start < y.end && y.start < x.end)) continue;
          const [a, b] = order.get(x.code)! <= order.get(y.code)! ? [x.code, y.code] : [y.code, x.code];
          bump(pairCounts, `${a}\u0000${b}`);
        }
      }
    }
  }
  const pairs = [...pairCounts].map(([key, count]) => {
    const [a, b] = key.split('\u0000') as [string, string];
    return { a, b, count };
  });
  pairs.sort((p, q) => q.count - p.count || order.get(p.a)! - order.get(q.a)! || order.get(p.b)! - order.get(q.b)!);
  return { within, codes: project.codebook.codes.map((c) => ({ code: c.id, units: unitCounts.get(c.id) ?? 0 })), pairs };
}

/** Segments of one code in one case, for `compare --explain`. */
export function explain(project: Project, code: string, caseId: string, options: CountOptions = {}) {
  const selection = select(project, options.where);
  const e = codedUnits(project, selection, options).get(code);
  const docs = new Map(project.corpus.documents.map((d) => [d.id, d]));
  return (e?.segments ?? [])
    .filter((s) => docs.get(s.document)?.case === caseId)
    .map((s) => {
      const doc = docs.get(s.document)!;
      const r = respondentOf(doc, s.speaker);
      return { segment: s.id, document: doc.id, file: doc.file, line: s.line, speaker: s.speaker, respondent: r ? respondentKey(doc.case, r.id) : null, role: r?.attrs.role ?? null, source: s.source, text: s.text };
    });
}
