/** `werkscan agree A B`: inter-coder agreement of two codings of the same documents. */
import path from 'node:path';
import { AGREE_UNITS, agreement, firstDifferentLine, overlapAgreement, type CodedPair } from '../core/agree.js';
import { InputError } from '../core/errors.js';
import type { CorpusDocument } from '../core/model.js';
import { parseCodebook } from '../core/codebook.js';
import { loadDocuments, readText } from '../io/load.js';
import { json, renderTable, type Table } from '../report/table.js';
import { enumOption, parseFormat, useColor, type Context } from './context.js';

export interface AgreeCommandOptions {
  codebook: string;
  unit?: string;
  codes?: string;
  excludeUncoded?: boolean;
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

export function agreeCommand(ctx: Context, dirA: string, dirB: string, options: AgreeCommandOptions): number {
  const format = parseFormat(ctx, options.format);
  const unit = enumOption('--unit', options.unit, AGREE_UNITS, 'turn');
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
        rows: result.codes.map((c, i) => ({
          code: c.code,
          kappa: fmt(c.kappa),
          agreement: `${(c.agreement * 100).toFixed(1)}%`,
          a: c.a,
          b: c.b,
          both: c.both,
          ...(overlapRows ? { overlap: `${overlapRows[i]!.matched}/${overlapRows[i]!.a + overlapRows[i]!.b - overlapRows[i]!.matched}` } : {}),
        })),
      },
    ],
    notes: format === 'csv' ? [] : [`Krippendorff's alpha (nominal, over ${result.units} × ${codes.length} unit × code decisions): ${fmt(result.alpha)}`, 'kappa n/a: neither coder used the code (or both used it everywhere), so chance agreement is total and kappa is undefined.'],
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
