/** report/scan.ts: the checklist's terminal table. */
import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/core/scan/checklist.js';
import { scanTable } from '../../src/report/scan.js';

const item = (code: string, pages: number[]) => ({
  code,
  label: code,
  category: 'stimulerend',
  status: 'present' as const,
  evidence: pages.map((page, i) => ({ line: null, text: `zin ${i}`, brief: false, page })),
  why: '',
  addresses: [],
});

describe('scanTable', () => {
  it('names a page once in the Where column, however many of the item\'s sentences stand on it', () => {
    const r = { document: 'p', topic: null, items: [item('a', [2, 2, 3, 2]), item('b', [1])], counts: { present: 2, mentioned: 0, missing: 0 } } as unknown as ScanResult;
    const rows = scanTable(r, 'plan.pdf', 'nl').sections[0]!.rows;
    expect(rows.map((x) => x.where)).toEqual(['p. 2, p. 3', 'p. 1']);
  });
});
