/** `werkscan findings`: check every claim of findings.yaml; exit 1 when one fails. */
import { evaluateFindings } from '../core/evaluate.js';
import { findingsTable } from '../report/findings.js';
import { json, renderTable } from '../report/table.js';
import { autoSegments, loadConsistent, parseFormat, useColor, type CommonOptions, type Context } from './context.js';

export function findingsCommand(ctx: Context, corpus: string | undefined, options: CommonOptions): number {
  const format = parseFormat(options.format);
  const project = loadConsistent(ctx, corpus, options);
  if (project.findingsFile === null) ctx.stderr.write('werkscan: no findings.yaml in the codebook folder: nothing to check\n');
  const auto = autoSegments(project, project.findings.some((f) => f.source !== 'manual'));
  const result = evaluateFindings(project, { rollup: options.rollup, auto });
  if (format === 'json') {
    ctx.stdout.write(json(result));
  } else {
    const table = findingsTable(result.findings);
    if (format === 'csv') table.notes = [];
    ctx.stdout.write(renderTable(table, format, { color: useColor(ctx, options), delimiter: options.delimiter, bom: options.bom }));
  }
  return result.ok ? 0 : 1;
}
