/** segments.csv's rows read back from part files (the workbook of a streamed run): what csvRecord wrote. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../src/io/read.js';
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
    }
  });
});
