/** `werkscan export qdc|qdpx`: the codebook, or the whole project, in the REFI-QDA exchange format. */
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { codebookQdc, projectQdpx } from '../core/exchange/refi-qda/export.js';
import { guardOutput, writeAtomic } from '../io/write.js';
import { zip } from '../io/zip.js';
import { loadConsistent, projectPaths, type Context } from './context.js';

export interface ExportOptions {
  codebook?: string;
  out?: string;
}

export function exportCommand(ctx: Context, kind: string, corpus: string | undefined, options: ExportOptions): number {
  if (kind !== 'qdc' && kind !== 'qdpx') throw new InputError(`export ${kind}: unknown format`, { hint: 'expected qdc (the codebook) or qdpx (the whole project)' });
  const project = loadConsistent(ctx, corpus, options);
  const folders = projectPaths(ctx, corpus, options);
  const outAbs = path.resolve(ctx.cwd, options.out ?? `werkscan.${kind}`);
  guardOutput(
    outAbs,
    [
      { abs: path.resolve(ctx.cwd, folders.corpus), what: 'corpus' },
      { abs: path.resolve(ctx.cwd, folders.codebook), what: 'codebook' },
    ],
    options.out ?? `werkscan.${kind}`,
  );
  let bytes: Buffer;
  if (kind === 'qdc') {
    bytes = Buffer.from(codebookQdc(project.codebook), 'utf8');
  } else {
    const { project: qde, sources } = projectQdpx(project, project.codebook.title || 'werkscan');
    bytes = zip([{ name: 'project.qde', data: Buffer.from(qde, 'utf8') }, ...sources.map((s) => ({ name: s.path, data: Buffer.from(s.text, 'utf8') }))]);
  }
  writeAtomic(outAbs, { name: path.basename(outAbs), content: bytes });
  const shown = path.relative(ctx.cwd, outAbs);
  ctx.stdout.write(`wrote ${shown} (${kind === 'qdc' ? `${project.codebook.codes.length} codes` : `${project.corpus.documents.length} sources, ${project.codebook.codes.length} codes`})\n`);
  return 0;
}
