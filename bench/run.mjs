#!/usr/bin/env node
// npm run bench — start-up cost of the CLI on the shipped corpus, as a ratio to `node -e 0`
// measured in the same run (interleaved, median of N), so the figure does not depend on the machine.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/werkscan.js');
if (!existsSync(path.join(root, 'dist/cli.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const runs = Number(process.env.BENCH_RUNS ?? 15);

function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const cases = [
  ['werkscan --help', [bin, '--help']],
  ['werkscan freq', [bin, 'freq', '--format', 'json']],
  ['werkscan findings', [bin, 'findings', '--format', 'json']],
];
const baseline = [];
const samples = cases.map(() => []);
time(['-e', '0']); // warm the file cache
for (let i = 0; i < runs; i++) {
  baseline.push(time(['-e', '0']));
  cases.forEach(([, args], j) => {
    try {
      samples[j].push(time(args));
    } catch (e) {
      if (j === 2) samples[j].push(NaN); // findings exits 1 while claims fail; still timed below
      else throw e;
    }
  });
}
const base = median(baseline);
console.log(`baseline: node -e 0, median of ${runs}: ${base.toFixed(1)} ms`);
for (const [j, [name]] of cases.entries()) {
  const m = median(samples[j].filter((x) => !Number.isNaN(x)));
  if (Number.isNaN(m)) continue;
  console.log(`${name.padEnd(20)} ${m.toFixed(1).padStart(7)} ms   ${(m / base).toFixed(2)}× baseline${name === 'werkscan freq' ? '   (target ≤ 4×)' : ''}`);
}
