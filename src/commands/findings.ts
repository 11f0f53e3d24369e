/** `werkscan findings`: check every claim of findings.yaml; exit 1 when one fails. */
import { autoCodeCorpus } from '../core/autocode/code.js';
import { compileCodebook } from '../core/autocode/compile.js';
import { select } from '../core/count/select.js';
import { evaluateFindings } from '../core/claims/evaluate.js';
import { claimMargins } from '../core/claims/margin.js';
import { findingsTable } from '../report/findings.js';
import { marginTable } from '../report/margin.js';
import { loadConsistent, type CommonOptions, type Context } from './context.js';
import { emit } from './output.js';

export interface FindingsOptions extends CommonOptions {
  /** Also say, per claim, how many units must be recoded before its verdict changes. */
  margin?: boolean;
}

export function findingsCommand(ctx: Context, corpus: string | undefined, options: FindingsOptions): number {
  const project = loadConsistent(ctx, corpus, options, { findings: true });
  if (project.findingsFile === null) ctx.stderr.write('werkscan: no findings.yaml in the codebook folder: nothing to check\n');
  // Code automatically only the documents that findings counting automatic coding look at.
  const wanted = new Set(project.findings.filter((f) => f.source !== 'manual').flatMap((f) => select(project, f.among).documents));
  const auto = wanted.size > 0 ? autoCodeCorpus([...wanted], compileCodebook(project.codebook), { hits: false }).segments : undefined;
  const result = evaluateFindings(project, { rollup: options.rollup, auto });
  if (!options.margin) {
    emit(ctx, options, { json: () => result, tables: () => findingsTable(result.findings) });
    return result.ok ? 0 : 1;
  }
  const margins = claimMargins(project, result.findings, { rollup: options.rollup, auto });
  emit(ctx, options, {
    json: () => ({
      ...result,
      findings: result.findings.map((f, i) => {
        const m = margins[i]!;
        return { ...f, margin: m.margin, margin_direction: m.direction, exact_quantifier: m.exact, fragile_units: m.fragileUnits };
      }),
    }),
    tables: () => [findingsTable(result.findings), marginTable(result.findings, margins)],
  });
  return result.ok ? 0 : 1;
}
