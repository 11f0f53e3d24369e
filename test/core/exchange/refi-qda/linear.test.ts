/**
 * Importing a REFI-QDA codebook stays linear in its codes (issue #14.5): 20,000 codes took ~30 s when
 * every member of a set searched the whole list of codes, and every code of a common name tried the
 * numbers 2, 3, … up to its own before finding a free id.
 */
import { describe, expect, it } from 'vitest';
import { importQdc } from '../../../../src/core/exchange/refi-qda/import.js';

function codebook(n: number): string {
  let codes = '';
  let members = '';
  for (let i = 0; i < n; i++) {
    const guid = `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`;
    codes += `<Code guid="${guid}" name="Zelfde naam" isCodable="true"/>`;
    members += `<MemberCode guid="${guid}"/>`;
  }
  return `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="test"><Codes>${codes}</Codes><Sets><Set guid="10000000-0000-0000-0000-000000000000" name="DV1">${members}</Set></Sets></CodeBook>`;
}

function cpuSeconds(f: () => void): number {
  const t = process.cpuUsage();
  f();
  const used = process.cpuUsage(t);
  return (used.user + used.system) / 1e6;
}

describe('importQdc on many codes of one name', () => {
  it('gives each its own id and set, in time linear in the codes', () => {
    importQdc(codebook(1000), 'warm.qdc');
    let small: ReturnType<typeof importQdc> | undefined;
    let large: ReturnType<typeof importQdc> | undefined;
    const a = cpuSeconds(() => (small = importQdc(codebook(5000), 'a.qdc')));
    const b = cpuSeconds(() => (large = importQdc(codebook(20_000), 'b.qdc')));
    expect(small!.codes).toHaveLength(5000);
    expect(large!.codes.map((c) => c.id).slice(0, 3)).toEqual(['zelfde-naam', 'zelfde-naam-2', 'zelfde-naam-3']);
    expect(large!.codes[19_999]).toMatchObject({ id: 'zelfde-naam-20000', subquestions: ['DV1'] });
    expect(new Set(large!.codes.map((c) => c.id)).size).toBe(20_000);
    expect(b / a).toBeLessThan(8); // quadratic gives 16
    expect(b).toBeLessThan(10);
  });
});
