/** `werkscan freq`: per code its segments, documents, respondents and cases. */
import { frequencies, type FrequencyRow } from '../core/count/select.js';
import type { Codebook } from '../core/model.js';
import { streamCounts } from '../pipeline/stream.js';
import { FREQ_GROUPS, FREQ_UNITS, freqTable, groupCodes, populationNote } from '../report/freq.js';
import { corpusFor, FREQ_PARALLEL_BYTES, jobsFor, loadConsistent, STREAM_BYTES, warn, type CommonOptions, type Context } from './context.js';
import { automaticCoding, checkTrain } from './learned.js';
import { progressBar } from './progress.js';
import { choice, countedSource, parseSource, parseWhere } from './options.js';
import { emit } from './output.js';

export interface FreqOptions extends CommonOptions {
  by?: string;
  unit?: string;
  jobs?: string;
  /** No progress bar on stderr. */
  quiet?: boolean;
  /** Extra training corpora for the learned coder. */
  train?: string[];
}

export async function freqCommand(ctx: Context, corpus: string | undefined, options: FreqOptions): Promise<number> {
  const by = choice('--by', options.by, FREQ_GROUPS);
  const unit = choice('--unit', options.unit, FREQ_UNITS);
  const where = parseWhere(options.where);
  const source = parseSource(options.source);
  checkTrain(source, options.train);
  const { paths, documents } = corpusFor(ctx, corpus, options);
  const { bytes } = documents;
  const jobs = jobsFor(options.jobs, bytes, FREQ_PARALLEL_BYTES);

  let rows: FrequencyRow[];
  let population: { document: number; respondent: number; case: number };
  let codebook: Codebook;
  // The learned coder is trained on the whole study corpus in memory: it does not take the document-by-document path.
  const learned = source === 'learned' || source === 'auto+learned';
  if (!learned && (jobs > 1 || bytes > STREAM_BYTES)) {
    const bar = await progressBar(ctx, options.quiet, bytes);
    let streamed;
    try {
      streamed = await streamCounts(paths, documents, { where, source: countedSource(source), rollup: options.rollup }, jobs, bar.onProgress, { onFallback: (m) => warn(ctx, m) });
    } finally {
      bar.stop();
    }
    const { accumulator, shell } = streamed;
    codebook = shell.codebook;
    rows = accumulator.rows(codebook);
    population = accumulator.populationSizes();
  } else {
    const project = loadConsistent(ctx, corpus, options);
    codebook = project.codebook;
    const r = frequencies(project, { where, source: countedSource(source), rollup: options.rollup, auto: automaticCoding(ctx, project, corpus, source, options) });
    rows = r.rows;
    population = { document: r.population.document.size, respondent: r.population.respondent.size, case: r.population.case.size };
  }

  const rollup = options.rollup === true;
  emit(ctx, options, {
    json: () => ({
      rows,
      ...(by ? { by, groups: groupCodes(codebook, by) } : {}),
      population: { documents: population.document, respondents: population.respondent, cases: population.case },
      where,
      source,
      rollup,
    }),
    tables: () => ({ ...freqTable(codebook, rows, { by, unit }), notes: [populationNote(population, where, source, rollup)] }),
  });
  return 0;
}
