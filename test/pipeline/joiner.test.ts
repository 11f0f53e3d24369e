/** joiner (src/pipeline/stream.ts) must give what path.join gives for the relative paths listDocuments returns. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { joiner } from '../../src/pipeline/stream.js';

describe('joiner', () => {
  const bases = ['/', '/work/corpus', '/work/corpus/', '.', '', '..', '../elders/corpus', 'corpus', 'a/b'];
  const rels = ['d1.md', 'docs/g01/d0001.md', 'plannen/Den Haag.md', 'é/ü.md'];
  it('agrees with path.join on POSIX', () => {
    for (const base of bases) for (const rel of rels) expect(joiner(base, '/')(rel), `${base} + ${rel}`).toBe(path.posix.join(base, rel));
  });
  it('is path.join elsewhere', () => {
    expect(joiner('C:\\corpus', '\\')('docs/d1.md')).toBe(path.join('C:\\corpus', 'docs/d1.md'));
  });
});
