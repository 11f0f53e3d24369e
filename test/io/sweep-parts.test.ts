/**
 * sweepParts (src/io/write.ts): the part folders of segments.csv left by runs that were killed are removed
 * by the next large run; those of live runs, those changed in the last ten minutes, and anything else in
 * the temp folder stay.
 */

/** Make a folder look untouched for `minutes`. */
const age = (dir: string, minutes: number) => {
  const t = (Date.now() - minutes * 60_000) / 1000;
  utimesSync(dir, t, t);
};
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostTag, PARTS_PREFIX, sweepParts } from '../../src/io/write.js';
import { tempDir } from '../helpers/run.js';

describe('sweepParts', () => {
  it('removes the folders of processes that are gone, and nothing else', () => {
    const tmp = tempDir('werkscan-sweep-');
    const names = [`${PARTS_PREFIX}111-aaa`, `${PARTS_PREFIX}222-bbb`, `${PARTS_PREFIX}x-ccc`, 'werkscan-abc', 'other'];
    for (const n of names) {
      mkdirSync(path.join(tmp, n));
      writeFileSync(path.join(tmp, n, 'segments-000000000.csv'), 'rows\n');
      age(path.join(tmp, n), 60);
    }
    mkdirSync(path.join(tmp, `${PARTS_PREFIX}333-fresh`)); // its process is gone too, but it changed just now
    age(path.join(tmp, `${PARTS_PREFIX}333-fresh`), 9);
    sweepParts(tmp, (pid) => pid === 111);
    expect(readdirSync(tmp).sort()).toEqual([...names.filter((n) => n !== `${PARTS_PREFIX}222-bbb`), `${PARTS_PREFIX}333-fresh`].sort());
  });

  it('asks the system whether a process lives: this one does, one that cannot exist does not', () => {
    const tmp = tempDir('werkscan-sweep-');
    const gone = 9_999_999; // above any system's largest process id (Linux: 4,194,304): no such process
    const mine = path.join(tmp, `${PARTS_PREFIX}${process.pid}-mine`);
    const left = path.join(tmp, `${PARTS_PREFIX}${gone}-left`);
    mkdirSync(mine);
    mkdirSync(left);
    age(mine, 60);
    age(left, 60);
    sweepParts(tmp);
    expect(existsSync(mine)).toBe(true);
    expect(existsSync(left)).toBe(false);
  });

  it('removes a folder of this machine at once when its process is gone (#14.3); another machine\'s after ten minutes', () => {
    const tmp = tempDir('werkscan-sweep-');
    const here = `${PARTS_PREFIX}444@pc1-aaaaaa`; // killed a second ago, on this machine
    const there = `${PARTS_PREFIX}444@pc2-bbbbbb`; // another container's, changed just now: its process may live there
    const live = `${PARTS_PREFIX}555@pc1-cccccc`;
    for (const n of [here, there, live]) mkdirSync(path.join(tmp, n));
    sweepParts(tmp, (pid) => pid === 555, Date.now(), 'pc1');
    expect(readdirSync(tmp).sort()).toEqual([there, live].sort());
    age(path.join(tmp, there), 11);
    sweepParts(tmp, (pid) => pid === 555, Date.now(), 'pc1');
    expect(readdirSync(tmp)).toEqual([live]);
  });

  it('names this machine in lower-case letters and digits', () => {
    expect(hostTag('Werk-PC_01.local')).toBe('werkpc01local');
    expect(hostTag('---')).toBe('host');
  });

  it('is no error where the folder cannot be read', () => {
    expect(() => sweepParts(path.join(tempDir('werkscan-sweep-'), 'missing'))).not.toThrow();
  });
});
