/** The tables of `werkscan agree`: two coders side by side, or automatic against manual coding. */
import { compareText } from '../core/text/collate.js';
import type { Agreement, AutoAgreement, AutoCodeScore, OverlapAgreement, UnitExample } from '../core/agreement/agree.js';
import type { Column, Table } from './table.js';

const fmt = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));

export interface AgreementTableOptions {
  /** How many documents were compared. */
  documents: number;
  /** The codes compared, and whether the user chose them (--codes): then unused codes are shown too. */
  codes: readonly string[];
  chosen: boolean;
  /** Segment-overlap agreement per code (in the order of `result.codes`), with its threshold. */
  overlap: { percent: number; codes: readonly OverlapAgreement[] } | null;
}

/** Per code kappa, agreement and the units each coder coded; then every unit where the coders differ. */
export function agreementTables(result: Agreement, options: AgreementTableOptions): Table[] {
  const { overlap } = options;
  const unused = options.chosen ? 0 : result.codes.filter((c) => c.a + c.b === 0).length;
  const perCode: Table = {
    title: `Agreement per code — ${result.units} ${result.unit === 'turn' ? 'turns/paragraphs' : `${result.unit}s`} in ${options.documents} documents`,
    columns: [
      { key: 'code', header: 'code' },
      { key: 'kappa', header: 'kappa', align: 'right' },
      { key: 'agreement', header: 'agreement', align: 'right' },
      { key: 'a', header: 'A', align: 'right' },
      { key: 'b', header: 'B', align: 'right' },
      { key: 'both', header: 'both', align: 'right' },
      ...(overlap ? [{ key: 'overlap', header: `segments ≥${overlap.percent}% overlap`, align: 'right' as const }] : []),
    ],
    sections: [
      {
        title: '',
        rows: result.codes.flatMap((c, i) => (c.a + c.b === 0 && !options.chosen ? [] : [{
          code: c.code,
          kappa: fmt(c.kappa),
          agreement: `${(c.agreement * 100).toFixed(1)}%`,
          a: c.a,
          b: c.b,
          both: c.both,
          ...(overlap ? { overlap: `${overlap.codes[i]!.matched}/${overlap.codes[i]!.a + overlap.codes[i]!.b - overlap.codes[i]!.matched}` } : {}),
        }])),
      },
    ],
    notes: [
      `Krippendorff's alpha (nominal, over ${result.units} × ${options.codes.length} unit × code decisions): ${fmt(result.alpha)}`,
      ...(unused > 0 ? [`${unused} ${unused === 1 ? 'code that neither coder used is' : 'codes that neither coder used are'} left out here (kappa undefined, agreement 100%); --codes or --format json shows them.`] : []),
      'kappa n/a: chance agreement is total (a code on every unit or on none for both coders), so kappa is undefined.',
    ],
  };
  const differences: Table = {
    title: `Where the coders differ (${result.differences.length} units)`,
    columns: [
      { key: 'where', header: 'document:line' },
      { key: 'a', header: 'A' },
      { key: 'b', header: 'B' },
    ],
    sections: [{ title: '', rows: result.differences.map((d) => ({ where: `${d.document}:${d.line}`, a: d.a.join(' ') || '—', b: d.b.join(' ') || '—' })) }],
  };
  return [perCode, differences];
}

const SCORE_COLUMNS: Column[] = [
  { key: 'tp', header: 'tp', align: 'right' },
  { key: 'fp', header: 'fp', align: 'right' },
  { key: 'fn', header: 'fn', align: 'right' },
  { key: 'precision', header: 'precision', align: 'right' },
  { key: 'recall', header: 'recall', align: 'right' },
  { key: 'f1', header: 'F1', align: 'right' },
];

const scoreCells = (x: Omit<AutoCodeScore, 'code'>) => ({ tp: x.tp, fp: x.fp, fn: x.fn, precision: fmt(x.precision), recall: fmt(x.recall), f1: fmt(x.f1) });

/**
 * `agree --auto`: precision, recall and F1 per code and per category, then the false positives and
 * negatives of the ten codes with the most, at most `examples` of each code.
 */
export function autoAgreementTables(r: AutoAgreement, examples: number, how: { source: string; outOfFold: boolean } = { source: 'auto', outOfFold: false }): Table[] {
  const overall = r.groups.find((g) => g.group === '*')!;
  const coder = { auto: 'Term coding', learned: 'Learned coding', 'auto+learned': 'Term and learned coding' }[how.source] ?? 'Automatic coding';
  // the hints name what a researcher changes: terms for the term coder, hand coding for the learned one
  const terms = how.source !== 'learned';
  return [
    {
      title: `${coder} against hand coding — ${r.units} units (${r.unit === 'turn' ? 'turns and paragraphs' : `${r.unit}s`})`,
      notes: [
        ...(r.unit === 'turn' ? ["a unit is a respondent's turn or a paragraph; the interviewer's turns are not counted"] : []),
        ...(how.outOfFold ? ['out of fold: each document is coded by a learned coder trained without it'] : []),
      ],
      columns: [{ key: 'code', header: 'code' }, ...SCORE_COLUMNS],
      sections: [{ title: '', rows: r.codes.map((c) => ({ code: c.code, ...scoreCells(c) })) }],
    },
    {
      title: 'Per category (micro-averaged)',
      columns: [{ key: 'group', header: 'category' }, ...SCORE_COLUMNS],
      sections: [{ title: '', rows: [...r.groups.filter((g) => g.group !== '*'), { ...overall, group: 'all codes' }].map((g) => ({ group: g.group, ...scoreCells(g) })) }],
    },
    examplesTable(`False positives (coded automatically, not by hand)${terms ? ': refine or add `not:` terms' : ': check the hand coding'}`, r.falsePositives, examples),
    examplesTable(`False negatives (coded by hand, missed automatically)${terms ? ': add terms' : ': code more like them'}`, r.falseNegatives, examples),
  ];
}

function examplesTable(title: string, list: readonly UnitExample[], examples: number): Table {
  const byCode = new Map<string, UnitExample[]>();
  for (const x of list) byCode.set(x.code, [...(byCode.get(x.code) ?? []), x]);
  const worst = [...byCode].sort((a, b) => b[1].length - a[1].length || compareText(a[0], b[0])).slice(0, 10);
  return {
    title,
    columns: [
      { key: 'code', header: 'code' },
      { key: 'where', header: 'document:line' },
      { key: 'text', header: 'text' },
    ],
    sections: [{ title: '', rows: worst.flatMap(([, xs]) => xs.slice(0, examples).map((x) => ({ code: `${x.code} (${xs.length})`, where: `${x.document}:${x.line}`, text: x.text.length > 100 ? `${x.text.slice(0, 97)}…` : x.text }))) }],
  };
}
