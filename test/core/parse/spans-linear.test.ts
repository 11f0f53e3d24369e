import { describe, expect, it } from 'vitest';
import { parseMarkup } from '../../../src/core/parse/spans.js';

/** Issue #14.5: span parsing was quadratic (234 KB of `[]{` took 4.5 s, 308k spans on one line 31 s). */
describe('parseMarkup runs in linear time', () => {
  const timed = (raw: string) => {
    const t0 = performance.now();
    const r = parseMarkup(raw, 1, 'f.md');
    return { r, ms: performance.now() - t0 };
  };

  it('parses 1 MB of `[]{` within 3 s (and names the first 1,000 mistakes, counting the rest)', () => {
    const { r, ms } = timed('[]{'.repeat(350_000));
    expect(ms).toBeLessThan(3000);
    expect(r.notes.length).toBe(1001);
    expect(r.notes[1000]).toMatchObject({ rule: 'markup-problems-omitted', args: { count: 349_000 } });
  });

  it('parses 1 MB of `[]{` ending in one `}` within 3 s', () => {
    const { ms } = timed('[]{'.repeat(350_000) + '}');
    expect(ms).toBeLessThan(3000);
  });

  it('parses 150,000 spans on one line within 3 s, with the right last column', () => {
    const { r, ms } = timed('[a]{.x} '.repeat(150_000));
    expect(ms).toBeLessThan(3000);
    expect(r.spans.length).toBe(150_000);
    // span n (0-based) opens at column 8n + 1; its text "a" stands at plain offset 2n
    expect(r.spans[149_999]).toMatchObject({ line: 1, column: 8 * 149_999 + 1, start: 2 * 149_999, end: 2 * 149_999 + 1 });
  });

  it('parses 100,000 spans on as many lines within 3 s', () => {
    const { r, ms } = timed('x [a]{.x}\n'.repeat(100_000));
    expect(ms).toBeLessThan(3000);
    expect(r.spans[99_999]).toMatchObject({ line: 100_000, column: 3 });
  });
});
