// The README's tables of automatic coding on the blind held-out sets: `node bench/heldout-table.mjs`
// (after `npx tsc -p tsconfig.build.json`). Each set is measured with `agree --auto SET --source S`;
// `learned` trains on the study corpus and the `training:` folders of werkscan.yaml (the other two
// held-out sets: the set measured is left out), `--no-training` on the study corpus alone.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (set, args) => {
  const started = process.hrtime.bigint();
  const out = execFileSync('node', [path.join(root, 'bin/werkscan.js'), 'agree', '--auto', set, ...args, '--format', 'json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return { groups: JSON.parse(out).groups, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
};
const SETS = ['corpus-heldout', 'corpus-heldout-2', 'corpus-heldout-3'];
const SOURCES = [
  ['auto', ['--source', 'auto']],
  ['learned --no-training', ['--source', 'learned', '--no-training']],
  ['learned', ['--source', 'learned']],
  ['auto+learned', ['--source', 'auto+learned']],
];
const sets = process.argv.slice(2).length > 0 ? process.argv.slice(2) : SETS;
const cols = sets.flatMap((set) => SOURCES.map(([label, args]) => ({ set, label, ...run(set, args) })));
const n = (x) => (x === null || x === undefined ? '–' : x.toFixed(2));
const all = (c) => c.groups.find((g) => g.group === '*');
// Wilson score interval, 95 %: k successes of m. It treats turn-codes as independent, which they are not
// (they cluster in interviews), so it is a lower bound on the uncertainty.
const wilson = (k, m) => {
  if (m === 0) return '–';
  const z = 1.959964, p = k / m, d = 1 + (z * z) / m;
  const mid = (p + (z * z) / (2 * m)) / d, half = (z * Math.sqrt((p * (1 - p)) / m + (z * z) / (4 * m * m))) / d;
  return `${n(mid - half)}–${n(mid + half)}`;
};
console.log('| held-out set | source | tp | fp | fn | precision (95 %) | recall (95 %) | F1 |\n|---|---|---:|---:|---:|---:|---:|---:|');
for (const c of cols) {
  const a = all(c);
  console.log(`| \`${c.set}/\` | \`${c.label}\` | ${a.tp} | ${a.fp} | ${a.fn} | ${n(a.precision)} (${wilson(a.tp, a.tp + a.fp)}) | ${n(a.recall)} (${wilson(a.tp, a.tp + a.fn)}) | **${n(a.f1)}** |`);
}
for (const set of sets) {
  const cs = cols.filter((c) => c.set === set);
  const cats = [...new Set(cs.flatMap((c) => c.groups.map((g) => g.group)))].filter((g) => g !== '*');
  console.log(`\nPer category on \`${set}/\` (precision / recall / F1; – where nothing was found or nothing was there; n = coded turn-codes):\n`);
  console.log(`| category | n | ${cs.map((c) => `\`${c.label}\``).join(' | ')} |\n|---|---:|${cs.map(() => '---').join('|')}|`);
  for (const cat of cats) {
    const first = cs[0].groups.find((g) => g.group === cat);
    const total = first ? first.tp + first.fn : 0;
    console.log(`| ${cat} | ${total} | ${cs.map((c) => { const g = c.groups.find((x) => x.group === cat); return g ? `${n(g.precision)} / ${n(g.recall)} / ${n(g.f1)}` : '–'; }).join(' | ')} |`);
  }
}
console.error(`(${cols.map((c) => `${c.set} ${c.label} ${c.seconds.toFixed(1)} s`).join('; ')})`);
