/** `werkscan compare` (case × code matrix, groups side by side, --explain) and `werkscan cooccur`. */
import { caseMatrix, compareGroups, COOCCUR_WITHIN, cooccurrence, explain, MATRIX_UNITS } from '../core/count/compare.js';
import { InputError } from '../core/errors.js';
import type { Unit } from '../core/model.js';
import { cooccurMatrix, cooccurTable, groupsTable, matrixTable } from '../report/compare.js';
import { json, renderTable } from '../report/table.js';
import { autoSegments, enumOption, loadConsistent, parseFormat, parseSource, parseWhere, useColor, type CommonOptions, type Context } from './context.js';

export interface CompareOptions extends CommonOptions {
  unit?: string;
  groupBy?: string;
  groups?: string;
  sort?: string;
  explain?: string[];
}

export function compareCommand(ctx: Context, corpus: string | undefined, options: CompareOptions): number {
  const format = parseFormat(options.format);
  const where = parseWhere(options.where);
  const source = parseSource(options.source);
  const sort = enumOption('--sort', options.sort, ['code', 'diff'] as const, 'code');
  if (options.explain && options.explain.length !== 2) throw new InputError('--explain needs a code and a case', { hint: 'e.g. --explain capaciteit rotterdam' });
  const project = loadConsistent(ctx, corpus, options);
  const count = { where, source, rollup: options.rollup, auto: autoSegments(project, source !== 'manual') };
  const render = (t: Parameters<typeof renderTable>[0]) => renderTable(t, format === 'json' ? 'table' : format, { color: useColor(ctx, options), delimiter: options.delimiter, bom: options.bom });

  if (options.explain) {
    const [code, caseId] = options.explain as [string, string];
    if (!project.codebook.codes.some((c) => c.id === code)) throw new InputError(`--explain: "${code}" is not a code of the codebook`);
    if (!project.corpus.cases.some((c) => c.id === caseId)) throw new InputError(`--explain: "${caseId}" is not a case of cases.yaml`);
    const segments = explain(project, code, caseId, count);
    if (format === 'json') {
      ctx.stdout.write(json({ code, case: caseId, segments }));
      return 0;
    }
    if (format === 'table') {
      ctx.stdout.write(`${code} in ${caseId}: ${segments.length} segment${segments.length === 1 ? '' : 's'}\n`);
      for (const s of segments) {
        ctx.stdout.write(`\n${s.file}:${s.line}  ${s.segment}  ${s.speaker ?? 'document'}${s.role ? ` (${s.role})` : ''}${s.source === 'auto' ? '  [auto]' : ''}\n  “${s.text.replace(/\s+/g, ' ').trim()}”\n`);
      }
      return 0;
    }
    ctx.stdout.write(
      render({
        columns: ['segment', 'document', 'line', 'speaker', 'role', 'text'].map((k) => ({ key: k, header: k })),
        sections: [{ title: '', rows: segments.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ').trim() })) }],
      }),
    );
    return 0;
  }

  if (options.groupBy) {
    const unit = enumOption('--unit', options.unit, ['case', 'respondent', 'document'] as const, 'case') as Unit;
    const only = options.groups?.split(',').map((s) => s.trim()).filter(Boolean);
    const result = compareGroups(project, options.groupBy, unit, count, only);
    if (result.groups.length === 0) throw new InputError(`--group-by ${options.groupBy}: no document or case has this attribute`);
    if (format === 'json') {
      ctx.stdout.write(json(result));
      return 0;
    }
    ctx.stdout.write(render(groupsTable(project.codebook, result, sort === 'diff')));
    return 0;
  }

  const unit = enumOption('--unit', options.unit, MATRIX_UNITS, 'segment');
  const m = caseMatrix(project, unit, count);
  if (format === 'json') {
    ctx.stdout.write(json({ unit: m.unit, cases: m.cases, rows: m.rows.map((r) => ({ code: r.code, counts: r.counts, total: r.total })), totals: m.totals }));
    return 0;
  }
  const names = new Map(project.corpus.cases.map((c) => [c.id, format === 'csv' ? c.id : c.attrs.name ?? c.id]));
  ctx.stdout.write(render(matrixTable(project.codebook, m, names)));
  return 0;
}

export interface CooccurOptions extends CommonOptions {
  within?: string;
  min?: string;
  matrix?: boolean;
}

export function cooccurCommand(ctx: Context, corpus: string | undefined, options: CooccurOptions): number {
  const format = parseFormat(options.format);
  const within = enumOption('--within', options.within, COOCCUR_WITHIN, 'document');
  const where = parseWhere(options.where);
  const source = parseSource(options.source);
  const min = options.min === undefined ? 1 : Number(options.min);
  if (!Number.isInteger(min) || min < 1) throw new InputError(`--min ${options.min}: expected a whole number of at least 1`);
  const project = loadConsistent(ctx, corpus, options);
  const c = cooccurrence(project, within, { where, source, rollup: options.rollup, auto: autoSegments(project, source !== 'manual') });
  if (format === 'json') {
    ctx.stdout.write(json({ within, codes: c.codes, pairs: c.pairs.filter((p) => p.count >= min) }));
    return 0;
  }
  const table = options.matrix ? cooccurMatrix(c) : cooccurTable(project.codebook, c, min);
  ctx.stdout.write(renderTable(table, format, { color: useColor(ctx, options), delimiter: options.delimiter, bom: options.bom }));
  return 0;
}
