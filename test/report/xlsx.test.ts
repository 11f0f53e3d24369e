/**
 * report/xlsx.ts, werkscan's own .xlsx writer, on what a study's text can hold: markup characters, control
 * characters, a lone surrogate, texts longer than a cell takes, empty and non-finite cells, more than 26
 * columns. Read back by an independent reader (read-excel-file) and checked as XML (fast-xml-parser).
 */
import { strFromU8, unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import readExcelFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { xlsxBytes } from '../../src/report/xlsx.js';
import type { Sheet, Value, Workbook } from '../../src/report/workbook-model.js';

const long = 'x'.repeat(40_000);
const text = (header: string) => ({ header, kind: 'text' as const, width: 10 });
const count = (header: string) => ({ header, kind: 'count' as const, width: 8 });

const hostile: Sheet = {
  name: 'Segmenten',
  columns: [text('tekst'), count('n'), { header: 'aandeel', kind: 'share', width: 8 }, { header: 'Δ pp', kind: 'points', width: 8 }],
  rows: [
    ['a < b & c > "d" \'e\'', 3, 0.625, -12],
    ['tab\there, bell\u0007, form\u000c, nul\u0000 end', 0, null, 0],
    ['lone \ud800 surrogate, pair 😀 kept', Number.NaN, Number.POSITIVE_INFINITY, 7],
    [long, 1, 1, 1],
    ['  leading and trailing spaces  ', 2, 0, 0],
    [],
  ],
};
const wide: Sheet = {
  name: 'Breed',
  columns: Array.from({ length: 30 }, (_, i) => count(`c${i}`)),
  rows: [Array.from({ length: 30 }, (_, i): Value => i * 10)],
};
const book: Workbook = { sheets: [hostile, wide, { name: 'Leeg', columns: [], rows: [] }] };

describe('xlsxBytes', () => {
  it('writes well-formed XML in every part', async () => {
    const files = unzipSync(await xlsxBytes(book));
    expect(Object.keys(files)).toContain('xl/sharedStrings.xml');
    for (const [name, data] of Object.entries(files)) expect(XMLValidator.validate(strFromU8(data)), name).toBe(true);
  });

  it('gives back what it was given, but for what a cell cannot hold', async () => {
    const sheets = (await readExcelFile(Buffer.from(await xlsxBytes(book)), { trim: false })) as { sheet: string; data: (string | number | null)[][] }[];
    expect(sheets.map((s) => s.sheet)).toEqual(['Segmenten', 'Breed', 'Leeg']);
    const rows = sheets[0]!.data;
    expect(rows[0]).toEqual(['tekst', 'n', 'aandeel', 'Δ pp']);
    expect(rows[1]).toEqual(['a < b & c > "d" \'e\'', 3, 0.625, -12]);
    // C0 controls other than tab and newlines have no place in XML 1.0: dropped, the rest kept.
    expect(rows[2]).toEqual(['tab\there, bell, form, nul end', 0, null, 0]);
    // A lone surrogate is dropped, a pair kept; NaN and infinity are empty cells, not "NaN".
    expect(rows[3]).toEqual(['lone  surrogate, pair 😀 kept', null, null, 7]);
    // Excel holds 32,767 characters in a cell: cut there, the cut marked.
    expect(rows[4]![0]).toHaveLength(32_767);
    expect(String(rows[4]![0]).endsWith('x…')).toBe(true);
    expect(rows[5]![0]).toBe('  leading and trailing spaces  ');
    expect(sheets[1]!.data[0]!.slice(25, 28)).toEqual(['c25', 'c26', 'c27']);
    expect(sheets[1]!.data[1]![29]).toBe(290);
  });

  it('names cells past Z as Excel does (Z, AA, AD) and numbers shared strings from 0', async () => {
    const files = unzipSync(await xlsxBytes(book));
    const breed = strFromU8(files['xl/worksheets/sheet2.xml']!);
    expect(breed).toContain('<c r="Z2" s="2"><v>250</v></c><c r="AA2" s="2"><v>260</v></c>');
    expect(strFromU8(files['xl/sharedStrings.xml']!)).toMatch(/^<\?xml[^>]*>\n<sst [^>]*uniqueCount="\d+"><si><t xml:space="preserve">tekst<\/t><\/si>/);
  });

  it('gives the same bytes for the same workbook, and a zip stamped 2000-01-01', async () => {
    const a = await xlsxBytes(book);
    const b = await xlsxBytes(book);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    // DOS date in the first local header (offset 12): (2000 − 1980) << 9 | 1 << 5 | 1
    expect(Buffer.from(a).readUInt16LE(12)).toBe((20 << 9) | (1 << 5) | 1);
  });
});
