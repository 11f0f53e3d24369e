/**
 * The learned coder (`--source learned`): trained on the manually coded sentences of a corpus, it codes
 * the sentences of any document. A pure function of the corpus: same documents, same model, same output.
 */
import type { Codebook, CorpusDocument, Segment } from '../../model.js';
import { lineIndex } from '../../text/positions.js';
import { codesAbove, type NaiveBayes, type TrainingSet } from './bayes.js';

const NONE: readonly number[] = [];
import { DEFAULT_FEATURES, Featurizer, type FeatureOptions } from './features.js';
import { crossValidate, documentFolds, F1_RULE, fitCoder, type ThresholdRule } from './folds.js';
import { sentenceUnits, unitLabels, type SentenceUnit, type UnitDocument } from './units.js';

export interface LearnOptions {
  folds: number;
  alpha: number;
  features: FeatureOptions;
  threshold: ThresholdRule;
  /** Also train on the codebook's words for each code: label, description (before `exclude:`), examples that match. */
  codebook: boolean;
}

/**
 * Chosen on the out-of-fold F1 of the shipped corpus alone (docs/autocoding.md): α 0.03 over 0.01–1, stems
 * with word bigrams and character 5-grams over other mixes, a threshold only where its inner F1 reaches
 * 0.3, and the codebook's own words as extra training sentences.
 */
const LEARN_DEFAULTS: LearnOptions = { folds: 5, alpha: 0.03, features: DEFAULT_FEATURES, threshold: { ...F1_RULE, floor: 0.3 }, codebook: true };

export interface LearnedCoder {
  codes: readonly string[];
  featurizer: Featurizer;
  model: NaiveBayes;
  thresholds: Float64Array;
}

interface Prepared {
  set: TrainingSet;
  units: SentenceUnit[];
  foldOf: Int32Array;
  featurizer: Featurizer;
}

type TrainingDocument = UnitDocument & Pick<CorpusDocument, 'segments'>;

/**
 * Extra training corpora (`--train`), their ids prefixed with the corpus's place in the list so that an id
 * shared with the study corpus (or another extra corpus) stays a document of its own.
 */
function extraDocuments(extra: readonly (readonly TrainingDocument[])[]): TrainingDocument[] {
  return extra.flatMap((docs, k) => docs.map((d) => ({ ...d, id: `\u0000${k + 1}\u0000${d.id}` })));
}

/**
 * Every sentence of `documents` with its features, manual codes and fold. The `extra` corpora's documents
 * are dealt into folds with the others (`inFolds`), or trained on in every fold and never tested (fold −1).
 */
function prepare(documents: readonly TrainingDocument[], book: Pick<Codebook, 'codes'>, options: LearnOptions, extra: readonly (readonly TrainingDocument[])[], inFolds: boolean): Prepared {
  const codes = book.codes.map((c) => c.id);
  const featurizer = new Featurizer(options.features);
  const index = new Map(codes.map((c, i) => [c, i]));
  const byId = (a: TrainingDocument, b: TrainingDocument) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const more = extraDocuments(extra).sort(byId);
  const sorted = [...documents].sort(byId);
  const folds = documentFolds([...sorted, ...(inFolds ? more : [])].map((d) => d.id), options.folds);
  const units: SentenceUnit[] = [];
  const labels: number[][] = [];
  const fold: number[] = [];
  for (const doc of [...sorted, ...more]) {
    const us = sentenceUnits(doc);
    units.push(...us);
    labels.push(...unitLabels(us, doc.segments, index));
    for (let i = 0; i < us.length; i++) fold.push(folds.get(doc.id) ?? -1);
  }
  if (options.codebook) {
    for (const [c, text] of codebookSentences(book)) {
      units.push({ document: '', start: 0, end: 0, text, speaker: null });
      labels.push([c]);
      fold.push(-1);
    }
  }
  const features = units.map((u) => featurizer.features(u.text));
  featurizer.frozen = true;
  return { set: { features, labels, codes: codes.length, featureCount: featurizer.names.length }, units, foldOf: Int32Array.from(fold), featurizer };
}

/** What the codebook says of each code, as training sentences of fold −1 (always trained on, never tested). */
function codebookSentences(book: Pick<Codebook, 'codes'>): [number, string][] {
  return book.codes.flatMap((code, c) => {
    const description = code.description.split(/\bexclude:/)[0]!.replace(/\binclude:/, '');
    return [code.label, description, ...code.examples.match].filter((t) => t.trim() !== '').map((t): [number, string] => [c, t]);
  });
}

/**
 * Train on the manual coding of `documents` and of the `extra` corpora; thresholds from cross-validation
 * by document over all of them.
 */
export function trainCoder(documents: readonly TrainingDocument[], codebook: Pick<Codebook, 'codes'>, extra: readonly (readonly TrainingDocument[])[] = [], options: LearnOptions = LEARN_DEFAULTS): LearnedCoder {
  const codes = codebook.codes.map((c) => c.id);
  const p = prepare(documents, codebook, options, extra, true);
  const rows = Array.from({ length: p.units.length }, (_, i) => i);
  const { model, thresholds } = fitCoder(p.set, rows, p.foldOf, options.alpha, options.threshold);
  return { codes, featurizer: p.featurizer, model, thresholds };
}

function segmentsOf(doc: Pick<CorpusDocument, 'id' | 'plainText' | 'bodyLine'>, units: readonly SentenceUnit[], predicted: readonly (readonly number[])[], codes: readonly string[]): Segment[] {
  const line = lineIndex(doc.plainText);
  const out: Segment[] = [];
  units.forEach((u, i) => {
    for (const c of predicted[i]!) {
      out.push({ id: `${doc.id}~${out.length + 1}`, document: doc.id, code: codes[c]!, text: u.text, start: u.start, end: u.end, line: doc.bodyLine + line(u.start) - 1, column: 0, speaker: u.speaker, source: 'auto' });
    }
  });
  return out;
}

// @testOnly: exported for bench/learned.mjs (coding speed)
/** The learned coder's segments (source auto) in one document. */
export function learnedCode(coder: LearnedCoder, doc: UnitDocument & Pick<CorpusDocument, 'bodyLine'>): Segment[] {
  const units = sentenceUnits(doc);
  const sums = new Float64Array(coder.codes.length);
  const found = new Int32Array(coder.codes.length);
  const predicted = units.map((u) => {
    const n = codesAbove(coder.model, coder.featurizer.scratch(u.text), coder.thresholds, sums, found);
    return n === 0 ? NONE : Array.from(found.subarray(0, n));
  });
  return segmentsOf(doc, units, predicted, coder.codes);
}

/** The learned coder's segments per document of a corpus. */
export function learnedCodeCorpus(coder: LearnedCoder, documents: readonly CorpusDocument[]): Map<string, Segment[]> {
  return new Map(documents.map((d) => [d.id, learnedCode(coder, d)]));
}

/**
 * Out-of-fold coding of the training corpus itself: each document is coded by a coder that never saw it
 * (trained on the other folds, its thresholds chosen by a cross-validation within those folds). The
 * `extra` corpora are in every training fold and never in a test fold.
 */
export function outOfFoldCorpus(documents: readonly CorpusDocument[], codebook: Pick<Codebook, 'codes'>, extra: readonly (readonly TrainingDocument[])[] = [], options: LearnOptions = LEARN_DEFAULTS): Map<string, Segment[]> {
  const codes = codebook.codes.map((c) => c.id);
  const p = prepare(documents, codebook, options, extra, false);
  const predicted = crossValidate(p.set, p.foldOf, options.alpha, options.threshold);
  const out = new Map<string, Segment[]>();
  const rowsOf = new Map<string, number[]>();
  p.units.forEach((u, i) => {
    let rows = rowsOf.get(u.document);
    if (!rows) rowsOf.set(u.document, (rows = []));
    rows.push(i);
  });
  for (const doc of documents) {
    const rows = rowsOf.get(doc.id) ?? [];
    out.set(doc.id, segmentsOf(doc, rows.map((r) => p.units[r]!), rows.map((r) => predicted[r]!), codes));
  }
  return out;
}

// @testOnly: exported for test/core/autocode/learn/coder.test.ts (determinism)
/** The model as text: features with their names, per code its prior, slope, threshold and postings. */
export function serializeCoder(coder: LearnedCoder): string {
  const m = coder.model;
  const features = coder.featurizer.names.map((name, f) => {
    const post: [string, number][] = [];
    for (let p = m.offsets[f]!; p < m.offsets[f + 1]!; p++) post.push([coder.codes[m.postCode[p]!]!, m.postWeight[p]!]);
    return [name, Number.isNaN(m.common[f]!) ? null : m.common[f]!, post];
  });
  const codes = coder.codes.map((id, c) => ({ id, prior: m.prior[c], slope: m.slope[c], threshold: coder.thresholds[c] }));
  return JSON.stringify({ alpha: m.alpha, features: coder.featurizer.options, codes, vocabulary: features });
}
