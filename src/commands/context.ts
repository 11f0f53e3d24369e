/** What every command gets: where it runs, where it writes, and the options all counting commands share. */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { assertCountable } from '../core/checks/countable.js';
import type { Project, ProjectSettings } from '../core/model.js';
import { display, loadProject } from '../io/read.js';
import { folderFor, projectSettings } from '../io/project-file.js';
import { openYamlCache } from '../io/cache.js';
import { corpusBytes, type CorpusFiles } from '../pipeline/corpus.js';
import type { StreamPaths } from '../pipeline/stream.js';
import { parseWhere } from './options.js';
import { convertible } from '../report/lint.js';

export interface Writer {
  write(chunk: string): unknown;
  isTTY?: boolean;
  /** A terminal's width in characters (Node sets it on a TTY stream). */
  columns?: number;
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
  /** The YAML parse cache's folder for this run (io/cache.ts); null or absent: no cache. */
  yamlCacheDir?: string | null;
  /** Warnings given in this run, so that each is given once (see warnOnce); absent: no memory. */
  said?: Set<string>;
  /** `-C DIR` / `--project DIR`: the folder that holds werkscan.yaml. */
  projectDir?: string | null;
  /** The project files read in this run, by where they were looked for (each is read once); absent: no memory. */
  projects?: Map<string, ProjectSettings>;
}

export interface CommonOptions {
  /** Absent: the project file's `paths.codebook`, else `codebook`. */
  codebook?: string;
  where: string[];
  format?: string;
  color?: boolean;
  delimiter?: string;
  bom?: boolean;
  source?: string;
  rollup?: boolean;
}

export interface ProjectPaths {
  settings: ProjectSettings;
  corpus: string;
  codebook: string;
  /** The reports folder: `--out`, else the project file's `paths.reports`, else `reports`. */
  reports: string;
}

/** The project file that applies (see io/project-file.ts), and the folders: given, else declared, else the usual names. */
export function projectPaths(ctx: Context, corpus: string | undefined, options: Pick<CommonOptions, 'codebook'> & { out?: string }): ProjectPaths {
  const key = `${ctx.projectDir ?? ''}\0${corpus ?? ''}`;
  const settings = ctx.projects?.get(key) ?? projectSettings({ cwd: ctx.cwd, projectDir: ctx.projectDir ?? null, corpus: corpus ?? null, yamlCache: openYamlCache(ctx.yamlCacheDir ?? null) });
  ctx.projects?.set(key, settings);
  return {
    settings,
    corpus: folderFor(settings, ctx.cwd, corpus, 'corpus', 'corpus'),
    codebook: folderFor(settings, ctx.cwd, options.codebook, 'codebook', 'codebook'),
    reports: folderFor(settings, ctx.cwd, options.out, 'reports', 'reports'),
  };
}

export function load(ctx: Context, given: string | undefined, options: Pick<CommonOptions, 'codebook'>, { warnUnread = true } = {}): Project {
  const { settings, corpus, codebook } = projectPaths(ctx, given, options);
  const project = loadProject({ cwd: ctx.cwd, corpus, codebook, settings, yamlCache: openYamlCache(ctx.yamlCacheDir ?? null) });
  if (project.corpus.documents.length === 0) warnNoDocuments(ctx, corpus, project.corpus.unread ?? []);
  else if (warnUnread) warnUnreadFiles(ctx, project.corpus.unread ?? []);
  return project;
}

/**
 * The document files of a corpus for the document-by-document path (see corpusBytes), with a warning
 * about the files it does not read, and where the streamed run finds everything.
 */
export function corpusFor(ctx: Context, given: string | undefined, options: Pick<CommonOptions, 'codebook'>, { warnUnread = true } = {}): { paths: StreamPaths; documents: CorpusFiles } {
  const { settings, corpus, codebook } = projectPaths(ctx, given, options);
  const paths = { cwd: ctx.cwd, corpus, codebook, settings, yamlCacheDir: ctx.yamlCacheDir ?? null };
  const documents = corpusBytes(ctx.cwd, paths.corpus, STREAM_BYTES);
  if (warnUnread && documents.files.length > 0) warnUnreadFiles(ctx, documents.unread);
  return { paths, documents };
}

/**
 * A corpus without documents counts zeros everywhere, which is easy to mistake for a result: say so on
 * stderr, and name the files that are there but not read (transcripts saved as .docx, say).
 */
function warnNoDocuments(ctx: Context, corpus: string, unread: readonly string[]): void {
  const shown = display(ctx.cwd, path.resolve(ctx.cwd, corpus));
  const found = unread.length === 0 ? '' : ` (found ${unread.length} other file${unread.length === 1 ? '' : 's'}, such as ${unread[0]!})`;
  warnOnce(ctx, `no documents in ${shown}: werkscan reads .md and .txt files${found}`);
}

/** Files in the corpus that are not read (a transcript saved as .docx): their coding would count for nothing, silently. */
function warnUnreadFiles(ctx: Context, unread: readonly string[]): void {
  if (unread.length === 0) return;
  const shown = unread.length <= 5 ? unread.join(', ') : `${unread.slice(0, 5).join(', ')} and ${unread.length - 5} more`;
  const ingest = unread.filter(convertible).length;
  const how = ingest === 0 ? 'convert them to Markdown, or move them out of the corpus folder' : `\`werkscan ingest\` converts ${ingest === unread.length ? (unread.length === 1 ? 'it' : 'them') : `${ingest} of them`} into documents; move the originals out of the corpus folder`;
  warnOnce(ctx, `${unread.length} file${unread.length === 1 ? '' : 's'} in the corpus not read: ${shown}; werkscan reads only .md and .txt (${how})`);
}

/**
 * Load, and refuse to count a project with consistency errors, or a filter that selects nothing nameable.
 * Terms and findings are not checked here: counting hand-made codes depends on neither, and a second
 * corpus (another coder's, a held-out set) may be counted with a codebook whose findings are about the first.
 */
export function loadConsistent(ctx: Context, corpus: string | undefined, options: Pick<CommonOptions, 'codebook'> & { where?: string[] }, check = { findings: false }): Project {
  const project = load(ctx, corpus, options);
  assertCountable(project, parseWhere(options.where ?? []), check);
  return project;
}

/** Above this many bytes of documents, work document by document (bounded memory). */
export const STREAM_BYTES = 5 * 1024 * 1024;
// @testOnly: exported for test/cli/jobs.test.ts
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

/** A warning, once per run (see Context.said). */
function warnOnce(ctx: Context, message: string): void {
  if (ctx.said?.has(message)) return;
  ctx.said?.add(message);
  warn(ctx, message);
}

/** A warning on stderr (a progress line is erased first). */
export function warn(ctx: Context, message: string): void {
  clearProgress(ctx);
  ctx.stderr.write(`werkscan: warning: ${message}\n`);
}

/** Erase a progress line, if one was written. */
function clearProgress(ctx: Context): void {
  if (ctx.stderr.isTTY) ctx.stderr.write('\r\x1b[K');
}
