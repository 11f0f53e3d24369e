/** What every command gets: where it runs, where it writes, and the options all counting commands share. */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { autoCodeCorpus } from '../core/autocode/code.js';
import { compileCodebook } from '../core/autocode/compile.js';
import { InconsistentProject, InputError, unknownAttribute } from '../core/errors.js';
import { errorsOf, knownAttributes, lint } from '../core/checks/lint.js';
import type { Attributes, Project } from '../core/model.js';
import { display, loadProject, otherFiles } from '../io/read.js';
import { FORMATS, type Format } from '../report/formats.js';

export interface Writer {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface Context {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: Writer;
  stderr: Writer;
  /**
   * Have `cleanup` run if the run is interrupted (Ctrl-C) before the returned function is called; given by
   * the bin, which owns the process. Without it nothing is registered.
   */
  onInterrupt?: (cleanup: () => void) => () => void;
}

export interface CommonOptions {
  codebook: string;
  where: string[];
  format?: string;
  color?: boolean;
  delimiter?: string;
  bom?: boolean;
  source?: string;
  rollup?: boolean;
}

export function parseWhere(list: readonly string[]): Attributes {
  const out: Record<string, string> = {};
  for (const item of list) {
    const i = item.indexOf('=');
    if (i <= 0) throw new InputError(`--where ${item}: expected key=value`, { hint: 'e.g. --where line=botoc (repeat --where for more keys)' });
    out[item.slice(0, i).trim()] = item.slice(i + 1).trim();
  }
  return out;
}

export function parseSource(value: string | undefined): 'manual' | 'auto' | 'any' {
  const v = value ?? 'manual';
  if (v !== 'manual' && v !== 'auto' && v !== 'any') throw new InputError(`--source ${v}: unknown source`, { hint: 'expected manual, auto or any' });
  return v;
}

export function parseFormat(value: string | undefined): Format {
  const v = value ?? 'table';
  if (!(FORMATS as readonly string[]).includes(v)) throw new InputError(`--format ${v}: unknown format`, { hint: `expected one of: ${FORMATS.join(', ')}` });
  return v as Format;
}

/** Colour only for a terminal, and never with NO_COLOR or --no-color. */
export function useColor(ctx: Context, options: Pick<CommonOptions, 'color'>): boolean {
  return ctx.stdout.isTTY === true && options.color !== false && ctx.env.NO_COLOR === undefined;
}

export function enumOption<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T;
export function enumOption<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined;
export function enumOption<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback?: T): T | undefined {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new InputError(`${name} ${value}: not a valid choice`, { hint: `expected one of: ${allowed.join(', ')}` });
  return value as T;
}

export function load(ctx: Context, corpus: string | undefined, options: Pick<CommonOptions, 'codebook'>): Project {
  const project = loadProject({ cwd: ctx.cwd, corpus: corpus ?? 'corpus', codebook: options.codebook });
  if (project.corpus.documents.length === 0) warnNoDocuments(ctx, corpus ?? 'corpus');
  return project;
}

/**
 * A corpus without documents counts zeros everywhere, which is easy to mistake for a result: say so on
 * stderr, and name the files that are there but not read (transcripts saved as .docx, say).
 */
export function warnNoDocuments(ctx: Context, corpus: string): void {
  const root = path.resolve(ctx.cwd, corpus);
  const shown = display(ctx.cwd, root);
  const others = otherFiles(root, shown);
  const found = others.length === 0 ? '' : ` (found ${others.length} other file${others.length === 1 ? '' : 's'}, such as ${path.join(shown, others[0]!)})`;
  warn(ctx, `no documents in ${shown}: werkscan reads .md and .txt files${found}`);
}

/**
 * Load, and refuse to count a project with consistency errors, or filter on an attribute nothing has.
 * Terms and findings are not checked here: counting hand-made codes depends on neither, and a second
 * corpus (another coder's, a held-out set) may be counted with a codebook whose findings are about the first.
 */
export function loadConsistent(ctx: Context, corpus: string | undefined, options: Pick<CommonOptions, 'codebook'> & { where?: string[] }, check = { findings: false }): Project {
  const project = load(ctx, corpus, options);
  const errors = errorsOf(lint(project, { terms: false, findings: check.findings }));
  if (errors.length > 0) throw new InconsistentProject(errors);
  checkWhere(project, options.where ?? []);
  return project;
}

/** A --where key that no case, document or respondent has would silently select nothing. */
export function checkWhere(project: Project, where: readonly string[]): void {
  const known = knownAttributes(project);
  for (const key of Object.keys(parseWhere(where))) {
    if (!known.has(key)) throw unknownAttribute(key, known);
  }
}

/** Automatic segments per document, computed only when a count asks for source auto or any. */
export function autoSegments(project: Project, needed: boolean) {
  return needed ? autoCodeCorpus(project.corpus.documents, compileCodebook(project.codebook)).segments : undefined;
}

/** Above this many bytes of documents, work document by document (bounded memory). */
export const STREAM_BYTES = 5 * 1024 * 1024;
/**
 * Above this many bytes, `code` also uses a second thread; `freq`, whose documents cost less, above
 * FREQ_PARALLEL_BYTES. Below them a second thread costs more than it gives: it needs ~0.25 s to start,
 * and on the 2-core machine measured two busy threads run ~1.45× as fast as one, not 2×. Measured
 * (one thread against two): `code` at 30 MB 3.2 s / 3.1 s, at 50 MB 5.8 s / 4.1 s; `freq --source auto`
 * at 10 MB 0.70 s / 0.80 s, at 30 MB 0.93 s / 1.00 s, at 50 MB 1.20 s / 1.19 s, at 100 MB ~2.1 s / 1.65 s.
 */
export const PARALLEL_BYTES = 32 * 1024 * 1024;
export const FREQ_PARALLEL_BYTES = 48 * 1024 * 1024;

export function jobsFor(value: string | undefined, bytes: number, parallelAbove = PARALLEL_BYTES): number {
  if (value === undefined) return bytes > parallelAbove ? Math.min(2, availableParallelism()) : 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InputError(`--jobs ${value}: expected a whole number from 1 to 64`);
  return n;
}

/** A warning on stderr (a progress line is erased first). */
export function warn(ctx: Context, message: string): void {
  clearProgress(ctx);
  ctx.stderr.write(`werkscan: warning: ${message}\n`);
}

/** Progress on stderr, at most once a second, only on a terminal; the line is erased by the next output. */
export function progressReporter(ctx: Context): ((done: number, total: number) => void) | undefined {
  if (!ctx.stderr.isTTY) return undefined;
  let last = 0;
  return (done, total) => {
    if (Date.now() - last < 1000) return;
    last = Date.now();
    ctx.stderr.write(`\rwerkscan: ${done}/${total} documents\x1b[K`);
  };
}

/** Erase a progress line, if one was written. */
export function clearProgress(ctx: Context): void {
  if (ctx.stderr.isTTY) ctx.stderr.write('\r\x1b[K');
}
