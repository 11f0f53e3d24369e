/** `werkscan import FILE.qdc|FILE.qdpx`: a REFI-QDA codebook or project into codebook/ and corpus/. */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { codebookLayout, projectLayout, type Layout } from '../core/exchange/layout.js';
import { importQdc, importQdpx } from '../core/exchange/refi-qda/import.js';
import { display } from '../io/read.js';
import { writeTrees } from '../io/tree.js';
import { openZip, ZipError } from '../io/zip.js';
import { projectPaths, type Context } from './context.js';

export interface ImportOptions {
  /** Absent: the project file's `paths`, else codebook/ and corpus/. */
  codebook?: string;
  corpus?: string;
  force?: boolean;
}

/** Largest .qdc or .qdpx read (the inflated entries of a .qdpx have their own limits, src/io/zip.ts). */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

function readInput(abs: string, shown: string): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const st = fstatSync(fd);
    if (!st.isFile()) throw new InputError('not a regular file', { file: shown, hint: 'expected a .qdc or .qdpx file' });
    if (st.size > MAX_FILE_BYTES) throw new InputError(`the file is ${Math.round(st.size / 2 ** 20)} MB, more than the limit of 256 MB`, { file: shown, hint: 'expected a .qdc or .qdpx file' });
    return readFileSync(fd);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { file: shown, hint: 'expected a .qdc or .qdpx file' });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A .qdpx: project.qde and the sources it names, each inflated only when asked for. */
function readProject(bytes: Buffer, shown: string, title: string): Imported {
  try {
    const zip = openZip(bytes);
    // Tools write project.qde at the top and sources/ or Sources/: match names case-insensitively.
    const byLower = new Map(zip.names.map((n) => [n.toLowerCase(), n]));
    const isQde = (k: string) => k.toLowerCase().endsWith('.qde');
    const qde = zip.names.find((k) => !k.includes('/') && isQde(k)) ?? zip.names.find(isQde);
    if (!qde) throw new InputError('no project.qde inside', { file: shown, hint: 'expected a REFI-QDA project (.qdpx)' });
    const entry = (p: string) => byLower.get(`sources/${p}`.toLowerCase()) ?? byLower.get(p.toLowerCase());
    const source = (p: string) => {
      const name = entry(p);
      return name === undefined ? null : zip.read(name).toString('utf8');
    };
    const project = importQdpx(zip.read(qde).toString('utf8'), `${shown}/${qde}`, source);
    const summary = `${project.codebook.codes.length} codes, ${project.cases.length} cases, ${project.documents.length} documents`;
    return { layout: projectLayout(project, title), warnings: project.warnings, summary };
  } catch (e) {
    if (!(e instanceof ZipError)) throw e;
    throw new InputError(e.entry === undefined ? `not a readable .qdpx: ${e.message}` : e.message, { file: shown, hint: 'expected a ZIP holding project.qde and sources/, within the limits of docs/threat-model.md' });
  }
}

interface Imported {
  layout: Layout;
  warnings: string[];
  summary: string;
}

/**
 * Every format `werkscan import` reads, by file extension. A new format is a folder under
 * src/core/exchange/ (its parser, pure) and one entry here.
 */
const IMPORT_FORMATS: readonly { extension: string; what: string; writesCorpus: boolean; read: (bytes: Buffer, shown: string, title: string) => Imported }[] = [
  {
    extension: '.qdc',
    what: 'a REFI-QDA codebook',
    writesCorpus: false,
    read: (bytes, shown, title) => {
      const cb = importQdc(bytes.toString('utf8'), shown);
      return { layout: codebookLayout(cb, title), warnings: cb.warnings, summary: `${cb.codes.length} codes in ${cb.categories.length} categories` };
    },
  },
  { extension: '.qdpx', what: 'a REFI-QDA project', writesCorpus: true, read: readProject },
];

export function importCommand(ctx: Context, file: string, options: ImportOptions): number {
  const abs = path.resolve(ctx.cwd, file);
  const shown = display(ctx.cwd, abs);
  const format = IMPORT_FORMATS.find((f) => file.toLowerCase().endsWith(f.extension));
  if (!format) throw new InputError('unknown file type', { file: shown, hint: `expected ${IMPORT_FORMATS.map((f) => `${f.what} (${f.extension})`).join(' or ')}` });
  const title = path.basename(file).slice(0, -format.extension.length);
  const imported = format.read(readInput(abs, shown), shown, title);
  const folders = projectPaths(ctx, options.corpus, { codebook: options.codebook });
  const codebookDir = path.resolve(ctx.cwd, folders.codebook);
  const corpusDir = path.resolve(ctx.cwd, folders.corpus);
  const { layout } = imported;
  writeTrees(
    [
      { abs: codebookDir, files: layout.codebook },
      ...(format.writesCorpus ? [{ abs: corpusDir, files: layout.corpus }] : []),
    ],
    { force: options.force === true, show: (p) => display(ctx.cwd, p) },
  );
  for (const w of imported.warnings) ctx.stderr.write(`werkscan: warning: ${w}\n`);
  ctx.stdout.write(`imported ${imported.summary} from ${shown} into ${display(ctx.cwd, codebookDir)}/${format.writesCorpus ? ` and ${display(ctx.cwd, corpusDir)}/` : ''}\n`);
  return 0;
}
