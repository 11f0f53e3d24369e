/** `werkscan code`: parse, lint, count, and write every report (or `--check` that they are current). */
import path from 'node:path';
import { lint } from '../core/lint.js';
import { guardOutput, staleFiles, writeAll } from '../io/write.js';
import { buildReports } from '../report/bundle.js';
import { formatProblem, summarizeProblems } from '../report/lint.js';
import { load, useColor, type CommonOptions, type Context } from './context.js';

export interface CodeOptions extends CommonOptions {
  out: string;
  check?: boolean;
}

export function codeCommand(ctx: Context, corpus: string | undefined, options: CodeOptions): number {
  const project = load(ctx, corpus, options);
  const problems = lint(project);
  const color = useColor(ctx, options);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    for (const p of problems) ctx.stderr.write(formatProblem(p, color) + '\n');
    ctx.stderr.write(`werkscan: ${summarizeProblems(problems)}; nothing written\n`);
    return 1;
  }
  const outAbs = path.resolve(ctx.cwd, options.out);
  guardOutput(
    outAbs,
    [
      { abs: path.resolve(ctx.cwd, corpus ?? 'corpus'), what: 'corpus' },
      { abs: path.resolve(ctx.cwd, options.codebook), what: 'codebook' },
    ],
    options.out,
  );
  const { files, rows, population, segments, findings } = buildReports(project, { delimiter: options.delimiter, bom: options.bom });
  const shownOut = path.relative(ctx.cwd, outAbs) || '.';
  if (options.check) {
    const stale = staleFiles(outAbs, files);
    if (stale.length > 0) {
      for (const name of stale) ctx.stderr.write(`${path.join(shownOut, name)}: out of date\n`);
      ctx.stderr.write(`werkscan: ${stale.length} report${stale.length === 1 ? ' is' : 's are'} not current; run \`werkscan code\` and commit ${shownOut}/\n`);
      return 1;
    }
    ctx.stdout.write(`${shownOut}/ is current (${files.length} files)\n`);
    return 0;
  }
  writeAll(outAbs, files);

  for (const p of problems) ctx.stderr.write(formatProblem(p, color) + '\n');
  const used = rows.filter((r) => r.segments > 0).length;
  const failed = findings.filter((f) => !f.ok).length;
  const known = findings.filter((f) => f.status === 'known-discrepancy').length;
  const lines = [
    `${population.document.size} documents, ${population.respondent.size} respondents, ${population.case.size} cases`,
    `${segments} coded segments; ${used} of ${rows.length} codes used`,
    project.findings.length > 0
      ? `findings: ${findings.length - failed - known} reproduced, ${known} known discrepancies, ${failed} failed${failed ? ' (see `werkscan findings`)' : ''}`
      : 'findings: none defined',
    `lint: ${summarizeProblems(problems)}`,
    `wrote ${files.length} files to ${shownOut}/: ${files.map((f) => f.name).join(', ')}`,
  ];
  ctx.stdout.write(lines.join('\n') + '\n');
  return 0;
}
