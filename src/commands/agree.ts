/** `werkscan agree A B`: inter-coder agreement of two codings of the same documents. */
import path from 'node:path';
import { agreement, autoAgreement, firstDifferentLine, overlapAgreement, type CodedPair } from '../core/agreement/agree.js';
import { AGREE_UNITS, type AgreeUnit } from '../core/agreement/units.js';
import { InputError } from '../core/errors.js';
import type { CorpusDocument } from '../core/model.js';
import { parseCodebook } from '../core/parse/codebook.js';
import { loadDocuments, readText } from '../io/read.js';
import { json, renderTable, type Table } from '../report/table.js';
import type { Format } from '../report/formats.js';
import { autoSegments, enumOption, loadConsistent, parseFormat, useColor, type Context } from './context.js';

export interface AgreeCommandOptions {
  codebook: string;
  unit?: string;
  codes?: string;
  excludeUncoded?: boolean;
  auto?: boolean;
  examples?: string;
  overlap?: string;
  format?: string;
  color?: boolean;
  delimiter?: string;
  bom?: boolean;
}

const fmt = (x: number | null, digits = 3) => (x === null ? 'n/a' : x.toFixed(digits));

/** Pair the documents of two codings by id; refuse (with a warning) those whose plain text differs. */
export function pairDocuments(a: readonly CorpusDocument[], b: readonly CorpusDocument[], warn: (s: string) => void): CodedPair[] {
  const byId = new Map(b.map((d) => [d.id, d]));
  const pairs: CodedPair[] = [];
  for (const da of a) {
    const db = byId.get(da.id);
    if (!db) continue;
    const line = firstDifferentLine(da.plainText, db.plainText);
    if (line !== null) {
      warn(`${db.file}:${db.bodyLine + line - 1}: refused: its text differs from ${da.file}:${da.bodyLine + line - 1} (the codings must be of the same text)`);
      continue;
    }
    pairs.push({ document: da, a: da.segments, b: db.segments });
  }
  return pairs;
}

export function agreeCommand(ctx: Context, dirA: string | undefined, dirB: string | undefined, options: AgreeCommandOptions): number {
  const format = parseFormat(options.format);
  const unit = enumOption('--unit', options.unit, AGREE_UNITS, 'turn');
  if (options.auto) {
    if (dirB !== undefined) throw new InputError('--auto compares one corpus with its own automatic coding: give one folder', { hint: 'e.g. werkscan agree --auto corpus/' });
    return autoCommand(ctx, dirA, unit, format, options);
  }
  if (dirA === undefined || dirB === undefined) throw new InputError('agree needs two corpus folders, or --auto', { hint: 'e.g. werkscan agree corpus corpus-coder-b' });
  const overlap = options.overlap === undefined ? null : Number(options.overlap);
  if (overlap !== null && !(overlap > 0 && overlap <= 100)) throw new InputError(`--overlap ${options.overlap}: expected a percentage above 0 and at most 100`);
  const codebookFile = path.join(path.resolve(ctx.cwd, options.codebook), 'codebook.yaml');
  const shownCodebook = path.relative(ctx.cwd, codebookFile);
  const codebook = parseCodebook(readText(codebookFile, shownCodebook), shownCodebook);
  const known = codebook.codes.map((c) => c.id);
  const codes = options.codes ? options.codes.split(',').map((c) => c.trim()).filter(Boolean) : known;
  for (const c of codes) if (!known.includes(c)) throw new InputError(`--codes: "${c}" is not a code of ${shownCodebook}`);

  const a = loadDocuments(ctx.cwd, dirA);
  const b = loadDocuments(ctx.cwd, dirB);
  const pairs = pairDocuments(a, b, (s) => ctx.stderr.write(`werkscan: ${s}\n`));
  if (pairs.length === 0) {
    throw new InputError(`no document of ${dirA} has a coding with the same id and text in ${dirB}`, { hint: 'expected two folders with the same documents (matched by id), coded by two coders' });
  }
  const result = agreement(pairs, { unit, codes, excludeUncoded: options.excludeUncoded });
  const overlapRows = overlap === null ? null : overlapAgreement(pairs, codes, overlap);
  if (format === 'json') {
    ctx.stdout.write(json({ ...result, documents: pairs.map((p) => p.document.id), ...(overlapRows ? { overlap: { percent: overlap, codes: overlapRows } } : {}) }));
    return 0;
  }
  const color = useColor(ctx, options);
  const csv = { color, delimiter: options.delimiter, bom: options.bom };
  const unused = options.codes ? 0 : result.codes.filter((c) => c.a + c.b === 0).length;
  const perCode: Table = {
    title: format === 'csv' ? undefined : `Agreement per code — ${result.units} ${unit === 'turn' ? 'turns/paragraphs' : `${unit}s`} in ${pairs.length} documents`,
    columns: [
      { key: 'code', header: 'code' },
      { key: 'kappa', header: 'kappa', align: 'right' },
      { key: 'agreement', header: 'agreement', align: 'right' },
      { key: 'a', header: 'A', align: 'right' },
      { key: 'b', header: 'B', align: 'right' },
      { key: 'both', header: 'both', align: 'right' },
      ...(overlapRows ? [{ key: 'overlap', header: `segments ≥${overlap}% overlap`, align: 'right' as const }] : []),
    ],
    sections: [
      {
        title: '',
        rows: result.codes.flatMap((c, i) => (c.a + c.b === 0 && !options.codes ? [] : [{
          code: c.code,
          kappa: fmt(c.kappa),
          agreement: `${(c.agreement * 100).toFixed(1)}%`,
          a: c.a,
          b: c.b,
          both: c.both,
          ...(overlapRows ? { overlap: `${overlapRows[i]!.matched}/${overlapRows[i]!.a + overlapRows[i]!.b - overlapRows[i]!.matched}` } : {}),
        }])),
      },
    ],
    notes:
      format === 'csv'
        ? []
        : [
            `Krippendorff's alpha (nominal, over ${result.units} × ${codes.length} unit × code decisions): ${fmt(result.alpha)}`,
            ...(unused > 0 ? [`${unused} ${unused === 1 ? 'code that neither coder used is' : 'codes that neither coder used are'} left out here (kappa undefined, agreement 100%); --codes or --format json shows them.`] : []),
            'kappa n/a: chance agreement is total (a code on every unit or on none for both coders), so kappa is undefined.',
          ],
  };
  ctx.stdout.write(renderTable(perCode, format, csv));
  if (format === 'csv') return 0;
  const diff: Table = {
    title: `Where the coders differ (${result.differences.length} units)`,
    columns: [
      { key: 'where', header: 'document:line' },
      { key: 'a', header: 'A' },
      { key: 'b', header: 'B' },
    ],
    sections: [{ title: '', rows: result.differences.map((d) => ({ where: `${d.document}:${d.line}`, a: d.a.join(' ') || '—', b: d.b.join(' ') || '—' })) }],
  };
  ctx.stdout.write('\n' + renderTable(diff, format, csv));
  return 0;
}

const pct = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));

/** `agree --auto`: automatic coding against the manual coding (the reference) of one corpus. */
function autoCommand(ctx: Context, corpus: string | undefined, unit: AgreeUnit, format: Format, options: AgreeCommandOptions): number {
  const project = loadConsistent(ctx, corpus, options);
  const known = project.codebook.codes.map((c) => c.id);
  const codes = options.codes ? options.codes.split(',').map((c) => c.trim()).filter(Boolean) : known;
  for (const c of codes) if (!known.includes(c)) throw new InputError(`--codes: "${c}" is not a code of the codebook`);
  const perDoc = examplesLimit(options.examples);
  const auto = autoSegments(project, true)!;
  const category = new Map(project.codebook.codes.map((c) => [c.id, c.category]));
  const pairs = project.corpus.documents.map((d) => ({ document: d, a: d.segments, b: auto.get(d.id) ?? [] }));
  const r = autoAgreement(pairs, { unit, codes, groupOf: (c) => category.get(c) ?? '' });
  if (format === 'json') {
    ctx.stdout.write(json(r));
    return 0;
  }
  const color = useColor(ctx, options);
  const render = (t: Table) => renderTable(t, format, { color, delimiter: options.delimiter, bom: options.bom });
  const cols = [
    { key: 'tp', header: 'tp', align: 'right' as const },
    { key: 'fp', header: 'fp', align: 'right' as const },
    { key: 'fn', header: 'fn', align: 'right' as const },
    { key: 'precision', header: 'precision', align: 'right' as const },
    { key: 'recall', header: 'recall', align: 'right' as const },
    { key: 'f1', header: 'F1', align: 'right' as const },
  ];
  const cells = (x: { tp: number; fp: number; fn: number; precision: number | null; recall: number | null; f1: number | null }) => ({
    tp: x.tp,
    fp: x.fp,
    fn: x.fn,
    precision: pct(x.precision),
    recall: pct(x.recall),
    f1: pct(x.f1),
  });
  ctx.stdout.write(
    render({
      title: format === 'csv' ? undefined : `Automatic against manual coding — ${r.units} units (${unit === 'turn' ? "respondents' turns and paragraphs" : `${unit}s`})`,
      columns: [{ key: 'code', header: 'code' }, ...cols],
      sections: [{ title: '', rows: r.codes.map((c) => ({ code: c.code, ...cells(c) })) }],
    }),
  );
  if (format === 'csv') return 0;
  const overall = r.groups.find((g) => g.group === '*')!;
  ctx.stdout.write(
    '\n' +
      render({
        title: 'Per category (micro-averaged)',
        columns: [{ key: 'group', header: 'category' }, ...cols],
        sections: [{ title: '', rows: [...r.groups.filter((g) => g.group !== '*'), { ...overall, group: 'all codes' }].map((g) => ({ group: g.group, ...cells(g) })) }],
      }),
  );
  for (const [title, list] of [
    ['False positives (coded automatically, not by hand): refine or add `not:` terms', r.falsePositives],
    ['False negatives (coded by hand, missed automatically): add terms', r.falseNegatives],
  ] as const) {
    const byCode = new Map<string, typeof list>();
    for (const x of list) byCode.set(x.code, [...(byCode.get(x.code) ?? []), x]);
    const worst = [...byCode].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).slice(0, 10);
    ctx.stdout.write(
      '\n' +
        render({
          title,
          columns: [
            { key: 'code', header: 'code' },
            { key: 'where', header: 'document:line' },
            { key: 'text', header: 'text' },
          ],
          sections: [{ title: '', rows: worst.flatMap(([, xs]) => xs.slice(0, perDoc).map((x) => ({ code: `${x.code} (${xs.length})`, where: `${x.document}:${x.line}`, text: x.text.length > 100 ? `${x.text.slice(0, 97)}…` : x.text }))) }],
        }),
    );
  }
  return 0;
}

function examplesLimit(value: string | undefined): number {
  if (value === undefined) return 3;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InputError(`--examples ${value}: expected a whole number`);
  return n;
}
