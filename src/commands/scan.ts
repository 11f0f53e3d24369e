/**
 * `werkscan scan PLAN…`: a draft plan against the study's recommendations and stimulating factors
 * (src/core/scan/checklist.ts). Reads .md and .txt plans, with or without front matter, and Word,
 * OpenDocument and PDF plans through the converters of `werkscan ingest`; writes to stdout.
 */
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { compileCodebook } from '../core/autocode/compile.js';
import { parseCodebook } from '../core/parse/codebook.js';
import { parseDocument } from '../core/parse/document.js';
import { checklistCodes, defaultScanSettings, scanPlan, topicCodebook, type ScanResult } from '../core/scan/checklist.js';
import { ingestDocument } from '../core/ingest/document.js';
import { defaultRule } from '../core/ingest/speakers.js';
import { display, readText } from '../io/read.js';
import { withLexicon } from '../io/lexicon.js';
import { CONVERTERS, SPEECH } from '../io/ingest/convert.js';
import { readInput } from '../io/ingest/inputs.js';
import { scanHtml, scanMarkdown, scanTable, type ScanSource } from '../report/scan.js';
import { json } from '../report/table.js';
import { projectPaths, type Context } from './context.js';
import { learnedCode } from '../core/autocode/learn/coder.js';
import { studyCoder } from './learned.js';
import { choice } from './options.js';
import { emitTables, type OutputOptions } from './output.js';

const SCAN_FORMATS = ['table', 'md', 'html', 'json'] as const;

export interface ScanOptions extends OutputOptions {
  codebook?: string;
  source?: string;
  /** false (`--no-training`): the learned coder leaves out the project file's `training` folders. */
  training?: boolean;
}

const SCAN_SOURCES: readonly ScanSource[] = ['auto', 'learned', 'auto+learned'];

/** Front matter for a plan that has none, so that the corpus's parser reads it; its lines are subtracted again. */
const SYNTHETIC = (id: string) => `---\nid: ${JSON.stringify(id)}\ntype: plan\ncase: scan\n---\n`;

/** A Word, OpenDocument or PDF plan as Markdown, by ingest's converter; `converted`: its lines are not the file's. */
async function convertedText(abs: string, shown: string, ext: string): Promise<string> {
  const { bytes, sha256 } = readInput({ abs, shown, ext });
  const converted = await CONVERTERS[ext]!(bytes, shown);
  const id = path.basename(abs, ext);
  const doc = ingestDocument(converted, { file: shown, id, type: 'plan', turns: false, case: 'scan', rule: defaultRule, map: null, source: { file: shown, sha256 } });
  return doc.text;
}

async function readPlan(ctx: Context, file: string, types: ReadonlyMap<string, { turns: boolean }>) {
  const abs = path.resolve(ctx.cwd, file);
  const shown = display(ctx.cwd, abs);
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.md' && ext !== '.txt' && !(ext in CONVERTERS && !SPEECH.has(ext))) {
    throw new InputError(`${shown}: scan reads plans as .md, .txt, .docx, .odt or .pdf`, { file: shown, hint: 'save the plan in one of these formats' });
  }
  const converted = ext !== '.md' && ext !== '.txt';
  const raw = converted ? await convertedText(abs, shown, ext) : readText(abs, shown);
  const own = /^---[ \t]*\n/.test(raw);
  const front = own ? '' : SYNTHETIC(path.basename(file).replace(/\.(md|txt)$/i, ''));
  const text = front + raw;
  const doc = parseDocument({ text, path: path.basename(file), file: shown, types });
  if (doc.hasTurns) throw new InputError(`${shown}: a document of type ${doc.type} is speaker turns, not a plan`, { file: shown, line: 1, column: 1, hint: 'scan reads plans: give a file with type: plan, or without front matter' });
  return { doc, shown, lineShift: front.split('\n').length - 1, converted };
}

export async function scanCommand(ctx: Context, plans: string[], options: ScanOptions): Promise<number> {
  const format = options.format ?? 'table';
  if (!(SCAN_FORMATS as readonly string[]).includes(format)) throw new InputError(`--format ${format}: not a format of scan`, { hint: `expected one of: ${SCAN_FORMATS.join(', ')}` });
  if (plans.length === 0) throw new InputError('scan needs a plan', { hint: 'e.g. werkscan scan ons-plan.md' });
  const { settings, codebook: dir } = projectPaths(ctx, undefined, { codebook: options.codebook });
  const codebookFile = path.join(path.resolve(ctx.cwd, dir), 'codebook.yaml');
  const shownCodebook = display(ctx.cwd, codebookFile);
  // as every corpus command reads it: matching options checked, the word list attached where a code asks for it
  const codebook = withLexicon(parseCodebook(readText(codebookFile, shownCodebook), shownCodebook), [...settings.documentTypes.keys()]);
  const scan = settings.scan ?? defaultScanSettings(codebook);
  const known = new Set(codebook.codes.map((c) => c.id).concat(codebook.categories.map((c) => c.id), codebook.subquestions.map((s) => s.id)));
  for (const id of [...scan.subquestions, ...scan.categories, ...scan.excludeCategories]) {
    if (!known.has(id)) throw new InputError(`scan: ${id} is no sub-question or category of ${shownCodebook}`, { ...(settings.scan ? settings.scan.origin : {}), hint: 'expected ids from the codebook' });
  }
  if (checklistCodes(codebook, scan).length === 0) throw new InputError(`scan: no code of ${shownCodebook} is on the checklist`, { hint: 'set scan.subquestions or scan.categories in werkscan.yaml (docs/scan.md)' });
  const source = choice('--source', options.source, SCAN_SOURCES, 'auto');
  // the learned coder is trained on the study's own hand coding (its corpus), as for --source learned elsewhere
  const coder = source === 'auto' ? null : studyCoder(ctx, codebook, { codebook: options.codebook, training: options.training });
  const book = compileCodebook(codebook);
  const topic = scan.topic ? { label: scan.topic.label, book: compileCodebook(topicCodebook(scan.topic.terms)) } : null;
  const results: { file: string; result: ScanResult }[] = [];
  for (const file of plans) {
    const { doc, shown, lineShift, converted } = await readPlan(ctx, file, settings.documentTypes);
    const extra = coder ? learnedCode(coder, doc) : [];
    results.push({ file: shown, result: scanPlan({ doc, codebook, book, topic, settings: scan, lineShift, converted, terms: source !== 'learned', extra }) });
  }
  const lang = settings.language;
  if (format === 'json') ctx.stdout.write(json(results.map((r) => ({ file: r.file, ...r.result }))));
  else if (format === 'html') ctx.stdout.write(scanHtml(results, lang, source));
  else if (format === 'md') ctx.stdout.write(results.map((r) => scanMarkdown(r.result, r.file, lang, source)).join('\n'));
  else emitTables(ctx, options, 'table', results.map((r) => scanTable(r.result, r.file, lang, source)));
  return 0;
}
