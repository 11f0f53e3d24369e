/**
 * #14.3: `code` killed (SIGKILL) at random moments while it writes reports/ leaves the old set or the new
 * set, or the journal from which the next run finishes the new set — never old and new side by side.
 * The built binary is run; each kill falls at a random moment after its first write into reports/.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL, recoverReports } from '../../src/io/report-set.js';
import { rng as seeded } from '../helpers/rng.js';
import { repoRoot, starterCopy, werkscan } from '../helpers/run.js';

const BIN = process.env.WERKSCAN_KILL_BIN ?? path.join(repoRoot, 'bin/werkscan.js');

/** The reports (not hidden files) of `dir` and their text. */
function reports(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) if (!name.startsWith('.')) out.set(name, readFileSync(path.join(dir, name), 'latin1'));
  return out;
}
const same = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/** Run `code` in `dir`, kill it `delay` ms after its first write into reports/ (or let it end); its exit. */
function runAndKill(dir: string, delay: number): Promise<{ killed: boolean }> {
  return new Promise((resolve) => {
    const out = path.join(dir, 'reports');
    const child = spawn(process.execPath, [BIN, 'code'], { cwd: dir, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    let timer: NodeJS.Timeout | undefined;
    const w = watch(out, (_, name) => {
      if (timer === undefined && name !== '.werkscan-manifest') timer = setTimeout(() => child.kill('SIGKILL'), delay);
    });
    child.on('exit', (_, signal) => {
      w.close();
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL' });
    });
  });
}

describe('code killed while writing reports/', () => {
  it('leaves the old set, the new set, or a journal the next run finishes (20 kills)', async () => {
    const dir = starterCopy();
    // a corpus large enough that writing takes a while: segments.csv of some megabytes
    const ams = readFileSync(path.join(dir, 'corpus/interviews/ams-01.md'), 'utf8');
    const [, head, body] = ams.split('---\n');
    for (let i = 0; i < 50; i++) writeFileSync(path.join(dir, `corpus/interviews/x${i}.md`), `---\n${head!.replace('ams-01', `x${i}`)}---\n${body!.repeat(20)}`);
    expect((await werkscan(['code'], dir)).code).toBe(0);
    const oldSet = reports(path.join(dir, 'reports'));
    cpSync(path.join(dir, 'reports'), path.join(dir, 'reports-old'), { recursive: true });
    // the new set: other counts everywhere, and findings.md no longer written
    writeFileSync(path.join(dir, 'corpus/interviews/x0.md'), `---\n${head!.replace('ams-01', 'x0')}---\n${body!.repeat(40)}`);
    rmSync(path.join(dir, 'codebook/findings.yaml'));
    const fresh = path.join(dir, 'fresh');
    cpSync(path.join(dir, 'corpus'), path.join(fresh, 'corpus'), { recursive: true });
    cpSync(path.join(dir, 'codebook'), path.join(fresh, 'codebook'), { recursive: true });
    cpSync(path.join(dir, 'werkscan.yaml'), path.join(fresh, 'werkscan.yaml')); // (else dir's, found above it, applies)
    expect((await werkscan(['code'], fresh)).code).toBe(0);
    const newSet = reports(path.join(fresh, 'reports'));
    expect(newSet.has('findings.md')).toBe(false);

    const rng = seeded(14_3);
    const seen: Record<string, number> = { old: 0, new: 0, journal: 0, finished: 0 };
    for (let i = 0; i < 20; i++) {
      rmSync(path.join(dir, 'reports'), { recursive: true });
      cpSync(path.join(dir, 'reports-old'), path.join(dir, 'reports'), { recursive: true });
      const { killed } = await runAndKill(dir, Math.floor(rng() * 60));
      const out = path.join(dir, 'reports');
      const now = reports(out);
      const journal = existsSync(path.join(out, JOURNAL));
      const state = same(now, oldSet) ? 'old' : same(now, newSet) ? 'new' : journal ? 'journal' : 'mixed';
      expect(state, `kill ${i}: old and new reports side by side: ${[...now.keys()].join(', ')}`).not.toBe('mixed');
      const how = killed ? state : 'finished';
      seen[how] = (seen[how] ?? 0) + 1;
      // the next run: finishes the journal's set, and removes the killed run's staging folder and temporary files at once
      recoverReports(out);
      const after = reports(out);
      expect(journal ? same(after, newSet) : same(after, now)).toBe(true);
      expect(readdirSync(out).filter((n) => n.startsWith('.') && n !== '.werkscan-manifest')).toEqual([]);
    }
    // (how the kills fell; not asserted, as it depends on the machine's speed)
    console.log(`kills: ${JSON.stringify(seen)}`);
  }, 300_000);
});
