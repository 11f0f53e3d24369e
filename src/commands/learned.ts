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
import { learnedCodeCorpus, outOfFoldCorpus, trainCoder, type LearnedCoder } from '../core/autocode/learn/coder.js';
import { InputError } from '../core/errors.js';
import type { Codebook, CorpusDocument, Origin, Project, Segment } from '../core/model.js';
import { load, projectPaths, warn, type CommonOptions, type Context } from './context.js';
import type { SourceOption } from './options.js';

type Coding = Map<string, Segment[]>;

/** The options that choose the learned coder's training material: `--train` folders (repeatable), `--no-training`. */
export type TrainOptions = Pick<CommonOptions, 'codebook'> & { train?: string[]; training?: boolean };

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

/** Whether `agree --auto` codes this corpus out of fold with the learned coder: it is the study corpus, and the source learns. */
export const learnsOutOfFold = (ctx: Context, given: string | undefined, source: SourceOption, options: Pick<CommonOptions, 'codebook'>): boolean =>
  (source === 'learned' || source === 'auto+learned') && studyCorpus(ctx, given, options).same;

/** A folder of training material: given to `--train` (origin null) or listed under `training` in werkscan.yaml. */
interface TrainingFolder {
  given: string;
  abs: string;
  origin: Origin | null;
}

function named(f: TrainingFolder): string {
  return f.origin ? `training: ${f.given}` : `--train ${f.given}`;
}

function realFolder(f: TrainingFolder): string {
  let isFolder = false;
  try {
    isFolder = statSync(f.abs).isDirectory();
  } catch {
    // reported below
  }
  if (!isFolder) throw new InputError(`${named(f)}: no such folder`, { ...f.origin, hint: 'a corpus folder with manually coded documents (and its cases.yaml)' });
  return realpathSync(f.abs);
}

/**
 * The `--train` folders, then the `training` folders of the study's project file (the one the study corpus
 * comes from, also when the corpus coded lies outside it) unless `--no-training`.
 */
function trainingFolders(ctx: Context, options: TrainOptions): TrainingFolder[] {
  const given = (options.train ?? []).map((g): TrainingFolder => ({ given: g, abs: path.resolve(ctx.cwd, g), origin: null }));
  if (options.training === false) return given;
  const { root, training } = projectPaths(ctx, undefined, options).settings;
  return [...given, ...training.map((t): TrainingFolder => ({ given: t.folder, abs: path.resolve(root, t.folder), origin: t.origin }))];
}

/**
 * The documents of each training folder, in the order of their real paths (so the order of the options
 * does not matter; a folder given twice counts once). Refused: the study corpus (always trained on), and
 * a folder holding a document of the coded corpus (same id, same text); the corpus being coded itself is
 * refused from `--train` and left out, with a warning, when the project file lists it.
 */
function extraCorpora(ctx: Context, project: Project, study: { folder: string; read: string | null }, options: TrainOptions): CorpusDocument[][] {
  const read = study.read === null ? null : realpathSync(study.read);
  const studyReal = realpathSync(path.resolve(ctx.cwd, study.folder));
  const folders = new Map<string, TrainingFolder>();
  for (const f of trainingFolders(ctx, options)) {
    const real = realFolder(f);
    if (real === read && f.origin) warn(ctx, `training folder ${f.given} (${f.origin.file}:${f.origin.line}:${f.origin.column}) is the corpus being coded: left out of the training`);
    else if (real === read) throw new InputError(`${named(f)}: that is the corpus being coded — training on the documents you evaluate`, { hint: 'train on other coded material than the corpus you code or evaluate' });
    else if (real === studyReal) throw new InputError(`${named(f)}: that is the study corpus, which the learned coder is always trained on`, { ...f.origin, hint: 'list only extra corpora' });
    else if (!folders.has(real)) folders.set(real, f);
  }
  const text = new Map(project.corpus.documents.map((d) => [d.id, d.plainText]));
  return [...folders.keys()].sort().map((real) => {
    const f = folders.get(real)!;
    const docs = load(ctx, f.abs, options, { warnUnread: false }).corpus.documents;
    const leak = docs.find((d) => text.get(d.id) === d.plainText);
    if (leak) throw new InputError(`${named(f)}: document ${leak.id} is also in the corpus being coded, with the same text — training on the documents you evaluate`, { file: leak.file, hint: 'leave that document out of the training folder' });
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

/** The learned coder of the study (its corpus, the `training` folders of werkscan.yaml, `--train`), for coding files outside any corpus (`scan`). */
export function studyCoder(ctx: Context, codebook: Codebook, options: TrainOptions): LearnedCoder {
  const study = load(ctx, undefined, options);
  return trainCoder(study.corpus.documents, codebook, extraCorpora(ctx, study, { folder: projectPaths(ctx, undefined, options).corpus, read: null }, options));
}
