/** Tables that fit the terminal (#17.2): cut text, whole numbers, blocks that repeat the row label. */
import { describe, expect, it } from 'vitest';
import { cut, fitTable, wrap } from '../../src/report/fit.js';
import { renderTable, type Table } from '../../src/report/table.js';
import { repoRoot, werkscan } from '../helpers/run.js';

const longest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

describe('cut and wrap', () => {
  it('cuts with an ellipsis only what is too long, counting code points', () => {
    expect(cut('samenwerking', 12)).toBe('samenwerking');
    expect(cut('samenwerking-wi', 12)).toBe('samenwerkin…');
    expect(cut('één twee', 4)).toBe('één…');
  });

  it('wraps at spaces and cuts a word longer than the line', () => {
    expect(wrap('115 reproduced, 2 known discrepancies', 20)).toEqual(['115 reproduced, 2', 'known discrepancies']);
    expect(wrap('abcdefghij kl', 4)).toEqual(['abcd', 'efgh', 'ij', 'kl']);
  });
});

describe('fitTable', () => {
  const wide: Table = {
    columns: [
      { key: 'code', header: 'code' },
      ...Array.from({ length: 12 }, (_, i) => ({ key: `c${i}`, header: `Gemeente ${i + 1}`, align: 'right' as const })),
    ],
    sections: [{ title: '', rows: [{ code: 'samenwerking-werk-en-inkomen', ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`c${i}`, 1000 + i])) }] }],
    notes: ['every cell is a count of segments; a long note is wrapped to the width rather than cut'],
  };

  it('leaves a table that fits as it is', () => {
    const [only, ...rest] = fitTable(wide, 500);
    expect(rest).toEqual([]);
    expect(only!.table.sections[0]!.rows[0]!.code).toBe('samenwerking-werk-en-inkomen');
  });

  it('splits a wide matrix into blocks that repeat the row labels, never cutting a number', () => {
    const parts = fitTable(wide, 60);
    // 12 count columns of 11 characters: 60 − label (20) leaves room for 3 a block (3·(11+2) = 39)
    expect(parts).toHaveLength(4);
    for (const p of parts) expect(p.table.columns[0]!.header).toBe('code');
    expect(parts.flatMap((p) => p.table.columns.slice(1).map((c) => c.header))).toEqual(wide.columns.slice(1).map((c) => c.header));
    expect(parts.flatMap((p) => Object.values(p.table.sections[0]!.rows[0]!).slice(1))).toEqual(Array.from({ length: 12 }, (_, i) => 1000 + i));
    expect(parts[0]!.table.sections[0]!.rows[0]!.code).toBe('samenwerking-werk-e…');
    const text = renderTable(wide, 'table', { color: false, width: 60 });
    expect(longest(text)).toBeLessThanOrEqual(60);
    expect(text).toContain('split into 4 blocks to fit 60 columns');
  });
});

describe('table commands at COLUMNS=80 (the shipped study)', () => {
  for (const args of [['findings'], ['freq'], ['compare', '--where', 'line=botoc', '--unit', 'case'], ['cooccur'], ['findings', '--margin']]) {
    it(`${args.join(' ')}: no line longer than 80 characters`, async () => {
      const r = await werkscan(args, repoRoot, { COLUMNS: '80' });
      expect(r.stdout.split('\n').length).toBeGreaterThan(20);
      expect(longest(r.stdout)).toBeLessThanOrEqual(80);
    });
  }

  it('--width 0 prints the table as wide as it needs', async () => {
    const r = await werkscan(['findings', '--width', '0'], repoRoot, { COLUMNS: '80' });
    expect(longest(r.stdout)).toBeGreaterThan(200);
  });

  it('a COLUMNS that is not a width is an input error', async () => {
    const r = await werkscan(['freq'], repoRoot, { COLUMNS: 'wide' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('COLUMNS wide: not a width');
  });
});
