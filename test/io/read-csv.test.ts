/** segments.csv's rows read back from part files (the workbook of a streamed run), in pieces: what csvRecord wrote. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../src/io/csv-parts.js';
import { csvRecord } from '../../src/report/csv.js';
import { rng } from '../helpers/rng.js';
import { tempDir } from '../helpers/run.js';

describe('csvRecords', () => {
  it('reads back 2,000 random records over two files, for four delimiters', () => {
    const pieces = ['a', 'Werk', ',', ';', ';;', '"', '""', '\n', ' ', 'é', ''];
    const r = rng(31);
    for (const delimiter of [',', ';', '\t', ';;']) {
      const records = Array.from({ length: 500 }, () => Array.from({ length: 1 + Math.floor(r() * 5) }, () => Array.from({ length: Math.floor(r() * 4) }, () => pieces[Math.floor(r() * pieces.length)]!).join('')));
      const dir = tempDir();
      const files = [path.join(dir, 'a'), path.join(dir, 'b')];
      writeFileSync(files[0]!, records.slice(0, 200).map((x) => csvRecord(x, delimiter)).join(''));
      writeFileSync(files[1]!, records.slice(200).map((x) => csvRecord(x, delimiter)).join(''));
      expect([...csvRecords(files, delimiter)], delimiter).toEqual(records);
      // read in pieces of 1 to 13 bytes: every field, quote, doubled quote, delimiter and é split somewhere
      for (const piece of [1, 2, 3, 5, 13]) expect([...csvRecords(files, delimiter, piece)], `${delimiter} in pieces of ${piece}`).toEqual(records);
    }
  });

  it('a file that ends inside a quoted field is an error, not a record', () => {
    const file = path.join(tempDir(), 'a');
    writeFileSync(file, 'a,"b\n');
    expect(() => [...csvRecords([file], ',', 2)]).toThrow(/unterminated quoted field/);
  });
});
