/** `werkscan findings`: check every claim of findings.yaml; exit 1 when one fails. */
import { autoCodeCorpus } from '../core/autocode/code.js';
import { compileCodebook } from '../core/autocode/compile.js';
import { select } from '../core/count/select.js';
import { evaluateFindings } from '../core/claims/evaluate.js';
import { findingsTable } from '../report/findings.js';
import { loadConsistent, type CommonOptions, type Context } from './context.js';
import { emit } from './output.js';

export function findingsCommand(ctx: Context, corpus: string | undefined, options: CommonOptions): number {
  const project = loadConsistent(ctx, corpus, options, { findings: true });
  if (project.findingsFile === null) ctx.stderr.write('werkscan: no findings.yaml in the codebook folder: nothing to check\n');
  // Code automatically only the documents that findings counting automatic coding look at.
  const wanted = new Set(project.findings.filter((f) => f.source !== 'manual').flatMap((f) => select(project, f.among).documents));
  const auto = wanted.size > 0 ? autoCodeCorpus([...wanted], compileCodebook(project.codebook)).segments : undefined;
  const result = evaluateFindings(project, { rollup: options.rollup, auto });
  emit(ctx, options, { json: () => result, tables: () => findingsTable(result.findings) });
  return result.ok ? 0 : 1;
}
