/**
 * Progress of a long run (`code`, `freq` on a large corpus) on stderr: documents done, MB/s, time left,
 * drawn by cli-progress. The pipeline only calls back (done, total); what is shown is decided here.
 */
import type { Progress } from '../pipeline/threads.js';
import type { Context } from './context.js';

// @testOnly: exported for test/cli/progress.test.ts
/**
 * Should a run show progress? Only when stderr is a terminal, never with --quiet, and not in CI (CI set,
 * to anything but "", "0" or "false", as CI services do): a log gets no bar.
 */
export function showProgress(stderrIsTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>, quiet: boolean | undefined): boolean {
  const ci = env.CI !== undefined && !['', '0', 'false'].includes(env.CI.toLowerCase());
  return stderrIsTTY === true && quiet !== true && !ci;
}

export interface ProgressBar {
  /** The pipeline's callback; absent when no progress is shown. */
  onProgress?: Progress;
  /** Erase the bar (before the run prints anything else). */
  stop(): void;
}

const MB = 1024 * 1024;

/**
 * A bar for a run over `bytes` of documents, or nothing (see showProgress). MB/s and time left assume
 * the documents done are of average size (the pipeline counts documents, not bytes).
 */
export async function progressBar(ctx: Context, quiet: boolean | undefined, bytes: number): Promise<ProgressBar> {
  if (!showProgress(ctx.stderr.isTTY, ctx.env, quiet)) return { stop: () => {} };
  const { SingleBar } = await import('cli-progress');
  const bar = new SingleBar({
    stream: ctx.stderr as unknown as NodeJS.WritableStream,
    format: 'werkscan: {bar} {value}/{total} documents, {speed} MB/s, {eta_formatted} left',
    barsize: 20,
    hideCursor: false,
    clearOnComplete: true,
    etaBuffer: 50,
  });
  let started = 0;
  return {
    onProgress: (done, total) => {
      const now = Date.now();
      if (started === 0) {
        started = now;
        bar.start(total, done, { speed: '0.0' });
        return;
      }
      const seconds = (now - started) / 1000;
      const speed = seconds > 0 && total > 0 ? ((done / total) * bytes) / MB / seconds : 0;
      bar.update(done, { speed: speed.toFixed(1) });
    },
    stop: () => {
      if (started !== 0) bar.stop();
    },
  };
}
