/**
 * CSV as werkscan writes it (report/csv.ts csvRecord: a field quoted when it holds a quote, doubled, the
 * delimiter or a line feed; a line feed after each record), parsed a piece at a time: the rows of
 * segments.csv read back from its part files without holding a whole file (io/csv-parts.ts).
 */

export interface CsvPiece {
  records: string[][];
  /** Characters of the text the records took; the rest is the start of a record that goes on in the next piece. */
  consumed: number;
}

/**
 * The complete records of `text`. Unless `final`, a record the text ends inside (a field, a quoted field,
 * half a delimiter, a closing quote that may be the first of a doubled one) is left for the next piece;
 * with `final` the text's end ends the record, and an unterminated quote is an error. Linear in the text.
 */
export function parseCsvPiece(text: string, delimiter: string, final: boolean, file: string): CsvPiece {
  const records: string[][] = [];
  let consumed = 0;
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field: string;
    if (text[i] === '"') {
      let end = i + 1;
      field = '';
      for (;;) {
        const q = text.indexOf('"', end);
        if (q < 0 || (q + 1 >= text.length && !final)) {
          if (final) throw new Error(`${file}: unterminated quoted field`);
          return { records, consumed };
        }
        field += text.slice(end, q);
        if (text[q + 1] === '"') {
          field += '"';
          end = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      let end = i;
      while (end < text.length && text[end] !== '\n' && !text.startsWith(delimiter, end)) end++;
      if (end >= text.length && !final) return { records, consumed };
      field = text.slice(i, end);
      i = end;
    }
    record.push(field);
    if (text[i] === '\n') {
      records.push(record);
      record = [];
      consumed = ++i;
    } else if (delimiter !== '' && text.startsWith(delimiter, i)) i += delimiter.length;
    else if (!final) return { records, consumed };
  }
  if (final && record.length > 0) records.push(record);
  return { records, consumed: final ? text.length : consumed };
}
