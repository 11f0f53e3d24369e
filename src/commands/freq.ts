/** `werkscan freq`: per code its segments, documents, respondents and cases. */
import { frequencies } from '../core/count.js';
import { FREQ_GROUPS, FREQ_UNITS, freqTable, groupCodes } from '../report/freq.js';
import { json, renderTable } from '../report/table.js';
import { autoSegments, enumOption, loadConsistent, parseFormat, parseSource, parseWhere, useColor, type CommonOptions, type Context } from './context.js';

export interface FreqOptions extends CommonOptions {
  by?: string;
  unit?: string;
}

export function freqCommand(ctx: Context, corpus: string | undefined, options: FreqOptions): number {
  const format = parseFormat(ctx, options.format);
  const by = enumOption('--by', options.by, FREQ_GROUPS);
  const unit = enumOption('--unit', options.unit, FREQ_UNITS);
  const where = parseWhere(options.where);
  const source = parseSource(options.source);
  const project = loadConsistent(ctx, corpus, options);
  const { rows, population } = frequencies(project, { where, source, rollup: options.rollup, auto: autoSegments(project, source !== 'manual') });
  if (format === 'json') {
    const groups = by ? groupCodes(project.codebook, by) : undefined;
    ctx.stdout.write(
      json({
        rows,
        ...(by ? { by, groups } : {}),
        population: { documents: population.document.size, respondents: population.respondent.size, cases: population.case.size },
        where,
        source,
        rollup: options.rollup === true,
      }),
    );
    return 0;
  }
  const table = freqTable(project.codebook, rows, { by, unit });
  table.notes = [
    `population: ${population.document.size} documents, ${population.respondent.size} respondents, ${population.case.size} cases` +
      (Object.keys(where).length ? ` (where ${Object.entries(where).map(([k, v]) => `${k}=${v}`).join(', ')})` : '') +
      `; source ${source}${options.rollup ? ', rolled up to parents' : ''}`,
  ];
  if (format === 'csv') table.notes = [];
  ctx.stdout.write(renderTable(table, format, { color: useColor(ctx, options), delimiter: options.delimiter, bom: options.bom }));
  return 0;
}
