/**
 * Which automatic coding a command counts: the codebook's terms (`auto`), the coder learned from the
 * study's manual coding (`learned`, src/core/autocode/learn/), or both together (`auto+learned`: a
 * sentence has a code when either gives it). The learned coder is always trained on the study's own
 * corpus (paths.corpus of werkscan.yaml, else corpus/), and on the manual coding of each `--train` folder;
 * it then codes whatever corpus is read.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { autoCodeCorpus } from '../core/autocode/code.js';
import { compileCodebook } from '../core/autocode/compile.js';
import { learnedCodeCorpus, outOfFoldCorpus, trainCoder } from '../core/autocode/learn/coder.js';
import { InputError } from '../core/errors.js';
import type { CorpusDocument, Project, Segment } from '../core/model.js';
import { load, projectPaths, type CommonOptions, type Context } from './context.js';
import type { SourceOption } from './options.js';

type Coding = Map<string, Segment[]>;

/** The options that choose the learned coder's training material: `--train` folders, repeatable. */
export type TrainOptions = Pick<CommonOptions, 'codebook'> & { train?: string[] };

/** `--train` only means something to the learned coder: exit 2 with any other source. */
export function checkTrain(source: SourceOption, train: readonly string[] | undefined): void {
  if (train === undefined || train.length === 0 || source === 'learned' || source === 'auto+learned') return;
  throw new InputError(`--train ${train[0]}: goes with --source learned or auto+learned (it is training material for the learned coder)`, {
    hint: 'add --source learned (or auto+learned), or leave out --train',
  });
}

/** The study's corpus folder for the project that `given` belongs to, the folder read, and whether they are the same. */
function studyCorpus(ctx: Context, given: string | undefined, options: Pick<CommonOptions, 'codebook'>): { folder: string; read: string; same: boolean } {
  const read = path.resolve(ctx.cwd, projectPaths(ctx, given, options).corpus);
  const study = projectPaths(ctx, undefined, options).corpus;
  return { folder: study, read, same: read === path.resolve(ctx.cwd, study) };
}

function realFolder(ctx: Context, given: string): string {
  const abs = path.resolve(ctx.cwd, given);
  let isFolder = false;
  try {
    isFolder = statSync(abs).isDirectory();
  } catch {
    // reported below
  }
  if (!isFolder) throw new InputError(`--train ${given}: no such folder`, { hint: 'a corpus folder with manually coded documents (and its cases.yaml)' });
  return realpathSync(abs);
}

/**
 * The documents of each `--train` folder, in the order of their real paths (so the order of the options
 * does not matter; a folder given twice counts once). Refused: the corpus being coded, the study corpus
 * (always trained on), and a folder holding a document of the coded corpus (same id, same text).
 */
function extraCorpora(ctx: Context, project: Project, study: { folder: string; read: string }, options: TrainOptions): CorpusDocument[][] {
  const read = realpathSync(study.read);
  const studyReal = realpathSync(path.resolve(ctx.cwd, study.folder));
  const folders = new Map<string, string>();
  for (const given of options.train ?? []) {
    const real = realFolder(ctx, given);
    if (real === read) throw new InputError(`--train ${given}: that is the corpus being coded — training on the documents you evaluate`, { hint: 'train on other coded material than the corpus you code or evaluate' });
    if (real === studyReal) throw new InputError(`--train ${given}: that is the study corpus, which the learned coder is always trained on`, { hint: 'give only extra corpora to --train' });
    if (!folders.has(real)) folders.set(real, given);
  }
  const text = new Map(project.corpus.documents.map((d) => [d.id, d.plainText]));
  return [...folders.keys()].sort().map((real) => {
    const given = folders.get(real)!;
    const docs = load(ctx, given, options, { warnUnread: false }).corpus.documents;
    const leak = docs.find((d) => text.get(d.id) === d.plainText);
    if (leak) throw new InputError(`--train ${given}: document ${leak.id} is also in the corpus being coded, with the same text — training on the documents you evaluate`, { file: leak.file, hint: 'leave that document out of the training folder' });
    return docs;
  });
}

/** Segments of both codings, per document: a sentence coded by both counts once per code. */
function union(a: Coding, b: Coding): Coding {
  const out: Coding = new Map();
  for (const [id, segments] of a) {
    const seen = new Set(segments.map((s) => `${s.code}\0${s.start}\0${s.end}`));
    out.set(id, [...segments, ...(b.get(id) ?? []).filter((s) => !seen.has(`${s.code}\0${s.start}\0${s.end}`))]);
  }
  return out;
}

/**
 * The automatic segments per document of `project` for `source`; undefined for manual. With
 * `outOfFold`, the study's own corpus is coded out of fold (each document by a coder that never saw it):
 * for measuring; counting codes it with the coder trained on all of it.
 */
export function automaticCoding(ctx: Context, project: Project, given: string | undefined, source: SourceOption, options: TrainOptions, outOfFold = false): Coding | undefined {
  checkTrain(source, options.train);
  if (source === 'manual') return undefined;
  const terms = () => autoCodeCorpus(project.corpus.documents, compileCodebook(project.codebook), { hits: false }).segments;
  if (source === 'auto' || source === 'any') return terms();
  const study = studyCorpus(ctx, given, options);
  const extra = extraCorpora(ctx, project, study, options);
  let learned: Coding;
  if (study.same && outOfFold) learned = outOfFoldCorpus(project.corpus.documents, project.codebook, extra);
  else {
    const training = study.same ? project : load(ctx, study.folder, options, { warnUnread: false });
    learned = learnedCodeCorpus(trainCoder(training.corpus.documents, project.codebook, extra), project.corpus.documents);
  }
  return source === 'learned' ? learned : union(terms(), learned);
}
