/**
 * Inter-coder agreement of two codings of the same documents.
 *
 * The text is cut into units (turns in interviews, paragraphs elsewhere; or sentences, paragraphs,
 * whole documents). A unit has a code for a coder when one of that coder's segments with the code
 * overlaps it. Per code: Cohen's kappa and percent agreement over the units; overall:
 * Krippendorff's alpha (nominal) over every unit × code presence decision.
 */
import type { CorpusDocument, Segment } from './model.js';
import { cohenKappa } from './stats/kappa.js';
import { krippendorffAlpha } from './stats/krippendorff.js';
import { splitSentences } from './text/sentences.js';
import { codePointLength, lineIndex } from './text.js';

export const AGREE_UNITS = ['turn', 'sentence', 'paragraph', 'document'] as const;
export type AgreeUnit = (typeof AGREE_UNITS)[number];

export interface TextUnit {
  document: string;
  start: number;
  end: number;
  line: number;
}

export interface CodeAgreement {
  code: string;
  kappa: number | null;
  agreement: number;
  /** Units coded by A, by B, by both. */
  a: number;
  b: number;
  both: number;
}

export interface Difference {
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

/** Cut a document into units. Blank units (no letter or digit) are left out. */
export function unitsOf(doc: CorpusDocument, unit: AgreeUnit): TextUnit[] {
  const chars = Array.from(doc.plainText);
  const toLine = lineIndex(doc.plainText);
  const make = (start: number, end: number): TextUnit => ({ document: doc.id, start, end, line: doc.bodyLine + toLine(start) - 1 });
  const meaningful = (u: TextUnit) => /[\p{L}\p{N}]/u.test(chars.slice(u.start, u.end).join(''));
  let spans: TextUnit[];
  if (unit === 'document') {
    spans = [make(0, chars.length)];
  } else if (unit === 'turn' && doc.type === 'interview') {
    spans = doc.turns.map((t) => make(t.start, t.end));
  } else if (unit === 'sentence') {
    spans = splitSentences(doc.plainText).map((s) => make(s.start, s.end));
  } else {
    spans = [];
    let start = 0;
    const re = /\n[ \t]*\n/g;
    const text = doc.plainText;
    // Paragraphs: separated by blank lines. Offsets are converted from UTF-16 to code points.
    let seenIndex = 0;
    let seenCps = 0;
    const cpAt = (i: number) => {
      seenCps += codePointLength(text.slice(seenIndex, i));
      seenIndex = i;
      return seenCps;
    };
    for (let m = re.exec(text); m; m = re.exec(text)) {
      spans.push(make(cpAt(start), cpAt(m.index)));
      start = m.index + m[0].length;
    }
    spans.push(make(cpAt(start), chars.length));
  }
  return spans.filter(meaningful);
}

const overlaps = (s: Segment, u: TextUnit) => s.start < u.end && s.end > u.start;

/** Which codes each unit has for one coder. */
function codesPerUnit(units: readonly TextUnit[], segments: readonly Segment[], codes: ReadonlySet<string>): Set<string>[] {
  return units.map((u) => new Set(segments.filter((s) => codes.has(s.code) && overlaps(s, u)).map((s) => s.code)));
}

export interface AgreeOptions {
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
