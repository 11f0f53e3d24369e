/** `werkscan compare` (case × code matrix, groups side by side, --explain) and `werkscan cooccur`. */
import { caseMatrix, compareGroups, COOCCUR_WITHIN, cooccurrence, explain, MATRIX_UNITS } from '../core/count/compare.js';
import type { CountOptions } from '../core/count/select.js';
import { InputError } from '../core/errors.js';
import { findNamed, type Named } from '../core/text/collate.js';
import type { Project } from '../core/model.js';
import { cooccurMatrix, cooccurTable, GROUP_SORTS, GROUP_UNITS, groupsTable, matrixTable } from '../report/compare.js';
import { explainTable, explainText } from '../report/explain.js';
import { caseNames } from '../report/matrix.js';
import { loadConsistent, type CommonOptions, type Context } from './context.js';
import { automaticCoding } from './learned.js';
import { choice, countedSource, parseFormat, parseSource, parseWhere } from './options.js';
import { emit } from './output.js';

export interface CompareOptions extends CommonOptions {
  unit?: string;
  groupBy?: string;
  groups?: string;
  sort?: string;
  explain?: string[];
}

export function compareCommand(ctx: Context, corpus: string | undefined, options: CompareOptions): number {
  const where = parseWhere(options.where);
  const source = parseSource(options.source);
  const sort = choice('--sort', options.sort, GROUP_SORTS, 'code');
  if (options.explain && options.explain.length !== 2) throw new InputError('--explain needs a code and a case', { hint: 'e.g. --explain CODE CASE: a code id and a case id' });
  const project = loadConsistent(ctx, corpus, options);
  const count = { where, source: countedSource(source), rollup: options.rollup, auto: automaticCoding(ctx, project, corpus, source, options) };
  if (options.explain) return explainCell(ctx, project, options.explain as [string, string], count, options);

  if (options.groupBy) {
    const unit = choice('--unit', options.unit, GROUP_UNITS, 'case');
    // Without --groups, the comparison axis's default groups of werkscan.yaml (comparison.groups).
    const axis = project.settings.comparison;
    const only = options.groups?.split(',').map((s) => s.trim()).filter(Boolean) ?? (axis?.axis === options.groupBy ? (axis.groups ?? undefined) : undefined);
    // on the axis, a group counts the population werkscan.yaml declares for it (comparison.population), as the reports do
    const population = axis?.axis === options.groupBy ? axis.population : undefined;
    const result = compareGroups(project, options.groupBy, unit, count, only, population);
    if (result.groups.length === 0) throw new InputError(`--group-by ${options.groupBy}: no document or case has this attribute`);
    const narrowed = Object.entries(population ?? {}).map(([v, f]) => `${v}: only ${Object.entries(f).map(([k, x]) => `${k}=${x}`).join(', ')} (comparison.population of werkscan.yaml)`);
    emit(ctx, options, {
      json: () => result,
      tables: (format) => {
        const t = groupsTable(project.codebook, result, sort === 'diff', undefined, format === 'csv');
        return format === 'csv' ? t : { ...t, notes: [...(t.notes ?? []), ...narrowed] };
      },
    });
    return 0;
  }

  const unit = choice('--unit', options.unit, MATRIX_UNITS, 'segment');
  const m = caseMatrix(project, unit, count);
  emit(ctx, options, {
    json: () => ({ unit: m.unit, cases: m.cases, rows: m.rows.map((r) => ({ code: r.code, counts: r.counts, total: r.total })), totals: m.totals }),
    tables: (format) => matrixTable(project.codebook, m, caseNames(project.corpus.cases), format === 'csv'),
  });
  return 0;
}

/** `--explain CODE CASE`: the segments behind one cell; code and case by id or by the label or name shown. */
function explainCell(ctx: Context, project: Project, [codeGiven, caseGiven]: [string, string], count: CountOptions, options: CompareOptions): number {
  const code = named(codeGiven, 'code of the codebook', project.codebook.codes.map((c) => ({ id: c.id, names: [c.label] })));
  const caseId = named(caseGiven, 'case of cases.yaml', project.corpus.cases.map((c) => ({ id: c.id, names: c.attrs.name ? [c.attrs.name] : [] })));
  const segments = explain(project, code, caseId, count);
  if (parseFormat(options.format) === 'table') ctx.stdout.write(explainText(code, caseId, segments));
  else emit(ctx, options, { json: () => ({ code, case: caseId, segments }), tables: () => explainTable(segments) });
  return 0;
}

/** The id `given` names (an id, or a name, case and accents ignored); a miss is an input error with the closest. */
function named(given: string, what: string, items: readonly Named[]): string {
  const found = findNamed(given, items);
  if (found.id !== null) return found.id;
  if (found.ambiguous.length > 0) throw new InputError(`--explain: "${given}" names more than one ${what}: ${found.ambiguous.join(', ')}`, { hint: 'give the id' });
  throw new InputError(`--explain: "${given}" is not a ${what}`, { hint: found.closest === undefined ? `there is none` : `did you mean "${found.closest}"? (an id, or the name the matrix shows; case and accents do not matter)` });
}

export interface CooccurOptions extends CommonOptions {
  within?: string;
  min?: string;
  matrix?: boolean;
}

export function cooccurCommand(ctx: Context, corpus: string | undefined, options: CooccurOptions): number {
  const within = choice('--within', options.within, COOCCUR_WITHIN, 'document');
  const where = parseWhere(options.where);
  const source = parseSource(options.source);
  const min = options.min === undefined ? 1 : Number(options.min);
  if (!Number.isInteger(min) || min < 1) throw new InputError(`--min ${options.min}: expected a whole number of at least 1`);
  const project = loadConsistent(ctx, corpus, options);
  const c = cooccurrence(project, within, { where, source: countedSource(source), rollup: options.rollup, auto: automaticCoding(ctx, project, corpus, source, options) });
  emit(ctx, options, {
    json: () => ({ within, codes: c.codes, pairs: c.pairs.filter((p) => p.count >= min) }),
    tables: () => (options.matrix ? cooccurMatrix(c) : cooccurTable(project.codebook, c, min)),
  });
  return 0;
}
