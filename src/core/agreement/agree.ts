/**
 * Inter-coder agreement of two codings of the same documents.
 *
 * The text is cut into units (units.ts: turns in interviews, paragraphs elsewhere; or sentences,
 * paragraphs, whole documents). A unit has a code for a coder when one of that coder's segments with the code
 * overlaps it. Per code: Cohen's kappa and percent agreement over the units; overall:
 * Krippendorff's alpha (nominal) over every unit × code presence decision.
 */
import type { CorpusDocument, Segment } from '../model.js';
import { cohenKappa } from './stats/kappa.js';
import { krippendorffAlpha } from './stats/krippendorff.js';
import { INTERVIEWER } from '../parse/document.js';
import { codePoints, unitsOf, type AgreeUnit, type TextUnit } from './units.js';

interface CodeAgreement {
  code: string;
  kappa: number | null;
  agreement: number;
  /** Units coded by A, by B, by both. */
  a: number;
  b: number;
  both: number;
}

interface Difference {
  document: string;
  line: number;
  a: string[];
  b: string[];
}

export interface Agreement {
  unit: AgreeUnit;
  units: number;
  alpha: number | null;
  codes: CodeAgreement[];
  differences: Difference[];
}

/** A pair of codings of one document: same plain text, two sets of segments. */
export interface CodedPair {
  document: CorpusDocument;
  a: readonly Segment[];
  b: readonly Segment[];
}

/** The first line on which two plain texts differ (1-based, in the plain text), or null. */
export function firstDifferentLine(x: string, y: string): number | null {
  if (x === y) return null;
  const xs = x.split('\n');
  const ys = y.split('\n');
  for (let i = 0; i < Math.max(xs.length, ys.length); i++) if (xs[i] !== ys[i]) return i + 1;
  return null;
}

const overlaps = (s: Segment, u: TextUnit) => s.start < u.end && s.end > u.start;

/** Which codes each unit has for one coder. */
function codesPerUnit(units: readonly TextUnit[], segments: readonly Segment[], codes: ReadonlySet<string>): Set<string>[] {
  return units.map((u) => new Set(segments.filter((s) => codes.has(s.code) && overlaps(s, u)).map((s) => s.code)));
}

interface AgreeOptions {
  unit: AgreeUnit;
  /** Codes compared, in output order. */
  codes: readonly string[];
  excludeUncoded?: boolean;
}

export function agreement(pairs: readonly CodedPair[], options: AgreeOptions): Agreement {
  const codeSet = new Set(options.codes);
  const units: { unit: TextUnit; a: Set<string>; b: Set<string> }[] = [];
  for (const p of pairs) {
    const us = unitsOf(p.document, options.unit);
    const a = codesPerUnit(us, p.a, codeSet);
    const b = codesPerUnit(us, p.b, codeSet);
    us.forEach((u, i) => {
      if (options.excludeUncoded && a[i]!.size === 0 && b[i]!.size === 0) return;
      units.push({ unit: u, a: a[i]!, b: b[i]! });
    });
  }
  const codes = options.codes.map((code): CodeAgreement => {
    const xa = units.map((u) => u.a.has(code));
    const xb = units.map((u) => u.b.has(code));
    const both = xa.filter((v, i) => v && xb[i]).length;
    if (units.length === 0) return { code, kappa: null, agreement: 1, a: 0, b: 0, both: 0 };
    const k = cohenKappa(xa, xb);
    return { code, kappa: k.kappa, agreement: k.agreement, a: xa.filter(Boolean).length, b: xb.filter(Boolean).length, both };
  });
  // One row per unit × code decision, two coders.
  const matrix = units.flatMap((u) => options.codes.map((c) => [u.a.has(c) ? 1 : 0, u.b.has(c) ? 1 : 0]));
  const alpha = matrix.length === 0 ? null : krippendorffAlpha(matrix, 'nominal').alpha;
  const sorted = (s: Set<string>) => options.codes.filter((c) => s.has(c));
  const differences = units
    .filter((u) => u.a.size !== u.b.size || [...u.a].some((c) => !u.b.has(c)))
    .map((u) => ({ document: u.unit.document, line: u.unit.line, a: sorted(u.a), b: sorted(u.b) }));
  return { unit: options.unit, units: units.length, alpha, codes, differences };
}

export interface OverlapAgreement {
  code: string;
  a: number;
  b: number;
  matched: number;
  /** matched / (a + b − matched): share of segments that found a partner. */
  agreement: number | null;
}

/**
 * Segment-overlap agreement, as MAXQDA offers it: a segment of A and one of B with the same code
 * agree when their overlap is at least `percent` % of the text the two cover together.
 * Each segment pairs at most once (greedy, best overlap first).
 */
export function overlapAgreement(pairs: readonly CodedPair[], codes: readonly string[], percent: number): OverlapAgreement[] {
  return codes.map((code) => {
    let a = 0;
    let b = 0;
    let matched = 0;
    for (const p of pairs) {
      const sa = p.a.filter((s) => s.code === code);
      const sb = p.b.filter((s) => s.code === code);
      a += sa.length;
      b += sb.length;
      const candidates: { i: number; j: number; share: number }[] = [];
      sa.forEach((x, i) =>
        sb.forEach((y, j) => {
          const inter = Math.min(x.end, y.end) - Math.max(x.start, y.start);
          const union = Math.max(x.end, y.end) - Math.min(x.start, y.start);
          const share = union > 0 ? inter / union : 0;
          if (inter > 0 && share * 100 >= percent - 1e-9) candidates.push({ i, j, share });
        }),
      );
      candidates.sort((p1, p2) => p2.share - p1.share || p1.i - p2.i || p1.j - p2.j);
      const usedA = new Set<number>();
      const usedB = new Set<number>();
      for (const c of candidates) {
        if (usedA.has(c.i) || usedB.has(c.j)) continue;
        usedA.add(c.i);
        usedB.add(c.j);
        matched++;
      }
    }
    const total = a + b - matched;
    return { code, a, b, matched, agreement: total === 0 ? null : matched / total };
  });
}

export interface AutoCodeScore {
  code: string;
  /** Units both coded (true positives), only automatic (false positives), only manual (false negatives). */
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface UnitExample {
  code: string;
  document: string;
  line: number;
  text: string;
}

export interface AutoAgreement {
  unit: AgreeUnit;
  units: number;
  codes: AutoCodeScore[];
  /** Micro-averaged over all codes of a group (category id → score), and over every code ('*'). */
  groups: { group: string; tp: number; fp: number; fn: number; precision: number | null; recall: number | null; f1: number | null }[];
  falsePositives: UnitExample[];
  falseNegatives: UnitExample[];
}

function score(tp: number, fp: number, fn: number) {
  const precision = tp + fp === 0 ? null : tp / (tp + fp);
  const recall = tp + fn === 0 ? null : tp / (tp + fn);
  const f1 = tp + fp + fn === 0 ? null : (2 * tp) / (2 * tp + fp + fn);
  return { tp, fp, fn, precision, recall, f1 };
}

/**
 * Manual (the reference) against automatic coding at the unit level. Interviewer turns are left out:
 * automatic coding never codes them. `groups` maps a code to its group (its category) for micro-averages.
 */
export function autoAgreement(pairs: readonly CodedPair[], options: AgreeOptions & { groupOf: (code: string) => string }): AutoAgreement {
  const codeSet = new Set(options.codes);
  const rows: { unit: TextUnit; text: string; manual: Set<string>; auto: Set<string> }[] = [];
  for (const p of pairs) {
    const { between } = codePoints(p.document.plainText);
    const interviewer = new Set(p.document.turns.filter((t) => t.speaker === INTERVIEWER).map((t) => `${t.start}:${t.end}`));
    const us = unitsOf(p.document, options.unit).filter((u) => !(options.unit === 'turn' && interviewer.has(`${u.start}:${u.end}`)));
    const manual = codesPerUnit(us, p.a, codeSet);
    const auto = codesPerUnit(us, p.b, codeSet);
    us.forEach((u, i) => rows.push({ unit: u, text: between(u.start, u.end).replace(/\s+/g, ' ').trim(), manual: manual[i]!, auto: auto[i]! }));
  }
  const falsePositives: UnitExample[] = [];
  const falseNegatives: UnitExample[] = [];
  const codes = options.codes.map((code) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const r of rows) {
      const m = r.manual.has(code);
      const a = r.auto.has(code);
      if (m && a) tp++;
      else if (a) {
        fp++;
        falsePositives.push({ code, document: r.unit.document, line: r.unit.line, text: r.text });
      } else if (m) {
        fn++;
        falseNegatives.push({ code, document: r.unit.document, line: r.unit.line, text: r.text });
      }
    }
    return { code, ...score(tp, fp, fn) };
  });
  const totals = new Map<string, { tp: number; fp: number; fn: number }>();
  for (const c of codes) {
    for (const g of [options.groupOf(c.code), '*']) {
      const t = totals.get(g) ?? { tp: 0, fp: 0, fn: 0 };
      t.tp += c.tp;
      t.fp += c.fp;
      t.fn += c.fn;
      totals.set(g, t);
    }
  }
  const groups = [...totals].map(([group, t]) => ({ group, ...score(t.tp, t.fp, t.fn) }));
  return { unit: options.unit, units: rows.length, codes, groups, falsePositives, falseNegatives };
}
