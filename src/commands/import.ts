/** `werkscan import FILE.qdc|FILE.qdpx`: a REFI-QDA codebook or project into codebook/ and corpus/. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { InputError } from '../core/errors.js';
import { importQdc, importQdpx, type ImportedCodebook } from '../core/exchange/refi-qda/import.js';
import { display } from '../io/read.js';
import { writeAtomic } from '../io/write.js';
import { unzip } from '../io/zip.js';
import type { Context } from './context.js';

export interface ImportOptions {
  codebook: string;
  corpus: string;
  force?: boolean;
}

function codebookYaml(cb: ImportedCodebook, title: string): string {
  return stringify(
    {
      title,
      subquestions: cb.subquestions,
      categories: cb.categories,
      codes: cb.codes.map((c) => ({ id: c.id, label: c.label, category: c.category, subquestions: c.subquestions, ...(c.parent ? { parent: c.parent } : {}), description: c.description, terms: [] })),
    },
    { lineWidth: 110 },
  );
}

export function importCommand(ctx: Context, file: string, options: ImportOptions): number {
  const abs = path.resolve(ctx.cwd, file);
  const shown = display(ctx.cwd, abs);
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (e) {
    throw new InputError(`cannot read file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { file: shown, hint: 'expected a .qdc or .qdpx file' });
  }
  const codebookDir = path.resolve(ctx.cwd, options.codebook);
  const corpusDir = path.resolve(ctx.cwd, options.corpus);
  const title = path.basename(file).replace(/\.(qdc|qdpx)$/i, '');
  const writes: { abs: string; content: string }[] = [];
  let warnings: string[] = [];
  let summary: string;
  if (/\.qdc$/i.test(file)) {
    const cb = importQdc(bytes.toString('utf8'), shown);
    writes.push({ abs: path.join(codebookDir, 'codebook.yaml'), content: codebookYaml(cb, title) });
    summary = `${cb.codes.length} codes in ${cb.categories.length} categories`;
  } else if (/\.qdpx$/i.test(file)) {
    let entries: Map<string, Buffer>;
    try {
      entries = unzip(bytes);
    } catch (e) {
      throw new InputError(`not a readable .qdpx: ${(e as Error).message}`, { file: shown, hint: 'expected a ZIP holding project.qde and sources/' });
    }
    // Tools write project.qde at the top and sources/ or Sources/: match names case-insensitively.
    const byLower = new Map([...entries].map(([k, v]) => [k.toLowerCase(), v]));
    const qde = [...entries.keys()].find((k) => k.toLowerCase().endsWith('.qde'));
    if (!qde) throw new InputError('no project.qde inside', { file: shown, hint: 'expected a REFI-QDA project (.qdpx)' });
    const project = importQdpx(entries.get(qde)!.toString('utf8'), `${shown}/${qde}`, (p) => byLower.get(`sources/${p}`.toLowerCase())?.toString('utf8') ?? byLower.get(p.toLowerCase())?.toString('utf8') ?? null);
    warnings = project.warnings;
    writes.push({ abs: path.join(codebookDir, 'codebook.yaml'), content: codebookYaml(project.codebook, title) });
    writes.push({ abs: path.join(corpusDir, 'cases.yaml'), content: stringify({ cases: Object.fromEntries(project.cases.map((c) => [c.id, c.attrs])) }) });
    for (const d of project.documents) writes.push({ abs: path.join(corpusDir, d.path), content: `---\n${d.frontMatter}\n---\n${d.body}` });
    summary = `${project.codebook.codes.length} codes, ${project.cases.length} cases, ${project.documents.length} documents`;
  } else {
    throw new InputError('unknown file type', { file: shown, hint: 'expected a .qdc (codebook) or .qdpx (project) file' });
  }
  const existing = writes.filter((w) => existsSync(w.abs));
  if (existing.length > 0 && !options.force) {
    throw new InputError(`import would overwrite ${existing.length} file${existing.length === 1 ? '' : 's'}, e.g. ${display(ctx.cwd, existing[0]!.abs)}`, {
      hint: 'import into empty folders (--codebook, --corpus), or pass --force to overwrite',
    });
  }
  for (const w of writes) writeAtomic(w.abs, { name: '', content: w.content });
  for (const w of warnings) ctx.stderr.write(`werkscan: warning: ${w}\n`);
  ctx.stdout.write(`imported ${summary} from ${shown} into ${display(ctx.cwd, codebookDir)}/${/\.qdpx$/i.test(file) ? ` and ${display(ctx.cwd, corpusDir)}/` : ''}\n`);
  return 0;
}
