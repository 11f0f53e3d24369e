/** `werkscan agree A B`: inter-coder agreement of two codings of the same documents. */
import path from 'node:path';
import { agreement, autoAgreement, firstDifferentLine, overlapAgreement, type CodedPair } from '../core/agreement/agree.js';
import { AGREE_UNITS, type AgreeUnit } from '../core/agreement/units.js';
import { InputError } from '../core/errors.js';
import type { CorpusDocument } from '../core/model.js';
import { parseCodebook } from '../core/parse/codebook.js';
import { loadDocuments, readText } from '../io/read.js';
import { agreementTables, autoAgreementTables } from '../report/agree.js';
import { loadConsistent, type Context } from './context.js';
import { automaticCoding, learnsOutOfFold } from './learned.js';
import { AUTO_SOURCES, choice } from './options.js';
import { emit, type OutputOptions } from './output.js';

export interface AgreeCommandOptions extends OutputOptions {
  codebook: string;
  unit?: string;
  codes?: string;
  excludeUncoded?: boolean;
  auto?: boolean;
  examples?: string;
  overlap?: string;
  source?: string;
  /** With --auto --source learned: extra training corpora. */
  train?: string[];
}

/** Pair the documents of two codings by id; refuse (with a warning) those whose plain text differs. */
function pairDocuments(a: readonly CorpusDocument[], b: readonly CorpusDocument[], warn: (s: string) => void): CodedPair[] {
  const byId = new Map(b.map((d) => [d.id, d]));
  const pairs: CodedPair[] = [];
  for (const da of a) {
    const db = byId.get(da.id);
    if (!db) continue;
    const line = firstDifferentLine(da.plainText, db.plainText);
    if (line !== null) {
      warn(`${db.file}:${db.bodyLine + line - 1}: refused: its text differs from ${da.file}:${da.bodyLine + line - 1} (the codings must be of the same text)`);
      continue;
    }
    pairs.push({ document: da, a: da.segments, b: db.segments });
  }
  return pairs;
}

export function agreeCommand(ctx: Context, dirA: string | undefined, dirB: string | undefined, options: AgreeCommandOptions): number {
  const unit = choice('--unit', options.unit, AGREE_UNITS, 'turn');
  if ((options.train?.length ?? 0) > 0 && !options.auto) throw new InputError('--train goes with --auto --source learned: it trains the learned coder', { hint: 'e.g. werkscan agree --auto corpus-heldout --source learned --train corpus-extra' });
  if (options.source !== undefined && !options.auto) throw new InputError('--source goes with --auto: it chooses the automatic coding compared with the manual one', { hint: 'e.g. werkscan agree --auto --source learned' });
  if (options.auto) {
    if (dirB !== undefined) throw new InputError('--auto compares one corpus with its own automatic coding: give one folder', { hint: 'e.g. werkscan agree --auto corpus/' });
    return autoCommand(ctx, dirA, unit, options);
  }
  if (dirA === undefined || dirB === undefined) throw new InputError('agree needs two corpus folders, or --auto', { hint: 'e.g. werkscan agree corpus corpus-coder-b' });
  const overlap = options.overlap === undefined ? null : Number(options.overlap);
  if (overlap !== null && !(overlap > 0 && overlap <= 100)) throw new InputError(`--overlap ${options.overlap}: expected a percentage above 0 and at most 100`);
  const codebookFile = path.join(path.resolve(ctx.cwd, options.codebook), 'codebook.yaml');
  const shownCodebook = path.relative(ctx.cwd, codebookFile);
  const codebook = parseCodebook(readText(codebookFile, shownCodebook), shownCodebook);
  const codes = chosenCodes(options.codes, codebook.codes.map((c) => c.id), shownCodebook);

  const a = loadDocuments(ctx.cwd, dirA);
  const b = loadDocuments(ctx.cwd, dirB);
  const pairs = pairDocuments(a, b, (s) => ctx.stderr.write(`werkscan: ${s}\n`));
  if (pairs.length === 0) {
    throw new InputError(`no document of ${dirA} has a coding with the same id and text in ${dirB}`, { hint: 'expected two folders with the same documents (matched by id), coded by two coders' });
  }
  const result = agreement(pairs, { unit, codes, excludeUncoded: options.excludeUncoded });
  const overlapRows = overlap === null ? null : overlapAgreement(pairs, codes, overlap);
  emit(ctx, options, {
    json: () => ({ ...result, documents: pairs.map((p) => p.document.id), ...(overlapRows ? { overlap: { percent: overlap, codes: overlapRows } } : {}) }),
    tables: () =>
      agreementTables(result, { documents: pairs.length, codes, chosen: Boolean(options.codes), overlap: overlapRows ? { percent: overlap!, codes: overlapRows } : null }),
  });
  return 0;
}

/** The codes of --codes (comma-separated), each checked against the codebook; all codes without it. */
function chosenCodes(list: string | undefined, known: readonly string[], codebook: string): readonly string[] {
  const codes = list ? list.split(',').map((c) => c.trim()).filter(Boolean) : known;
  for (const c of codes) if (!known.includes(c)) throw new InputError(`--codes: "${c}" is not a code of ${codebook}`);
  return codes;
}

/** `agree --auto`: automatic coding against the manual coding (the reference) of one corpus. */
function autoCommand(ctx: Context, corpus: string | undefined, unit: AgreeUnit, options: AgreeCommandOptions): number {
  const project = loadConsistent(ctx, corpus, options);
  const codes = chosenCodes(options.codes, project.codebook.codes.map((c) => c.id), 'the codebook');
  const examples = examplesLimit(options.examples);
  // The study's own corpus is coded out of fold by the learned coder: each document by one that never saw it.
  const source = choice('--source', options.source, AUTO_SOURCES, 'auto');
  const auto = automaticCoding(ctx, project, corpus, source, options, true)!;
  const outOfFold = learnsOutOfFold(ctx, corpus, source, options);
  const category = new Map(project.codebook.codes.map((c) => [c.id, c.category]));
  const pairs = project.corpus.documents.map((d) => ({ document: d, a: d.segments, b: auto.get(d.id) ?? [] }));
  const r = autoAgreement(pairs, { unit, codes, groupOf: (c) => category.get(c) ?? '' });
  emit(ctx, options, { json: () => ({ source, outOfFold, ...r }), tables: () => autoAgreementTables(r, examples, { source, outOfFold }) });
  return 0;
}

function examplesLimit(value: string | undefined): number {
  if (value === undefined) return 3;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InputError(`--examples ${value}: expected a whole number`);
  return n;
}
