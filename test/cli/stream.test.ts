/**
 * Large-corpus mode (document by document, in worker threads): forced with --jobs 2 on the shipped study,
 * its answers must equal the in-memory ones byte for byte. Workers run the built dist/, so these tests
 * use the binary (npm test builds first).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir, werkscan, werkscanBin, writeFiles } from '../helpers/run.js';

function studyCopy(): string {
  const dir = tempDir('werkscan-stream-');
  cpSync(path.join(repoRoot, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
  cpSync(path.join(repoRoot, 'codebook'), path.join(dir, 'codebook'), { recursive: true });
  return dir;
}
const read = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));

describe('large-corpus mode', () => {
  it('code --jobs 2 writes the same reports as code, and --check accepts them', async () => {
    const dir = studyCopy();
    expect((await werkscan(['code', '--out', 'memory'], dir)).code).toBe(0);
    const r = werkscanBin(['code', '--out', 'streamed', '--jobs', '2'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(read(path.join(dir, 'streamed'))).toEqual(read(path.join(dir, 'memory')));
    expect(werkscanBin(['code', '--out', 'memory', '--check', '--jobs', '2'], dir).code).toBe(0);
  });

  it('code --check --jobs 2 notices a stale segments.csv (compared part by part)', () => {
    const dir = studyCopy();
    expect(werkscanBin(['code', '--jobs', '2'], dir).code).toBe(0);
    const file = path.join(dir, 'reports/segments.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('ams-01#1,', 'ams-01#X,'));
    const r = werkscanBin(['code', '--check', '--jobs', '2'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('reports/segments.csv: out of date\nwerkscan: 1 report is not current; run `werkscan code` and commit reports/\n');
  });

  it('freq --jobs 2 counts as freq does, manual and automatic', async () => {
    const dir = studyCopy();
    for (const args of [['--source', 'manual'], ['--source', 'auto'], ['--source', 'any'], ['--source', 'any', '--rollup'], ['--rollup', '--where', 'domain=veiligheid']]) {
      const memory = await werkscan(['freq', '--format', 'json', '--where', 'line=botoc', ...args], dir);
      const streamed = werkscanBin(['freq', '--format', 'json', '--where', 'line=botoc', ...args, '--jobs', '2'], dir);
      expect(streamed.code).toBe(0);
      expect(streamed.stdout).toBe(memory.stdout);
    }
  });

  it('freq --jobs 2 refuses a --where attribute nothing has, as freq does', async () => {
    const dir = studyCopy();
    const streamed = werkscanBin(['freq', '--where', 'lijn=botoc', '--jobs', '2'], dir);
    const memory = await werkscan(['freq', '--where', 'lijn=botoc'], dir);
    expect(streamed.code).toBe(2);
    expect(streamed.stderr).toBe(memory.stderr);
    // a respondent attribute, known only from the documents the workers read, is accepted
    expect(werkscanBin(['freq', '--where', 'domain=veiligheid', '--jobs', '2'], dir).code).toBe(0);
  });

  it('reports consistency errors from the workers: lint output, exit 1, nothing written', () => {
    const dir = studyCopy();
    const file = path.join(dir, 'corpus/botoc/utrecht/utr-01.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{.capaciteit}', '{.capaciteitt}'));
    const r = werkscanBin(['code', '--jobs', '2'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^corpus\/botoc\/utrecht\/utr-01\.md:\d+:\d+: error: code "capaciteitt" is not in the codebook \[unknown-code\]$/m);
    expect(r.stderr).toMatch(/nothing written\n$/);
    const f = werkscanBin(['freq', '--jobs', '2'], dir);
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/unknown-code/);
  });

  it('finds a document id used twice across the threads, and names the first use, as in memory', async () => {
    const dir = studyCopy();
    const last = 'corpus/verdiepend/zvh-hollands-midden/' + readdirSync(path.join(dir, 'corpus/verdiepend/zvh-hollands-midden')).sort().at(-1);
    const file = path.join(dir, last);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^id: .*$/m, 'id: ams-01'));
    const memory = await werkscan(['code'], dir);
    expect(memory.code).toBe(1);
    expect(memory.stderr).toMatch(/duplicate document id "ams-01" \(first at corpus\/botoc\/amsterdam\/ams-01\.md:\d+\)/);
    const r = werkscanBin(['code', '--jobs', '2'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(memory.stderr);
    const freqMemory = await werkscan(['freq'], dir);
    expect(freqMemory.code).toBe(2);
    const f = werkscanBin(['freq', '--jobs', '2'], dir);
    expect(f.code).toBe(2);
    expect(f.stderr).toBe(freqMemory.stderr);
  });

  it('stops on a malformed document wherever it is read (main thread or worker): exit 2, file:line, as in memory', async () => {
    // the first and the last file, so that both threads of a --jobs 2 run meet one
    const last = 'corpus/verdiepend/zvh-hollands-midden/' + readdirSync(path.join(repoRoot, 'corpus/verdiepend/zvh-hollands-midden')).sort().at(-1);
    for (const rel of ['corpus/botoc/amsterdam/ams-01.md', last]) {
      const dir = studyCopy();
      const file = path.join(dir, rel);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^---\n/, '---\nid: [kapot\n'));
      const memory = await werkscan(['freq'], dir);
      expect(memory.code).toBe(2);
      expect(memory.stderr).toContain(`werkscan: ${rel}:3:1: invalid YAML`);
      for (const cmd of [['freq'], ['code']]) {
        const r = werkscanBin([...cmd, '--jobs', '2'], dir);
        expect(r.code, `${cmd[0]} ${rel}`).toBe(2);
        expect(r.stderr).toBe(memory.stderr);
      }
    }
  });
});

describe('large-corpus mode: progress', () => {
  it('counts the documents every thread has finished, also while the main thread is busy coding', async () => {
    // built code: the worker threads run dist/ (npm test builds it first)
    const { streamCounts } = (await import(pathToFileURL(path.join(repoRoot, 'dist/pipeline/stream.js')).href)) as typeof import('../../src/pipeline/stream.js');
    const { corpusBytes } = await import('../../src/pipeline/corpus.js');
    const dir = tempDir('werkscan-progress-');
    cpSync(path.join(repoRoot, 'codebook'), path.join(dir, 'codebook'), { recursive: true });
    rmSync(path.join(dir, 'codebook/findings.yaml'));
    const files: Record<string, string> = { 'corpus/cases.yaml': 'cases:\n  a: { name: A, kind: gemeente }\n' };
    for (let i = 0; i < 1200; i++) files[`corpus/p/${String(i).padStart(4, '0')}.md`] = `---\ntype: plan\ncase: a\n---\nDe capaciteit is klein.\n`;
    writeFiles(dir, files);
    const seen: [number, number][] = [];
    const paths = { cwd: dir, corpus: 'corpus', codebook: 'codebook' };
    const { accumulator } = await streamCounts(paths, corpusBytes(dir, 'corpus'), { source: 'auto' }, 2, (done, total) => seen.push([done, total]));
    expect(accumulator.populationSizes().document).toBe(1200);
    // a thread reports every 250 of its own documents; each report sums all threads' counts so far
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(seen.every(([d, t]) => t === 1200 && d >= 250 && d <= 1200)).toBe(true);
    expect(seen.map(([d]) => d)).toEqual([...seen.map(([d]) => d)].sort((a, b) => a - b));

    // each thread keeps its count in shared memory, where the busy main thread can read it
    const { countFiles } = await import('../../src/pipeline/stream.js');
    const next = new SharedArrayBuffer(4 * 6);
    const view = new Int32Array(next);
    view[0] = 1100; // the other threads have taken files 0 … 1099
    const job = { ...paths, kind: 'count' as const, options: { source: 'auto' as const }, files: corpusBytes(dir, 'corpus').files, batch: 30, next, thread: 0, doneAt: 4 };
    const result = countFiles(job);
    expect(result.documents.map(([index]) => index)).toEqual(Array.from({ length: 100 }, (_, i) => 1100 + i));
    expect(view[4]).toBe(100);
    expect(view[0]).toBeGreaterThanOrEqual(1200);
  });
});

describe('large-corpus mode: a worker out of memory', () => {
  it('does the job again on this thread, says so, and gives what one thread gives', async () => {
    // built code: the worker threads run dist/ (npm test builds it first)
    const { streamCode } = (await import(pathToFileURL(path.join(repoRoot, 'dist/pipeline/stream.js')).href)) as typeof import('../../src/pipeline/stream.js');
    const { corpusBytes } = await import('../../src/pipeline/corpus.js');
    const paths = { cwd: repoRoot, corpus: 'corpus', codebook: 'codebook' };
    const run = async (threads: number, workerHeapMb?: number) => {
      const said: string[] = [];
      const r = await streamCode(paths, corpusBytes(repoRoot, 'corpus'), threads, tempDir('werkscan-parts-'), {}, undefined, { workerHeapMb, onFallback: (m) => said.push(m) });
      const segments = r.parts.map((p) => readFileSync(p, 'utf8')).join('');
      return { said, ids: r.project.corpus.documents.map((d) => d.id), segments, units: r.findings, problems: r.problems };
    };
    const one = await run(1);
    // 1 MB is too little heap for a worker to start, let alone code (8 MB was not, now and then)
    const starved = await run(2, 1);
    expect(starved.said).toEqual(['a worker thread ran out of its 1 MB heap (a very large document?); doing the job again on one thread']);
    expect(starved.ids).toEqual(one.ids);
    expect(starved.ids).toHaveLength(53);
    expect(starved.segments).toBe(one.segments);
    expect(starved.units).toEqual(one.units);
    expect(starved.problems).toEqual(one.problems);
  });
});

describe('large-corpus mode: Ctrl-C', () => {
  it('removes the part files of segments.csv when interrupted while the workers code, and exits 130', async () => {
    const dir = studyCopy();
    // ~6 MB of plans, so that the run is still coding when the signal comes
    const text = `---\ntype: plan\ncase: leiden\n---\n${'De capaciteit van W&I is klein en de jongeren zoeken werk. '.repeat(170)}\n`;
    const files: Record<string, string> = {};
    for (let i = 0; i < 600; i++) files[`corpus/extra/p${String(i).padStart(4, '0')}.md`] = text.replace('---\ntype', `---\nid: extra-${i}\ntype`);
    writeFiles(dir, files);
    const tmp = tempDir('werkscan-tmp-');
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/werkscan.js'), 'code', '--jobs', '2', '--out', 'reports'], { cwd: dir, env: { ...process.env, TMPDIR: tmp }, stdio: 'ignore' });
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (code, signal) => resolve([code, signal])));
    const started = Date.now();
    while (!readdirSync(tmp).some((f) => f.startsWith('werkscan-parts-')) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 10));
    expect(readdirSync(tmp).some((f) => f.startsWith('werkscan-parts-')), 'the run made its part folder').toBe(true);
    child.kill('SIGINT');
    expect(await exited).toEqual([130, null]);
    expect(readdirSync(tmp)).toEqual([]);
    expect(existsSync(path.join(dir, 'reports'))).toBe(false);
  }, 60_000);
});
