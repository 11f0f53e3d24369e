/** How many threads large-corpus mode uses (src/commands/context.ts). */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { jobsFor, PARALLEL_BYTES, STREAM_BYTES } from '../../src/commands/context.js';

describe('jobsFor', () => {
  it('uses one thread up to 32 MB of documents and two above it, if the machine has them', () => {
    expect(STREAM_BYTES).toBe(5 * 1024 * 1024);
    expect(PARALLEL_BYTES).toBe(32 * 1024 * 1024);
    expect(jobsFor(undefined, 1000)).toBe(1);
    expect(jobsFor(undefined, 10 * 1024 * 1024)).toBe(1);
    expect(jobsFor(undefined, PARALLEL_BYTES)).toBe(1);
    expect(jobsFor(undefined, PARALLEL_BYTES + 1)).toBe(Math.min(2, availableParallelism()));
  });
  it('takes --jobs as given, a whole number from 1 to 64', () => {
    expect(jobsFor('3', 0)).toBe(3);
    for (const bad of ['0', '65', '1.5', 'twee', '']) expect(() => jobsFor(bad, 0), bad).toThrow(/expected a whole number from 1 to 64/);
  });
});
