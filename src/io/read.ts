/** Reading the corpus and codebook folders from disk. The parsing itself is pure (src/core). */
import { Buffer, isAscii } from 'node:buffer';
import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { parseCases } from '../core/parse/cases.js';
import { parseCodebook } from '../core/parse/codebook.js';
import { withLexicon } from './lexicon.js';
import { parseDocument } from '../core/parse/document.js';
import { ErrorCollector, InputError } from '../core/errors.js';
import { parseFindings, parseLeads } from '../core/parse/findings.js';
import type { CorpusDocument, Project, ProjectSettings } from '../core/model.js';
import { defaultSettings } from '../core/parse/project.js';
import { DEFAULT_QUANTIFIERS, parseQuantifiers, parseWording } from '../core/claims/quantifiers.js';
import { decodeText, normalizeNewlines } from '../core/text/positions.js';
import type { YamlCache } from '../core/parse/yaml-parsed.js';

export interface Paths {
  cwd: string;
  corpus: string;
  codebook: string;
  /** false: only cases, codebook, findings and quantifiers, without listing or reading the documents. */
  documents?: boolean;
  /** Parses of YAML kept between runs (io/cache.ts); null or absent: none. */
  yamlCache?: YamlCache | null;
  /** The project file's settings; absent: the defaults. */
  settings?: ProjectSettings;
}


/** How a path is shown to the user: relative to the working directory. */
export function display(cwd: string, p: string): string {
  const rel = path.relative(cwd, p);
  return rel === '' ? '.' : rel;
}

/** One buffer for all reads of this thread (a file is decoded before the next is read). */
let scratch = Buffer.allocUnsafeSlow(1 << 16);
const SCRATCH_KEPT = 1 << 22;

/**
 * The largest file werkscan reads: 64 MiB. A transcript or plan is some kilobytes (the shipped study's
 * largest is under 100 KB); a file this large is a mistake (a link to /dev/zero, a video saved as .md),
 * and reading it whole would take its size in memory several times over.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** What a file that is not a regular file is, for the message. */
function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'a special file';
}

/**
 * The bytes of a file, in `scratch` (valid until the next read): open, read until end of file, close.
 * Opened without blocking (a FIFO would wait for a writer), then refused unless it is a regular file of
 * at most `max` bytes; at most `max` + 1 bytes are read, should the file grow meanwhile.
 */
function readBytes(abs: string, shown: string, max = MAX_FILE_BYTES): Buffer {
  const fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    if (!st.isFile()) throw new InputError(`${kindOf(st)}, not a regular file: werkscan reads only regular files`, { file: shown, hint: 'remove it (or the link to it), or move it out of the folder werkscan reads' });
    if (st.size > max) throw tooLarge(shown, st.size, max);
    let n = 0;
    for (;;) {
      if (n === scratch.length) {
        const larger = Buffer.allocUnsafeSlow(scratch.length * 2);
        scratch.copy(larger, 0, 0, n);
        scratch = larger;
      }
      const read = readSync(fd, scratch, n, Math.min(scratch.length - n, max + 1 - n), null);
      if (read === 0) return scratch.subarray(0, n);
      n += read;
      if (n > max) throw tooLarge(shown, null, max);
    }
  } finally {
    closeSync(fd);
  }
}

const MB = 1024 * 1024;
const tooLarge = (shown: string, size: number | null, max: number) =>
  new InputError(`file too large: ${size === null ? `more than ${max / MB} MB` : `${(size / MB).toFixed(1)} MB`}; werkscan reads files of at most ${max / MB} MB`, {
    file: shown,
    hint: 'expected a transcript, plan or YAML file of at most 64 MB (see docs/threat-model.md); split a larger document into parts',
  });

/** readBytes, with the system's errors (ENOENT, EACCES, EISDIR, …) as exit-2 messages naming the file. */
function readChecked(abs: string, shown: string, what: string): Buffer {
  try {
    return readBytes(abs, shown);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'file not found (or a broken link)' : code === 'EISDIR' ? 'expected a file, found a folder' : `cannot read file (${code ?? 'unknown error'})`;
    throw new InputError(message, { file: shown, hint: code === 'EACCES' ? 'expected a readable file; check its permissions' : `expected ${what}` });
  }
}

/** The bytes of a binary file (a .docx, a PDF), within the size limit, as a copy of their own. */
export const readFileBytes = (abs: string, shown: string): Buffer => Buffer.from(readChecked(abs, shown, 'a readable file'));

export function readText(abs: string, shown: string): string {
  const bytes = readChecked(abs, shown, 'a readable UTF-8 text file');
  // ASCII decodes as Latin-1, which is a plain copy. Node's UTF-8 decoder replaces bad bytes with
  // U+FFFD; only then decode strictly, to name the offending byte (or accept a genuine U+FFFD).
  const text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const result = text.includes('\uFFFD') ? decodeText(bytes, shown) : normalizeNewlines(text);
  if (scratch.length > SCRATCH_KEPT) scratch = Buffer.allocUnsafeSlow(1 << 16);
  return result;
}

export function requireDir(abs: string, shown: string, what: string, hint: string): void {
  let isFile = false;
  try {
    if (statSync(abs).isDirectory()) return;
    isFile = true;
  } catch {
    // missing (or unreadable): said below
  }
  throw new InputError(isFile ? `${what} folder expected, found a file: ${shown}` : `${what} folder not found: ${shown}`, { hint });
}

const isReadme = (name: string) => /^readme\.(md|txt)$/i.test(name);
const isDocument = (name: string) => /\.(md|txt)$/i.test(name) && !isReadme(name);

/** Every document file below `root`, sorted, as paths relative to root with forward slashes. */
function listDocuments(root: string, shown: string): string[] {
  return corpusFiles(root, shown).documents;
}

/**
 * The files of a corpus folder, sorted, relative to it: the documents, and the files werkscan does not
 * read (transcripts saved as .docx, say; cases.yaml and READMEs aside), to warn about them.
 */
export function corpusFiles(root: string, shown: string): { documents: string[]; unread: string[] } {
  const documents: string[] = [];
  const unread: string[] = [];
  walkFiles(root, shown, (entry, rel) => {
    // Links are followed when read; a broken one is then reported as unreadable.
    if (!entry.isFile() && !entry.isSymbolicLink()) return;
    if (isDocument(entry.name)) documents.push(rel);
    else if (rel !== 'cases.yaml' && !isReadme(entry.name)) unread.push(rel);
  });
  return { documents: documents.sort(), unread: unread.sort() };
}

/** A corpus's own files: hidden entries (`.git`, editors' swap files) and node_modules are not part of it. */
const notCorpus = (name: string) => name.startsWith('.') || name === 'node_modules';

/**
 * Visit every entry below `root` that is not a folder (name, path relative to root, absolute path),
 * folders first taken apart; `skip` leaves out entries by name (folders: `isFolder`). A folder that cannot
 * be listed is an input error naming it.
 */
export function walkFiles(root: string, shown: string, visit: (entry: Dirent, rel: string, abs: string) => void, skip: (name: string, isFolder: boolean) => boolean = notCorpus): void {
  const walk = (dir: string, rel: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new InputError(`cannot read folder (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { file: path.join(shown, rel) || shown });
    }
    for (const entry of entries) {
      if (skip(entry.name, entry.isDirectory())) continue;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), childRel);
      else visit(entry, childRel, path.join(dir, entry.name));
    }
  };
  walk(root, '');
}

/** The documents of a corpus folder (no cases.yaml needed): for `agree`, whose second coding may be a bare folder. */
export function loadDocuments(cwd: string, dir: string, yamlCache: YamlCache | null = null, settings = defaultSettings(cwd)): CorpusDocument[] {
  const types = settings.documentTypes;
  const abs = path.resolve(cwd, dir);
  const shown = display(cwd, abs);
  requireDir(abs, shown, 'corpus', 'expected a folder of coded documents');
  const errors = new ErrorCollector();
  const documents = listDocuments(abs, shown).flatMap((rel) => {
    const file = display(cwd, path.join(abs, rel));
    return errors.attempt(() => parseDocument({ text: readText(path.join(abs, rel), file), path: rel, file, yamlCache, types })) ?? [];
  });
  errors.throwIfAny();
  return documents;
}

/**
 * Read and parse a project. Every file that cannot be read or parsed is reported, not the first only
 * (up to ErrorCollector's limit): cases.yaml, the documents, then the codebook folder's files.
 */
export function loadProject(paths: Paths): Project {
  const corpusAbs = path.resolve(paths.cwd, paths.corpus);
  const codebookAbs = path.resolve(paths.cwd, paths.codebook);
  const show = (p: string) => display(paths.cwd, p);
  const cache = paths.yamlCache ?? null;
  const settings = paths.settings ?? defaultSettings(paths.cwd);
  const types = settings.documentTypes;
  requireDir(corpusAbs, show(corpusAbs), 'corpus', 'expected a folder with cases.yaml and the documents; give its path, e.g. `werkscan code corpus/`');
  requireDir(codebookAbs, show(codebookAbs), 'codebook', 'expected a folder with codebook.yaml; pass --codebook <dir>');

  const casesFile = path.join(corpusAbs, 'cases.yaml');
  if (!existsSync(casesFile)) {
    throw new InputError('cases.yaml not found', {
      file: show(casesFile),
      hint: 'every corpus needs a cases.yaml: `cases:` with one entry per case and its attributes, e.g. `case-1: { name: Case one }`',
    });
  }
  const errors = new ErrorCollector();
  const cases = errors.attempt(() => parseCases(readText(casesFile, show(casesFile)), show(casesFile), cache)) ?? [];
  const files = paths.documents === false ? { documents: [], unread: [] } : corpusFiles(corpusAbs, show(corpusAbs));
  const documents: CorpusDocument[] = files.documents.flatMap((rel) => {
    const abs = path.join(corpusAbs, rel);
    const file = show(abs);
    return errors.attempt(() => parseDocument({ text: readText(abs, file), path: rel, file, yamlCache: cache, types })) ?? [];
  });

  const codebookFile = path.join(codebookAbs, 'codebook.yaml');
  const codebook = errors.attempt(() => withLexicon(parseCodebook(readText(codebookFile, show(codebookFile)), show(codebookFile), cache), [...types.keys()]));
  const optional = (name: string) => {
    const abs = path.join(codebookAbs, name);
    try {
      statSync(abs);
    } catch {
      return null;
    }
    return { text: readText(abs, show(abs)), file: show(abs) };
  };
  const q = errors.attempt(() => optional('quantifiers.yaml'));
  const quantifiers = errors.attempt(() => (q ? parseQuantifiers(q.text, q.file, DEFAULT_QUANTIFIERS, cache) : DEFAULT_QUANTIFIERS));
  const wording = errors.attempt(() => (q && quantifiers ? parseWording(q.text, q.file, quantifiers, cache) : null));
  const f = errors.attempt(() => optional('findings.yaml'));
  const findings = errors.attempt(() => (f ? parseFindings(f.text, f.file, cache) : []));
  const known = new Set([...(findings ?? []).map((x) => x.id), ...(codebook?.codes ?? []).map((c) => c.id)]);
  const leads = errors.attempt(() => (f && findings && codebook ? parseLeads(f.text, f.file, known, cache) : new Map<string, string[]>()));
  errors.throwIfAny();
  return {
    settings,
    corpus: { root: show(corpusAbs), casesFile: show(casesFile), cases, documents, unread: files.unread.map((rel) => show(path.join(corpusAbs, rel))) },
    codebook: codebook!,
    quantifiers: quantifiers!,
    ...(wording ? { wording } : {}),
    leads: leads!,
    findings: findings!,
    findingsFile: f?.file ?? null,
  };
}
