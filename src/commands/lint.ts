/** `werkscan lint`: codebook and corpus consistency. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { lint, sortProblems, type Problem } from '../core/checks/lint.js';
import type { Project } from '../core/model.js';
import { formatProblem, problemMessage, summarizeProblems } from '../report/lint.js';
import { load, type CommonOptions, type Context } from './context.js';
import { parseFormat } from './options.js';
import { emitJson, useColor } from './output.js';

export function lintCommand(ctx: Context, corpus: string | undefined, options: CommonOptions & { findings?: boolean }): number {
  const format = parseFormat(options.format);
  // files not read are listed with the problems, as warnings
  const project = load(ctx, corpus, options, { warnUnread: false });
  const problems = sortProblems([...lint(project, { findings: options.findings !== false }), ...trainingProblems(project)]);
  const failed = problems.some((p) => p.severity === 'error');
  if (format === 'json') {
    emitJson(ctx, { ok: !failed, problems: problems.map((p) => ({ ...p, message: problemMessage(p) })) });
  } else {
    const color = useColor(ctx, options);
    for (const p of problems) ctx.stdout.write(formatProblem(p, color) + '\n');
    const { codes } = project.codebook;
    ctx.stdout.write(
      `${summarizeProblems(problems)} — ${codes.length} codes, ${project.corpus.cases.length} cases, ${project.corpus.documents.length} documents, ${options.findings === false ? 'findings left out' : `${project.findings.length} findings`}\n`,
    );
  }
  return failed ? 1 : 0;
}

/** A `training` folder of the project file that is not there (only `--source learned` reads them; said here, before it does). */
function trainingProblems({ settings }: Project): Problem[] {
  const isFolder = (abs: string) => {
    try {
      return statSync(abs).isDirectory();
    } catch {
      return false;
    }
  };
  return settings.training
    .filter((t) => !isFolder(path.resolve(settings.root, t.folder)))
    .map((t) => ({ rule: 'missing-training-folder', severity: 'error', file: t.origin.file, line: t.origin.line, column: t.origin.column, args: { folder: t.folder } }));
}
