/** `werkscan code`: parse, lint, count, and write every report (or `--check` that they are current). */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { lint, sortProblems } from '../core/checks/lint.js';
import { streamCode } from '../pipeline/stream.js';
import { guardOutput, partsPrefix, sweepParts, tempFolderError } from '../io/write.js';
import { interrupted, staleFiles, writeAll } from '../io/report-set.js';
import { csvRecords } from '../io/csv-parts.js';
import { buildReports, renderFiles, REPORT_NAMES } from '../report/bundle.js';
import { formatProblem, summarizeProblems } from '../report/lint.js';
import { corpusFor, jobsFor, load, projectPaths, STREAM_BYTES, warn, type CommonOptions, type Context } from './context.js';
import { progressBar } from './progress.js';
import { useColor } from './output.js';

export interface CodeOptions extends CommonOptions {
  /** Absent: the project file's `paths.reports`, else `reports`. */
  out?: string;
  check?: boolean;
  jobs?: string;
  /** No progress bar on stderr. */
  quiet?: boolean;
}

export async function codeCommand(ctx: Context, corpus: string | undefined, options: CodeOptions): Promise<number> {
  // (files not read are among the lint warnings it prints)
  const { paths, documents } = corpusFor(ctx, corpus, options, { warnUnread: false });
  const { bytes } = documents;
  const jobs = jobsFor(options.jobs, bytes);
  const csv = { delimiter: options.delimiter, bom: options.bom };
  const out = projectPaths(ctx, corpus, options).reports;
  const outAbs = path.resolve(ctx.cwd, out);
  guardOutput(
    outAbs,
    [
      { abs: path.resolve(ctx.cwd, paths.corpus), what: 'corpus' },
      { abs: path.resolve(ctx.cwd, paths.codebook), what: 'codebook' },
    ],
    out,
  );
  // Large corpora: documents are coded one at a time (in workers) and kept without their text; the rows of
  // segments.csv go to part files in a temporary folder, concatenated when the reports are written.
  const streaming = jobs > 1 || bytes > STREAM_BYTES;
  // The part files take as much room as segments.csv: they must not outlive the run. On Ctrl-C while the
  // workers code, this run removes them; if it is killed otherwise, the next large run does (sweepParts).
  // The handler is there only while this thread waits for workers: while it is busy (coding on one
  // thread, building the reports) a handler would hold Ctrl-C back until it is done.
  let partDir: string | null = null;
  const removeParts = () => {
    if (partDir) rmSync(partDir, { recursive: true, force: true });
  };
  // (registered before the folder is made, so that no signal finds the folder without the handler)
  const forget = streaming && jobs > 1 ? (ctx.onInterrupt?.(removeParts) ?? (() => {})) : () => {};
  if (streaming) {
    sweepParts(tmpdir());
    try {
      partDir = mkdtempSync(path.join(tmpdir(), partsPrefix()));
    } catch (e) {
      throw tempFolderError(tmpdir(), e);
    }
  }
  try {
    let streamed: Streamed | null = null;
    if (partDir) {
      const bar = await progressBar(ctx, options.quiet, bytes);
      try {
        streamed = await streamCode(paths, documents, jobs, partDir, csv, bar.onProgress, {
          onFallback: (m) => {
            forget(); // the job runs again on this thread
            warn(ctx, m);
          },
        });
      } finally {
        bar.stop();
        forget();
      }
    }
    return await code(ctx, corpus, options, outAbs, streamed);
  } finally {
    forget();
    removeParts();
  }
}

type Streamed = Awaited<ReturnType<typeof streamCode>>;

async function code(ctx: Context, corpus: string | undefined, options: CodeOptions, outAbs: string, streamed: Streamed | null): Promise<number> {
  const project = streamed ? streamed.project : load(ctx, corpus, options, { warnUnread: false });
  const problems = streamed ? sortProblems([...lint(project, { documents: false }), ...streamed.problems]) : lint(project);
  // Problems go to stderr: colour them when stderr is a terminal.
  const color = useColor({ ...ctx, stdout: ctx.stderr }, options);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    for (const p of problems) ctx.stderr.write(formatProblem(p, color) + '\n');
    ctx.stderr.write(`werkscan: ${summarizeProblems(problems)}; nothing written\n`);
    return 1;
  }
  // (the workbook's segments sheet shows segments.csv's rows: read back from the parts as it is written)
  const segmentRows = streamed ? { count: streamed.rows, [Symbol.iterator]: () => csvRecords(streamed.parts, options.delimiter ?? ',') } : undefined;
  const auto = streamed ? { segments: null, termCounts: streamed.termCounts, findings: streamed.findings, segmentsParts: streamed.parts, segmentRows } : undefined;
  const built = buildReports(project, { delimiter: options.delimiter, bom: options.bom }, auto);
  const { rows, population, segments, findings } = built;
  const files = await renderFiles(built.files);
  const shownOut = path.relative(ctx.cwd, outAbs) || '.';
  const names = [...REPORT_NAMES, ...project.settings.caseTables.map((t) => t.file)];
  if (options.check) {
    const stale = staleFiles(outAbs, files, names);
    if (stale.length > 0) {
      const written = new Set(files.map((f) => f.name));
      const state = (name: string) => (!written.has(name) ? 'no longer written (remove it)' : existsSync(path.join(outAbs, name)) ? 'out of date' : 'missing');
      for (const name of stale) ctx.stderr.write(`${path.join(shownOut, name)}: ${state(name)}\n`);
      if (interrupted(outAbs)) ctx.stderr.write(`${shownOut}/: half replaced by a run that was interrupted (the next \`werkscan code\` finishes it)\n`);
      ctx.stderr.write(`werkscan: ${stale.length} report${stale.length === 1 ? ' is' : 's are'} not current; run \`werkscan code\` and commit ${shownOut}/\n`);
      return 1;
    }
    ctx.stdout.write(`${shownOut}/ is current (${files.length} files)\n`);
    return 0;
  }
  const { removed, kept, recovered } = writeAll(outAbs, files, names);
  if (recovered) warn(ctx, `${shownOut}/ was left half replaced by an interrupted run; that writing was finished first`);

  for (const p of problems) ctx.stderr.write(formatProblem(p, color) + '\n');
  const used = rows.filter((r) => r.segments > 0).length;
  const failed = findings.filter((f) => !f.ok).length;
  const known = findings.filter((f) => f.status === 'known-discrepancy').length;
  const lines = [
    `${population.document.size} documents, ${population.respondent.size} respondents, ${population.case.size} cases`,
    `${segments} coded segments; ${used} of ${rows.length} codes used`,
    project.findings.length > 0
      ? `findings: ${findings.length - failed - known} reproduced, ${known} known discrepancies, ${failed} failed${failed ? ' (see `werkscan findings`)' : ''}`
      : 'findings: none defined',
    `lint: ${summarizeProblems(problems)}`,
    `wrote ${files.length} files to ${shownOut}/: ${files.map((f) => f.name).join(', ')}`,
    ...(removed.length > 0 ? [`removed ${removed.join(', ')}: no longer written`] : []),
    ...(kept.length > 0 ? [`left ${kept.join(', ')}: no longer written, but not (or no longer) as werkscan wrote it; remove by hand if unwanted`] : []),
  ];
  ctx.stdout.write(lines.join('\n') + '\n');
  return 0;
}
