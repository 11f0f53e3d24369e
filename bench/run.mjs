#!/usr/bin/env node
// npm run bench — speed, as ratios to baselines measured in the same run, so the figures do not depend on
// the machine:
//  1. start-up on the shipped corpus: median wall time of CLI commands against `node -e 0`;
//  2. scale: a deterministic synthetic corpus of 10, 100 and 200 MB (bench/synth.mjs, kept in .bench/),
//     coded automatically with the shipped codebook (`werkscan freq --source auto`): MB/s, peak RSS, and,
//     where ripgrep is installed, its time counting the same terms as regexes on the raw text; and the floor
//     under any Node tool (bench/floor.mjs: read every file and find its words with one regex).
//  3. the same on a real-shaped corpus: the shipped corpus copied up to 10 and 100 MB (bench/synth.mjs).
// BENCH_SIZES=10,100 limits the synthetic sizes, BENCH_REAL_SIZES the real-shaped ones (empty: none);
// BENCH_RUNS sets the start-up repetitions, BENCH_SCALE_RUNS those of the scale runs (default 3; werkscan
// and ripgrep alternate, and each reports its median).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { replicate, synthesize } from './synth.mjs';
import { benchPdf } from './pdf.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/werkscan.js');
if (!existsSync(path.join(root, 'dist/cli.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const runs = Number(process.env.BENCH_RUNS ?? 15);
const sizes = (process.env.BENCH_SIZES ?? '10,100,200').split(',').filter(Boolean).map(Number);
const scaleRuns = Number(process.env.BENCH_SCALE_RUNS ?? 3);

function time(cmd, args, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28, ...opts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, status: r.status, stdout: r.stdout?.toString() ?? '', stderr: r.stderr?.toString() ?? '' };
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// 1. Start-up on the shipped corpus.
const cases = [
  ['werkscan --help', [bin, '--help']],
  ['werkscan freq', [bin, 'freq', '--format', 'json']],
  ['werkscan findings', [bin, 'findings', '--format', 'json']],
  ['werkscan code --check', [bin, 'code', '--check']],
];
const baseline = [];
const samples = cases.map(() => []);
time(process.execPath, ['-e', '0']);
for (let i = 0; i < runs; i++) {
  baseline.push(time(process.execPath, ['-e', '0']).ms);
  cases.forEach(([, args], j) => samples[j].push(time(process.execPath, args).ms));
}
const base = median(baseline);
console.log(`start-up (median of ${runs}; baseline node -e 0 = ${base.toFixed(1)} ms)`);
for (const [j, [name]] of cases.entries()) {
  const m = median(samples[j]);
  console.log(`  ${name.padEnd(24)} ${m.toFixed(1).padStart(8)} ms  ${(m / base).toFixed(2).padStart(6)}× baseline${name === 'werkscan freq' ? '   (target ≤ 4×)' : ''}`);
}

// 2. Scale.
/**
 * The codebook's terms as regexes for ripgrep: a wildcard is [[:alnum:]]*, a phrase is words with \s+ between.
 * No \b: ripgrep 13's Unicode word boundaries make a 390-term search 100× slower, which would flatter werkscan.
 */
function termRegexes() {
  const codebook = parse(readFileSync(path.join(root, 'codebook/codebook.yaml'), 'utf8'));
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return codebook.codes.flatMap((c) => c.terms ?? []).map((t) => `${String(t).replace(/["“”„]/g, '').trim().split(/\s+/).map((w) => w.split('*').map(esc).join('[[:alnum:]]*')).join('\\s+')}`);
}
const rg = spawnSync('rg', ['--version']).status === 0;
const patterns = path.join(root, '.bench/terms.txt');
// The shipped codebook without its findings (they name attributes of the shipped corpus).
const codebookDir = path.join(root, '.bench/codebook');
mkdirSync(codebookDir, { recursive: true });
copyFileSync(path.join(root, 'codebook/codebook.yaml'), path.join(codebookDir, 'codebook.yaml'));
writeFileSync(patterns, termRegexes().join('\n') + '\n');
const header = '  size     freq --source auto   MB/s  peak RSS' + (rg ? '     ripgrep   freq/rg' : '') + '    code (all reports)  peak RSS';
const against = rg ? '; ripgrep counts the same terms' : ' (install ripgrep for a comparison)';

/** One row per size: `make(dir, mb)` writes the corpus into dir once (kept in .bench/ for later runs). */
function scale(kind, make, mbs, codebook = codebookDir) {
  const rows = [];
  for (const mb of mbs) {
    const dir = path.join(root, `.bench/${kind}-${mb}mb`);
    if (!existsSync(path.join(dir, 'cases.yaml'))) make(dir, mb);
    rows.push(scaleRow(dir, mb, codebook));
  }
  if (rows.length >= 2) {
    const [a, b] = [rows[0], rows[rows.length - 1]];
    console.log(`  time per MB, ${b.mb} MB against ${a.mb} MB: ${((b.seconds / b.mb) / (a.seconds / a.mb)).toFixed(2)}× (1.00 = linear)`);
  }
}

/** The bytes of the files below dir (du's apparent size would add 4 KB for every folder). */
function fileBytes(dir) {
  let sum = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    sum += e.isDirectory() ? fileBytes(p) : statSync(p).size;
  }
  return sum;
}

function scaleRow(dir, mb, codebook) {
  // Run in-process in a child so its own peak RSS (worker threads included) can be read at exit.
  const measure = (argv) => {
    const script = `import { run } from ${JSON.stringify(path.join(root, 'dist/cli.js'))};
      const code = await run({ argv: ${JSON.stringify(argv)}, cwd: ${JSON.stringify(root)}, env: process.env,
        stdout: { write() { return true; } }, stderr: process.stderr });
      process.stderr.write('RSS ' + process.resourceUsage().maxRSS + '\\n'); process.exitCode = code;`;
    const r = time(process.execPath, ['--input-type=module', '-e', script]);
    if (r.status !== 0) throw new Error(`werkscan ${argv[0]} failed on ${mb} MB: ${r.stderr}`);
    return { ms: r.ms, rss: Number(/RSS (\d+)/.exec(r.stderr)[1]) / 1024 };
  };
  // Alternate werkscan and ripgrep so that a slow spell of the machine hits both; report medians.
  const freqRuns = [];
  const rgRuns = [];
  const floorRuns = [];
  for (let i = 0; i < scaleRuns; i++) {
    freqRuns.push(measure(['freq', dir, '--codebook', codebook, '--source', 'auto', '--format', 'json']));
    if (rg) rgRuns.push(time('rg', ['--count-matches', '-i', '-f', patterns, dir]).ms);
    floorRuns.push(time(process.execPath, [path.join(root, 'bench/floor.mjs'), dir]).ms);
  }
  const w = { ms: median(freqRuns.map((x) => x.ms)), rss: Math.max(...freqRuns.map((x) => x.rss)) };
  const c = measure(['code', dir, '--codebook', codebook, '--out', path.join(root, '.bench/reports')]);
  const rss = w.rss;
  const realMb = fileBytes(dir) / (1024 * 1024);
  let line = `  ${String(mb).padStart(3)} MB  ${(w.ms / 1000).toFixed(2).padStart(17)} s  ${(realMb / (w.ms / 1000)).toFixed(1).padStart(5)}  ${rss.toFixed(0).padStart(5)} MB`;
  if (rg) {
    const r = { ms: median(rgRuns) };
    line += `  ${(r.ms / 1000).toFixed(2).padStart(8)} s  ${(w.ms / r.ms).toFixed(1).padStart(8)}×`;
  }
  line += `  ${(c.ms / 1000).toFixed(2).padStart(12)} s  ${c.rss.toFixed(0).padStart(8)} MB`;
  console.log(line);
  const floor = median(floorRuns);
  console.log(`          node floor (read + one word regex) ${(floor / 1000).toFixed(2)} s${rg ? ` = ${(floor / median(rgRuns)).toFixed(1)}× ripgrep` : ''}; freq = ${(w.ms / floor).toFixed(1)}× the floor`);
  return { mb, seconds: w.ms / 1000 };
}

console.log(`\nscale: werkscan freq --source auto on a synthetic corpus (codebook words, no markup), shipped codebook${against}; median of ${scaleRuns}`);
console.log(header);
scale('synthetic', synthesize, sizes);

// The same on the shipped corpus copied up to size: real interviews and plans, coded spans, few terms.
const realSizes = (process.env.BENCH_REAL_SIZES ?? '10,100').split(',').filter(Boolean).map(Number);
if (realSizes.length > 0) {
  console.log(`\nscale: the same on the shipped corpus copied up to the size (coded spans, ordinary Dutch), with the whole`);
  console.log(`shipped codebook (its claims are checked too, as \`code\` does on the study); median of ${scaleRuns}`);
  console.log(header);
  scale('shipped', (dir, mb) => replicate(path.join(root, 'corpus'), dir, mb), realSizes, path.join(root, 'codebook'));
}

// 4. The PDF converter of `werkscan ingest` (bench/pdf.mjs).
benchPdf(root, time);

// The learned coder (--source learned): training on the shipped corpus, and coding (bench/learned.mjs).
{
  const r = time(process.execPath, [path.join(root, 'bench/learned.mjs')]);
  if (r.status !== 0) throw new Error(`bench/learned.mjs failed: ${r.stderr}`);
  const l = JSON.parse(r.stdout);
  console.log(`\nlearned coder (--source learned): train on the shipped corpus, then code ${l.codedMb.toFixed(1)} MB (${l.source})`);
  console.log(`  training, corpus/   ${l.studyOnlySeconds.toFixed(2).padStart(6)} s wall   (--no-training)`);
  console.log(`  training, + ${String(l.trainingDocs).padEnd(3)} docs ${l.trainSeconds.toFixed(2).padStart(6)} s wall  ${l.trainCpu.toFixed(2).padStart(6)} s CPU   (the ${l.trainingFolders} training: folders too; target < 10 s)`);
  console.log(`  coding              ${(l.codedMb / l.codeSeconds).toFixed(1).padStart(6)} MB/s wall  ${(l.codedMb / l.codeCpu).toFixed(1).padStart(6)} MB/s CPU   (target ≥ 5 MB/s)`);
}
