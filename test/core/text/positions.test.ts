/** detach (src/core/text/positions.ts): a substring that no longer holds its parent string in memory. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { detach } from '../../../src/core/text/positions.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap growth (MB) from keeping one 60-unit piece of each of twenty 5 MB strings. */
function kept(cut: (s: string) => string): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const pieces: string[] = [];
  for (let k = 0; k < 20; k++) pieces.push(cut(`${'x'.repeat(1000)}${k}`.repeat(5000).slice(100, 160)));
  gc();
  const grown = (process.memoryUsage().heapUsed - before) / 1e6;
  expect(pieces.every((p) => p.length === 60)).toBe(true);
  return grown;
}

describe('detach', () => {
  it('gives the same text', () => {
    for (const s of ['', 'kort', 'precies 13 ch', 'een langere zin met é en 🙂 erin']) expect(detach(s)).toBe(s);
  });
  it('lets the parent string go, where a plain substring holds it', () => {
    expect(kept((s) => s)).toBeGreaterThan(80); // the check can fail: slices do hold their parents
    expect(kept(detach)).toBeLessThan(15); // (one parent may still be reachable from the stack)
  });
});
