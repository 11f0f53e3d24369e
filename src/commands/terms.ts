/** `werkscan terms suggest [CODE]`: terms that distinguish a code's coded sentences, for a researcher to review. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isSeq, parseDocument } from 'yaml';
import { SUGGEST_DEFAULTS, suggestTerms, type Suggestion } from '../core/autocode/learn/suggest.js';
import { InputError } from '../core/errors.js';
import { writeAtomic } from '../io/write.js';
import { suggestionsTable } from '../report/terms.js';
import { loadConsistent, projectPaths, type CommonOptions, type Context } from './context.js';
import { emit, type OutputOptions } from './output.js';

export interface TermsOptions extends OutputOptions, Pick<CommonOptions, 'codebook'> {
  top?: string;
  pick?: string;
  write?: string;
}

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InputError(`${name} ${value}: expected a whole number of at least 1`);
  return n;
}

export function termsSuggestCommand(ctx: Context, code: string | undefined, corpus: string | undefined, options: TermsOptions): number {
  const top = wholeNumber('--top', options.top, SUGGEST_DEFAULTS.top);
  if ((options.write !== undefined || options.pick !== undefined) && code === undefined) {
    throw new InputError('--write and --pick need a code', { hint: 'e.g. werkscan terms suggest capaciteit --pick formatie --write /tmp/codebook.yaml' });
  }
  const project = loadConsistent(ctx, corpus, options);
  const ids = project.codebook.codes.map((c) => c.id);
  if (code !== undefined && !ids.includes(code)) throw new InputError(`${code}: not a code of the codebook`, { hint: 'expected a code id, e.g. one listed by `werkscan freq`' });
  const suggestions: Suggestion[] = suggestTerms(project.corpus.documents, project.codebook, code === undefined ? ids : [code], { ...SUGGEST_DEFAULTS, top, language: project.settings.language });
  if (options.write !== undefined) writeCodebookCopy(ctx, corpus, options, code!, chosenTerms(options.pick, suggestions));
  emit(ctx, options, { json: () => ({ suggestions }), tables: () => suggestionsTable(suggestions) });
  return 0;
}

/** The terms of --pick (each one of the suggestions), else every suggestion shown. */
function chosenTerms(pick: string | undefined, suggestions: readonly Suggestion[]): string[] {
  const shown = suggestions.map((s) => s.term);
  if (pick === undefined) return shown;
  const picked = pick.split(',').map((t) => t.trim()).filter(Boolean);
  for (const t of picked) if (!shown.includes(t)) throw new InputError(`--pick ${t}: not among the suggestions`, { hint: `expected some of: ${shown.join(', ')}` });
  return picked;
}

/** A copy of codebook.yaml with `terms` added to the code; never the codebook itself. */
function writeCodebookCopy(ctx: Context, corpus: string | undefined, options: TermsOptions, code: string, terms: readonly string[]): void {
  const source = path.resolve(ctx.cwd, projectPaths(ctx, corpus, options).codebook, 'codebook.yaml');
  const target = path.resolve(ctx.cwd, options.write!);
  if (target === source) throw new InputError(`--write ${options.write}: that is the codebook itself`, { hint: 'write a copy elsewhere, review it, then copy the terms you keep' });
  const text = readFileSync(source, 'utf8');
  const doc = parseDocument(text);
  const codes = doc.get('codes');
  const index = isSeq(codes) ? codes.items.findIndex((item) => (item as { get?: (k: string) => unknown }).get?.('id') === code) : -1;
  const list = doc.getIn(['codes', index, 'terms']);
  const quoted = terms.map((t) => JSON.stringify(t));
  let out: string;
  if (isSeq(list) && list.flow && list.range) {
    // Only the flow list changes: the rest of the file (comments, layout) stays as written.
    const close = text.lastIndexOf(']', list.range[1]);
    const before = text.slice(0, close).trimEnd();
    out = `${before}${list.items.length > 0 ? ', ' : ''}${quoted.join(', ')}${text.slice(close)}`;
  } else {
    for (const t of terms) doc.addIn(['codes', index, 'terms'], t);
    out = doc.toString();
  }
  writeAtomic(target, { name: path.basename(target), content: out });
  ctx.stderr.write(`werkscan: wrote ${path.relative(ctx.cwd, target) || target}: ${code} with ${terms.length} more term${terms.length === 1 ? '' : 's'} (${terms.join(', ')})\n`);
}
