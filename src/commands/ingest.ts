/**
 * `werkscan ingest FILE|FOLDER…`: Word, OpenDocument, PDF, subtitles and transcription exports into
 * corpus documents (docs/ingest.md). Everything is converted and checked first; only when every input
 * converts, and no document would overwrite one that exists (without --force), is anything written,
 * each document atomically.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { InputError, InputErrors } from '../core/errors.js';
import type { Converted } from '../core/ingest/blocks.js';
import { defaultType, documentId, hasSpeakers, ingestDocument, type IngestedDocument } from '../core/ingest/document.js';
import { pseudonymiser } from '../core/ingest/pseudonymise.js';
import { parseSpeakerMap, type SpeakerMap } from '../core/ingest/speaker-map.js';
import { defaultRule, userRule, type LabelRule } from '../core/ingest/speakers.js';
import type { ProjectSettings } from '../core/model.js';
import { parseCases } from '../core/parse/cases.js';
import { CONVERTERS, SPEECH } from '../io/ingest/convert.js';
import { listInputs, readInput, type Input } from '../io/ingest/inputs.js';
import { display, readText } from '../io/read.js';
import { writeAtomic } from '../io/write.js';
import { formatIngestSummary, formatIngestWarning, type IngestedRow } from '../report/ingest.js';
import { projectPaths, warn, type Context } from './context.js';

export interface IngestOptions {
  case?: string;
  type?: string;
  speakers?: string;
  speakerPattern?: string;
  out?: string;
  force?: boolean;
  dryRun?: boolean;
}

const CASE_ID = /^[a-z0-9][a-z0-9-]*$/;

interface Planned {
  input: Input;
  doc: IngestedDocument;
  abs: string;
  pages?: number;
}

interface Setup {
  settings: ProjectSettings;
  outAbs: string;
  map: SpeakerMap | null;
  rule: LabelRule;
  case: string;
}

function setup(ctx: Context, options: IngestOptions): Setup {
  const { settings, corpus } = projectPaths(ctx, options.out, {});
  if (options.case === undefined) throw new InputError('--case is missing', { hint: 'expected the case (of cases.yaml) the material belongs to, e.g. --case amsterdam' });
  if (!CASE_ID.test(options.case)) throw new InputError(`--case ${options.case}: not a case id`, { hint: 'expected lower-case letters, digits and -, as in cases.yaml (e.g. den-haag)' });
  if (options.type !== undefined && !settings.documentTypes.has(options.type)) {
    throw new InputError(`--type ${options.type}: not a document type of this study`, { hint: `expected one of: ${[...settings.documentTypes.keys()].join(', ')}` });
  }
  let map: SpeakerMap | null = null;
  if (options.speakers !== undefined) {
    const shown = display(ctx.cwd, path.resolve(ctx.cwd, options.speakers));
    map = parseSpeakerMap(readText(path.resolve(ctx.cwd, options.speakers), shown), shown);
  }
  const rule = options.speakerPattern !== undefined ? userRule(options.speakerPattern) : defaultRule;
  return { settings, outAbs: path.resolve(ctx.cwd, corpus), map, rule, case: options.case };
}

/** The type of an input: given, else an interview where it is speech (or speakers are found), else a document. */
function typeOf(s: Setup, options: IngestOptions, input: Input, converted: Converted): string {
  // only without --type: finding speakers is a pass over the whole text
  const speech = () => SPEECH.has(input.ext) || hasSpeakers(converted.blocks, s.rule, s.map);
  const type = options.type ?? defaultType(s.settings.documentTypes, speech());
  if (type === null || !s.settings.documentTypes.has(type)) {
    const what = type ?? (speech() ? 'interview' : 'document');
    throw new InputError(`would be a document of type ${what}, which this study does not declare`, { file: input.shown, hint: `give --type, one of: ${[...s.settings.documentTypes.keys()].join(', ')}` });
  }
  return type;
}

async function plan(s: Setup, options: IngestOptions, input: Input): Promise<Planned> {
  const { bytes, sha256 } = readInput(input);
  const converted = await CONVERTERS[input.ext]!(bytes, input.shown);
  const type = typeOf(s, options, input, converted);
  const names = pseudonymiser(s.map);
  const id = documentId(names.apply(path.basename(input.abs)));
  const sourceFile = names.apply(path.relative(s.settings.root, input.abs).split(path.sep).join('/'));
  const doc = ingestDocument(converted, {
    file: input.shown,
    id,
    type,
    turns: s.settings.documentTypes.get(type)!.turns,
    case: s.case,
    rule: s.rule,
    map: s.map,
    source: { file: sourceFile, sha256 },
  });
  return { input, doc, abs: path.join(s.outAbs, `${id}.md`), ...(converted.pages !== undefined ? { pages: converted.pages } : {}) };
}

/** Every input converted; the errors of all of them at once (nothing is written then). */
async function planAll(s: Setup, options: IngestOptions, inputs: readonly Input[]): Promise<Planned[]> {
  const planned: Planned[] = [];
  const errors: InputError[] = [];
  for (const input of inputs) {
    try {
      planned.push(await plan(s, options, input));
    } catch (e) {
      if (e instanceof InputErrors) errors.push(...e.errors);
      else if (e instanceof InputError) errors.push(e.file === undefined ? new InputError(e.message, { file: input.shown, hint: e.hint }) : e);
      else throw e;
    }
  }
  if (errors.length > 0) throw errors.length === 1 ? errors[0]! : new InputErrors(errors.slice(0, 50), errors.length);
  return planned;
}

/** Two inputs that would be one document, or a document that exists (without --force): exit 2, naming each. */
function checkTargets(ctx: Context, planned: readonly Planned[], force: boolean): void {
  const seen = new Map<string, Planned>();
  for (const p of planned) {
    const other = seen.get(p.abs);
    if (other) throw new InputError(`${other.input.shown} and ${p.input.shown} would both become ${display(ctx.cwd, p.abs)}`, { hint: 'expected inputs with different file names; rename one, or ingest them in two runs with different --out' });
    seen.set(p.abs, p);
  }
  const existing = planned.filter((p) => existsSync(p.abs));
  if (existing.length > 0 && !force) {
    const names = existing.map((p) => display(ctx.cwd, p.abs));
    throw new InputError(`${names.length === 1 ? 'document exists' : `${names.length} documents exist`}: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', …' : ''}`, {
      hint: 'nothing was written; give --force to overwrite, or --out for another folder',
    });
  }
}

/**
 * The cases.yaml that will hold the new documents' case (the first in the output folder or above it, up to
 * the project's root), when it does not list `--case`: a warning, since the user may add the case after.
 */
function checkCase(ctx: Context, s: Setup): void {
  for (let dir = s.outAbs; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'cases.yaml');
    if (existsSync(file)) {
      const shown = display(ctx.cwd, file);
      let ids: string[];
      try {
        ids = parseCases(readText(file, shown), shown).map((c) => c.id);
      } catch {
        return; // a broken cases.yaml is lint's to report
      }
      if (!ids.includes(s.case)) warn(ctx, `--case ${s.case} is not in ${shown}: add it there (until then lint reports the new documents' case as unknown)`);
      return;
    }
    if (dir === s.settings.root || path.dirname(dir) === dir || !dir.startsWith(s.settings.root)) return;
  }
}

export async function ingestCommand(ctx: Context, files: readonly string[], options: IngestOptions): Promise<number> {
  const s = setup(ctx, options);
  checkCase(ctx, s);
  const { inputs, skipped } = listInputs(files, ctx.cwd);
  if (inputs.length === 0) {
    throw new InputError(`nothing to ingest${skipped.length > 0 ? `: ${skipped.length} file${skipped.length === 1 ? '' : 's'} skipped (${skipped[0]!.file}: ${skipped[0]!.reason})` : ''}`, {
      hint: `expected files ending in ${Object.keys(CONVERTERS).join(', ')}`,
    });
  }
  const planned = await planAll(s, options, inputs);
  checkTargets(ctx, planned, options.force === true);
  for (const p of planned) for (const w of p.doc.warnings) ctx.stderr.write(formatIngestWarning(p.input.shown, w));
  for (const p of planned) {
    if (options.dryRun) ctx.stdout.write(`--- ${display(ctx.cwd, p.abs)} ---\n${p.doc.text}`);
    else writeAtomic(p.abs, { name: path.basename(p.abs), content: Buffer.from(p.doc.text, 'utf8') });
  }
  const replaced = new Map<string, number>();
  for (const p of planned) for (const [id, n] of p.doc.replaced) replaced.set(id, (replaced.get(id) ?? 0) + n);
  const rows: IngestedRow[] = planned.map((p) => ({ target: display(ctx.cwd, p.abs), from: p.input.shown, type: p.doc.type, turns: p.doc.turns, ...(p.pages !== undefined ? { pages: p.pages } : {}) }));
  ctx.stdout.write(formatIngestSummary({ dryRun: options.dryRun === true, out: display(ctx.cwd, s.outAbs), files: inputs.length + skipped.length, documents: rows, skipped, replaced }));
  return 0;
}
