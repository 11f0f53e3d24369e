/**
 * Reading a reliability data matrix (units × coders) from CSV text.
 *
 * Layout: the first row is a header with the coders' names. An optional first
 * column whose header is `unit`, `eenheid` or `id` (any case) holds unit
 * labels. Every further row is one unit; a cell holds that coder's value.
 * An empty cell or `.` means missing. The delimiter (`,` or `;`) is taken
 * from the header line: `;` when it has more semicolons than commas outside
 * quotes, otherwise `,`. Quoting follows RFC 4180 (`"a ""b"""`, line breaks
 * inside quotes). Blank lines, and lines whose cells are all empty, are skipped.
 *
 * Pure: takes the file's text, no I/O. Errors carry 1-based line (and column,
 * in code points) of the text; use `InputError.inFile` to attach a file name.
 */

import { InputError } from '../../errors.js';
import { numericValue, type AlphaLevel, type Value } from './krippendorff.js';

interface ReliabilityMatrix {
  /** Coder names from the header, in column order. */
  coders: string[];
  /** Unit labels: from the unit column when there is one, else "1", "2", … (data row number). */
  units: string[];
  /**
   * units × coders. Nominal level: trimmed strings. Ordinal, interval, ratio:
   * numbers. Missing: null.
   */
  matrix: (Value | null)[][];
}

const UNIT_HEADERS = new Set(['unit', 'eenheid', 'id']);

interface Cell {
  text: string;
  quoted: boolean;
  line: number;
  column: number;
}

interface Row {
  cells: Cell[];
  line: number;
}

/**
 * Parse reliability data. For ordinal, interval and ratio every non-missing
 * cell must be a number (with `;` as delimiter a decimal comma, `2,5`, is
 * accepted too); otherwise an InputError names the line, column and coder.
 */
export function parseReliabilityMatrix(text: string, level: AlphaLevel): ReliabilityMatrix {
  const chars = Array.from(text);
  if (chars[0] === '\uFEFF') chars.shift();
  const delimiter = detectDelimiter(chars);
  const rows = readCsv(chars, delimiter).filter((r) => !r.cells.every((c) => !c.quoted && c.text.trim() === ''));

  const header = rows[0];
  if (header === undefined) {
    throw new InputError('empty reliability file: expected a header row with coder names', { line: 1 });
  }
  const names = header.cells.map((c) => c.text.trim());
  const hasUnit = UNIT_HEADERS.has((names[0] ?? '').toLowerCase());
  const offset = hasUnit ? 1 : 0;
  const coders = names.slice(offset);
  if (coders.length < 2) {
    throw new InputError(
      `reliability data needs at least two coder columns, the header has ${coders.length}`,
      {
        line: header.line,
        hint: 'header: optional "unit" column, then one column per coder, separated by "," or ";"',
      },
    );
  }
  const seen = new Map<string, number>();
  coders.forEach((name, j) => {
    const cell = header.cells[j + offset] as Cell;
    if (name === '') {
      throw new InputError(`coder column ${j + offset + 1} has no name in the header`, {
        line: cell.line,
        column: cell.column,
      });
    }
    const before = seen.get(name);
    if (before !== undefined) {
      throw new InputError(`coder name "${name}" occurs twice in the header (columns ${before} and ${j + offset + 1})`, {
        line: cell.line,
        column: cell.column,
      });
    }
    seen.set(name, j + offset + 1);
  });

  const units: string[] = [];
  const matrix: (Value | null)[][] = [];
  const width = names.length;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] as Row;
    if (row.cells.length !== width) {
      throw new InputError(
        `line ${row.line} has ${row.cells.length} field(s) but the header has ${width}`,
        { line: row.line, hint: `every row needs ${hasUnit ? 'a unit label and ' : ''}one cell per coder; leave a cell empty or write "." for a missing value` },
      );
    }
    units.push(hasUnit ? (row.cells[0] as Cell).text.trim() : String(r));
    const values: (Value | null)[] = [];
    for (let j = offset; j < width; j++) {
      const cell = row.cells[j] as Cell;
      const s = cell.text.trim();
      if (s === '' || s === '.') {
        values.push(null);
        continue;
      }
      if (level === 'nominal') {
        values.push(s);
        continue;
      }
      const x = numericValue(delimiter === ';' && /^[+-]?\d+,\d+$/.test(s) ? s.replace(',', '.') : s);
      if (x === null) {
        throw new InputError(
          `non-numeric value ${JSON.stringify(s)} for coder "${coders[j - offset] ?? ''}" (line ${row.line}, field ${j + 1}): the ${level} level needs numbers`,
          { line: cell.line, column: cell.column, hint: 'use the nominal level for categories that are not numbers' },
        );
      }
      if (level === 'ratio' && x < 0) {
        throw new InputError(
          `negative value ${JSON.stringify(s)} for coder "${coders[j - offset] ?? ''}" (line ${row.line}, field ${j + 1}): the ratio level needs values ≥ 0`,
          { line: cell.line, column: cell.column, hint: 'use the interval level for data without a natural zero' },
        );
      }
      values.push(x);
    }
    matrix.push(values);
  }
  return { coders, units, matrix };
}

/** `;` if the header line has more semicolons than commas outside quotes, else `,`. */
function detectDelimiter(chars: readonly string[]): ',' | ';' {
  let commas = 0;
  let semis = 0;
  let quoted = false;
  for (const ch of chars) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semis++;
  }
  return semis > commas ? ';' : ',';
}

/** A small RFC 4180 reader that remembers where each record and field starts. */
function readCsv(chars: readonly string[], delimiter: string): Row[] {
  const rows: Row[] = [];
  let line = 1;
  let column = 1;
  let cells: Cell[] = [];
  let rowLine = 1;
  let field = '';
  let quoted = false; // the current field was quoted
  let inQuotes = false;
  let afterQuote = false; // the closing quote was seen; only blanks may follow
  let fieldLine = 1;
  let fieldColumn = 1;
  let quoteLine = 1;
  let quoteColumn = 1;

  const endField = (): void => {
    cells.push({ text: field, quoted, line: fieldLine, column: fieldColumn });
    field = '';
    quoted = false;
    afterQuote = false;
  };
  const endRow = (): void => {
    endField();
    rows.push({ cells, line: rowLine });
    cells = [];
  };

  let i = 0;
  while (i < chars.length) {
    const ch = chars[i] as string;
    const next = chars[i + 1];
    if (inQuotes) {
      if (ch === '"') {
        if (next === '"') {
          field += '"';
          i += 2;
          column += 2;
        } else {
          inQuotes = false;
          afterQuote = true;
          i++;
          column++;
        }
      } else if (ch === '\r' || ch === '\n') {
        field += '\n';
        i += ch === '\r' && next === '\n' ? 2 : 1;
        line++;
        column = 1;
      } else {
        field += ch;
        i++;
        column++;
      }
      continue;
    }
    if (ch === delimiter) {
      endField();
      i++;
      column++;
      fieldLine = line;
      fieldColumn = column;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && next === '\n' ? 2 : 1;
      line++;
      column = 1;
      rowLine = line;
      fieldLine = line;
      fieldColumn = column;
    } else if (ch === '"' && !quoted && field.trim() === '') {
      inQuotes = true;
      quoted = true;
      field = '';
      quoteLine = line;
      quoteColumn = column;
      i++;
      column++;
    } else if (afterQuote && ch !== ' ' && ch !== '\t') {
      throw new InputError(`unexpected ${JSON.stringify(ch)} after a closing quote`, {
        line,
        column,
        hint: 'inside a quoted field write a quote as ""',
      });
    } else {
      if (!afterQuote) field += ch;
      i++;
      column++;
    }
  }
  if (inQuotes) {
    throw new InputError('quoted field is not closed before the end of the file', {
      line: quoteLine,
      column: quoteColumn,
    });
  }
  // The last record, unless the text ended with a line break (or was empty).
  if (cells.length > 0 || field !== '' || quoted) endRow();
  return rows;
}
