/** How many threads large-corpus mode uses (src/commands/context.ts). */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { FREQ_PARALLEL_BYTES, jobsFor, PARALLEL_BYTES, STREAM_BYTES } from '../../src/commands/context.js';
import { corpusBytes } from '../../src/pipeline/corpus.js';
import { tempDir, writeFiles } from '../helpers/run.js';

describe('jobsFor', () => {
  it('uses one thread up to 32 MB of documents and two above it, if the machine has them', () => {
    expect(STREAM_BYTES).toBe(5 * 1024 * 1024);
    expect(PARALLEL_BYTES).toBe(32 * 1024 * 1024);
    expect(jobsFor(undefined, 1000)).toBe(1);
    expect(jobsFor(undefined, 10 * 1024 * 1024)).toBe(1);
    expect(jobsFor(undefined, PARALLEL_BYTES)).toBe(1);
    expect(jobsFor(undefined, PARALLEL_BYTES + 1)).toBe(Math.min(2, availableParallelism()));
  });
  it('for freq, from 48 MB', () => {
    expect(FREQ_PARALLEL_BYTES).toBe(48 * 1024 * 1024);
    expect(jobsFor(undefined, 40 * 1024 * 1024, FREQ_PARALLEL_BYTES)).toBe(1);
    expect(jobsFor(undefined, FREQ_PARALLEL_BYTES + 1, FREQ_PARALLEL_BYTES)).toBe(Math.min(2, availableParallelism()));
    expect(jobsFor('2', 0, FREQ_PARALLEL_BYTES)).toBe(2);
  });
  it('takes --jobs as given, a whole number from 1 to 64', () => {
    expect(jobsFor('3', 0)).toBe(3);
    for (const bad of ['0', '65', '1.5', 'twee', '']) expect(() => jobsFor(bad, 0), bad).toThrow(/expected a whole number from 1 to 64/);
  });
});

describe('corpusBytes', () => {
  it('counts exactly up to the limit, then estimates the rest from a sample', () => {
    const dir = tempDir('werkscan-bytes-');
    const files: Record<string, string> = { 'corpus/cases.yaml': 'cases: {}\n' };
    // 300 documents of 1,000 bytes, and of 1,000 … 3,990 bytes in a second corpus
    for (let i = 0; i < 300; i++) {
      files[`corpus/d/${String(i).padStart(3, '0')}.md`] = 'x'.repeat(1000);
      files[`varied/d/${String(i).padStart(3, '0')}.md`] = 'x'.repeat(1000 + 10 * i);
    }
    writeFiles(dir, files);
    expect(corpusBytes(dir, 'corpus')).toMatchObject({ bytes: 300_000 });
    expect(corpusBytes(dir, 'corpus', 50_000).bytes).toBe(300_000); // uniform: the estimate is exact
    expect(corpusBytes(dir, 'corpus').files).toHaveLength(300);
    const exact = 300 * 1000 + 10 * ((299 * 300) / 2); // 748,500
    expect(corpusBytes(dir, 'varied').bytes).toBe(exact);
    expect(Math.abs(corpusBytes(dir, 'varied', 50_000).bytes - exact) / exact).toBeLessThan(0.02);
  });
});
