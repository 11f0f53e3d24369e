/** The hot path of segments.csv (src/report/csv.ts, segments.ts) must write what csv-stringify and the regular expressions would. */
import { describe, expect, it } from 'vitest';
import { csvRecord, csvStringify } from '../../src/report/csv.js';
import { squeezeSpace } from '../../src/report/segments.js';
import { rng } from '../helpers/rng.js';

describe('csvRecord', () => {
  it('writes what csv-stringify writes, on 5,000 random records and four delimiters', () => {
    const pieces = ['a', 'Werk', ',', ';', ';;', '"', '""', '\n', '\r', '\r\n', ' ', '\t', 'é', '🙂', ''];
    const r = rng(23);
    for (const delimiter of [',', ';', '\t', ';;']) {
      for (let n = 0; n < 1250; n++) {
        const record = Array.from({ length: 1 + Math.floor(r() * 5) }, () => Array.from({ length: Math.floor(r() * 4) }, () => pieces[Math.floor(r() * pieces.length)]!).join(''));
        expect(csvRecord(record, delimiter), JSON.stringify([delimiter, record])).toBe(csvStringify([record], delimiter));
      }
    }
  });
});

describe('squeezeSpace', () => {
  it('is replace(/\\s+/g, " ").trim() on 5,000 random texts', () => {
    const pieces = ['a', 'werk', ' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u2028', 'é', ''];
    const r = rng(29);
    for (let n = 0; n < 5000; n++) {
      const text = Array.from({ length: Math.floor(r() * 8) }, () => pieces[Math.floor(r() * pieces.length)]!).join('');
      expect(squeezeSpace(text), JSON.stringify(text)).toBe(text.replace(/\s+/g, ' ').trim());
    }
  });
});

describe('csvCell (#17.3)', () => {
  it('with ";" a number alone gets a decimal comma; text and "," stay as they are', async () => {
    const { csvCell } = await import('../../src/report/csv.js');
    const semi = csvCell(';');
    expect(['0.795', '99.0%', '+12.5', '−0.25', 0.5, 3, '6', 'versie 1.2', '1.2.3', 'a.5', null].map(semi)).toEqual(['0,795', '99,0%', '+12,5', '−0,25', '0,5', '3', '6', 'versie 1.2', '1.2.3', 'a.5', '']);
    expect(['0.795', '99.0%'].map(csvCell(','))).toEqual(['0.795', '99.0%']);
  });
});
