/** Reading back the part files of segments.csv (a streamed `werkscan code`), a few MB at a time. */
import { closeSync, openSync, readSync } from 'node:fs';
import { parseCsvPiece } from '../core/parse/csv-records.js';

/**
 * The records of CSV files as werkscan writes them, in file order. Each file is read in pieces of
 * `pieceBytes`, never whole: a part holds every row of a one-thread run (125 MB for the shipped study
 * copied to 100 MB), and read whole a part of more than 512 MB (long segment texts, under the sheet's
 * 1,048,575 rows) is a string longer than V8 allows, which stopped `code` with an error.
 */
export function* csvRecords(files: readonly string[], delimiter: string, pieceBytes = 1 << 22): Generator<string[]> {
  const buffer = Buffer.alloc(pieceBytes);
  for (const file of files) {
    const fd = openSync(file, 'r');
    try {
      const decoder = new TextDecoder('utf-8');
      let carry = '';
      for (;;) {
        const n = readSync(fd, buffer, 0, pieceBytes, null);
        const final = n === 0;
        const text = carry + (final ? decoder.decode() : decoder.decode(buffer.subarray(0, n), { stream: true }));
        const piece = parseCsvPiece(text, delimiter, final, file);
        yield* piece.records;
        carry = text.slice(piece.consumed);
        if (final) break;
      }
    } finally {
      closeSync(fd);
    }
  }
}
