/**
 * Which automatic coding a command counts: the codebook's terms (`auto`), the coder learned from the
 * study's manual coding (`learned`, src/core/autocode/learn/), or both together (`auto+learned`: a
 * sentence has a code when either gives it). The learned coder is always trained on the study's own
 * corpus (paths.corpus of werkscan.yaml, else corpus/); it then codes whatever corpus is read.
 */
import path from 'node:path';
import { autoCodeCorpus } from '../core/autocode/code.js';
import { compileCodebook } from '../core/autocode/compile.js';
import { learnedCodeCorpus, outOfFoldCorpus, trainCoder } from '../core/autocode/learn/coder.js';
import type { Project, Segment } from '../core/model.js';
import { load, projectPaths, type CommonOptions, type Context } from './context.js';
import type { SourceOption } from './options.js';

type Coding = Map<string, Segment[]>;

/** The study's corpus folder for the project that `given` belongs to, and whether `given` is it. */
function studyCorpus(ctx: Context, given: string | undefined, options: Pick<CommonOptions, 'codebook'>): { folder: string; same: boolean } {
  const read = projectPaths(ctx, given, options);
  const study = projectPaths(ctx, undefined, options).corpus;
  return { folder: study, same: path.resolve(ctx.cwd, read.corpus) === path.resolve(ctx.cwd, study) };
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
export function automaticCoding(ctx: Context, project: Project, given: string | undefined, source: SourceOption, options: Pick<CommonOptions, 'codebook'>, outOfFold = false): Coding | undefined {
  if (source === 'manual') return undefined;
  const terms = () => autoCodeCorpus(project.corpus.documents, compileCodebook(project.codebook)).segments;
  if (source === 'auto' || source === 'any') return terms();
  const study = studyCorpus(ctx, given, options);
  let learned: Coding;
  if (study.same && outOfFold) learned = outOfFoldCorpus(project.corpus.documents, project.codebook);
  else {
    const training = study.same ? project : load(ctx, study.folder, options, { warnUnread: false });
    learned = learnedCodeCorpus(trainCoder(training.corpus.documents, project.codebook), project.corpus.documents);
  }
  return source === 'learned' ? learned : union(terms(), learned);
}
