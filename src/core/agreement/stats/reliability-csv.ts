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
  const { coders, hasUnit, width } = readHeader(rows[0]);
  const offset = hasUnit ? 1 : 0;
  const units: string[] = [];
  const matrix: (Value | null)[][] = [];
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
    for (let j = offset; j < width; j++) values.push(cellValue(row.cells[j] as Cell, level, delimiter, `coder "${coders[j - offset] ?? ''}" (line ${row.line}, field ${j + 1})`));
    matrix.push(values);
  }
  return { coders, units, matrix };
}

/** The coder names of the header row (after an optional unit column); throws unless there are two or more, named, distinct. */
function readHeader(header: Row | undefined): { coders: string[]; hasUnit: boolean; width: number } {
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
  return { coders, hasUnit, width: names.length };
}

/** The value of one cell: null when missing (empty or "."), the trimmed text (nominal), else a number; `where` names it in messages. */
function cellValue(cell: Cell, level: AlphaLevel, delimiter: string, where: string): Value | null {
  const s = cell.text.trim();
  if (s === '' || s === '.') return null;
  if (level === 'nominal') return s;
  const x = numericValue(delimiter === ';' && /^[+-]?\d+,\d+$/.test(s) ? s.replace(',', '.') : s);
  if (x === null) {
    throw new InputError(
      `non-numeric value ${JSON.stringify(s)} for ${where}: the ${level} level needs numbers`,
      { line: cell.line, column: cell.column, hint: 'use the nominal level for categories that are not numbers' },
    );
  }
  if (level === 'ratio' && x < 0) {
    throw new InputError(
      `negative value ${JSON.stringify(s)} for ${where}: the ratio level needs values ≥ 0`,
      { line: cell.line, column: cell.column, hint: 'use the interval level for data without a natural zero' },
    );
  }
  return x;
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
  const reader = new CsvReader(delimiter);
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i] as string;
    i += reader.inQuotes ? reader.quotedChar(ch, chars[i + 1]) : reader.plainChar(ch, chars[i + 1]);
  }
  return reader.finish();
}

/** The state of readCsv: where it is, the field and record it is reading, and the records read. */
class CsvReader {
  /** Inside a quoted field. */
  inQuotes = false;
  private readonly rows: Row[] = [];
  private line = 1;
  private column = 1;
  private cells: Cell[] = [];
  private rowLine = 1;
  private field = '';
  /** The current field was quoted. */
  private quoted = false;
  /** The closing quote was seen; only blanks may follow. */
  private afterQuote = false;
  private fieldLine = 1;
  private fieldColumn = 1;
  private quoteLine = 1;
  private quoteColumn = 1;

  constructor(private readonly delimiter: string) {}

  /** Reads `ch` (followed by `next`) inside quotes; returns how many characters it took. */
  quotedChar(ch: string, next: string | undefined): number {
    if (ch === '"') {
      if (next === '"') {
        this.field += '"';
        this.column += 2;
        return 2;
      }
      this.inQuotes = false;
      this.afterQuote = true;
      this.column++;
      return 1;
    }
    if (ch === '\r' || ch === '\n') {
      this.field += '\n';
      this.line++;
      this.column = 1;
      return ch === '\r' && next === '\n' ? 2 : 1;
    }
    this.field += ch;
    this.column++;
    return 1;
  }

  /** Reads `ch` (followed by `next`) outside quotes; returns how many characters it took. */
  plainChar(ch: string, next: string | undefined): number {
    if (ch === this.delimiter) {
      this.endField();
      this.column++;
      this.fieldLine = this.line;
      this.fieldColumn = this.column;
      return 1;
    }
    if (ch === '\r' || ch === '\n') {
      this.endRow();
      this.line++;
      this.column = 1;
      this.rowLine = this.line;
      this.fieldLine = this.line;
      this.fieldColumn = this.column;
      return ch === '\r' && next === '\n' ? 2 : 1;
    }
    if (ch === '"' && !this.quoted && this.field.trim() === '') {
      this.inQuotes = true;
      this.quoted = true;
      this.field = '';
      this.quoteLine = this.line;
      this.quoteColumn = this.column;
      this.column++;
      return 1;
    }
    if (this.afterQuote && ch !== ' ' && ch !== '\t') {
      throw new InputError(`unexpected ${JSON.stringify(ch)} after a closing quote`, {
        line: this.line,
        column: this.column,
        hint: 'inside a quoted field write a quote as ""',
      });
    }
    if (!this.afterQuote) this.field += ch;
    this.column++;
    return 1;
  }

  /** The records read, once the text has ended. */
  finish(): Row[] {
    if (this.inQuotes) {
      throw new InputError('quoted field is not closed before the end of the file', {
        line: this.quoteLine,
        column: this.quoteColumn,
      });
    }
    // The last record, unless the text ended with a line break (or was empty).
    if (this.cells.length > 0 || this.field !== '' || this.quoted) this.endRow();
    return this.rows;
  }

  private endField(): void {
    this.cells.push({ text: this.field, quoted: this.quoted, line: this.fieldLine, column: this.fieldColumn });
    this.field = '';
    this.quoted = false;
    this.afterQuote = false;
  }

  private endRow(): void {
    this.endField();
    this.rows.push({ cells: this.cells, line: this.rowLine });
    this.cells = [];
  }
}
