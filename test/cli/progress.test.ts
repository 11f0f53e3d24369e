/** Progress of long runs on stderr (#17.2): only on a terminal, not in CI, not with --quiet; never in a pipe. */
import { describe, expect, it } from 'vitest';
import { progressBar, showProgress } from '../../src/commands/progress.js';
import { starterCopy, werkscanBin } from '../helpers/run.js';

class Sink {
  text = '';
  columns = 100;
  constructor(readonly isTTY: boolean) {}
  write(s: string) {
    this.text += s;
    return true;
  }
}

describe('showProgress', () => {
  it.each([
    [true, {}, undefined, true],
    [true, {}, true, false],
    [false, {}, undefined, false],
    [undefined, {}, undefined, false],
    [true, { CI: 'true' }, undefined, false],
    [true, { CI: '1' }, undefined, false],
    [true, { CI: 'woodpecker' }, undefined, false],
    [true, { CI: '' }, undefined, true],
    [true, { CI: 'false' }, undefined, true],
    [true, { CI: '0' }, undefined, true],
    [false, { CI: 'true' }, true, false],
  ] as const)('tty %s, env %j, quiet %s → %s', (tty, env, quiet, shown) => {
    expect(showProgress(tty, env, quiet)).toBe(shown);
  });
});

describe('progressBar', () => {
  it('on a terminal draws documents done, MB/s and time left, and erases itself', async () => {
    const stderr = new Sink(true);
    const bar = await progressBar({ cwd: '.', env: {}, stdout: new Sink(false), stderr }, false, 20 * 1024 * 1024);
    bar.onProgress!(0, 10);
    await new Promise((r) => setTimeout(r, 300));
    bar.onProgress!(3, 10);
    await new Promise((r) => setTimeout(r, 300));
    bar.stop();
    expect(stderr.text).toMatch(/werkscan: \S+ 3\/10 documents, \d+\.\d MB\/s, .+ left/);
    // erased at the end: the last thing written clears the line
    expect(stderr.text.endsWith('\x1b[0K') || stderr.text.endsWith('\x1b[K') || stderr.text.includes('\x1b[2K')).toBe(true);
  });

  it('draws nothing when stderr is no terminal, in CI, or with --quiet', async () => {
    for (const [tty, env, quiet] of [[false, {}, false], [true, { CI: 'true' }, false], [true, {}, true]] as const) {
      const stderr = new Sink(tty);
      const bar = await progressBar({ cwd: '.', env, stdout: new Sink(false), stderr }, quiet, 1);
      expect(bar.onProgress).toBeUndefined();
      bar.stop();
      expect(stderr.text).toBe('');
    }
  });
});

describe('code and freq on the streaming path (the built binary: workers run built code)', () => {
  it('print nothing extra on stderr when it is piped', () => {
    for (const args of [['freq', '--jobs', '2'], ['code', '--jobs', '2', '--out', 'r']]) {
      const r = werkscanBin(args, starterCopy());
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
    }
  }, 60_000);
});
