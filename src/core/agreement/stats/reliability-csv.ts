/**
 * Reading a reliability data matrix (units × coders) from CSV text.
 *
 * Layout: the first row is a header with the coders' names. An optional
 * column holds unit labels: the one asked for, else a first column headed
 * `unit`, `eenheid` or `id` (any case) or holding distinct labels (see
 * unitColumn). Every further row is one unit; a cell holds that coder's value.
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

export interface ReliabilityMatrix {
  /** Coder names from the header, in column order. */
  coders: string[];
  /** Unit labels: from the unit column when there is one, else "1", "2", … (data row number). */
  units: string[];
  /**
   * units × coders. Nominal level: trimmed strings. Ordinal, interval, ratio:
   * numbers. Missing: null.
   */
  matrix: (Value | null)[][];
  /** Header of the column that labels the units; null when there is none. */
  unitColumn: string | null;
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

/** Which column labels the units: a header name, `false` for none, undefined to decide from the data. */
export type UnitsChoice = string | false | undefined;

const isMissing = (s: string) => s === '' || s === '.';

/**
 * The index of the unit column, or null. Asked for (`--units NAME`, `--no-units`), that is it. Otherwise
 * a first column headed unit, eenheid or id; or a first column whose values are all present and distinct
 * and occur nowhere among the other columns' values while those repeat (labels u1, u2, … next to codings).
 * A first column with a missing or repeated value is a coder. Anything else cannot be told: an InputError
 * asks for --units or --no-units rather than guess (a label column taken for a coder gives a wrong alpha).
 */
function unitColumn(names: string[], header: Row, data: Row[], choice: UnitsChoice): number | null {
  if (choice === false) return null;
  if (typeof choice === 'string') {
    const at = names.indexOf(choice.trim());
    if (at < 0) {
      throw new InputError(`--units ${choice}: no such column (the header has ${names.map((n) => JSON.stringify(n)).join(', ')})`, {
        line: header.line,
        hint: 'name the column that labels the units, as written in the header',
      });
    }
    return at;
  }
  if (UNIT_HEADERS.has((names[0] ?? '').toLowerCase())) return 0;
  // With two columns a unit column would leave one coder: both are coders.
  if (names.length < 3) return null;
  const first = data.map((r) => (r.cells[0]?.text ?? '').trim());
  if (first.length === 0 || first.some(isMissing) || new Set(first).size < first.length) return null;
  const others = data.flatMap((r) => r.cells.slice(1).map((c) => c.text.trim()).filter((v) => !isMissing(v)));
  const values = new Set(others);
  if (values.size < others.length && !first.some((v) => values.has(v))) return 0;
  throw new InputError(`cannot tell whether the first column ${JSON.stringify(names[0] ?? '')} labels the units or holds a coder's values`, {
    line: header.line,
    column: header.cells[0]?.column ?? 1,
    hint: `pass --units ${names[0] ?? 'COLUMN'} if it labels the units, or --no-units if it is a coder`,
  });
}

/** Coder names from the header (every column but the unit column): at least two, named, distinct. */
function coderNames(names: string[], header: Row, unit: number | null): string[] {
  const columns = names.map((_, j) => j).filter((j) => j !== unit);
  if (columns.length < 2) {
    throw new InputError(`reliability data needs at least two coder columns, the header has ${columns.length}`, {
      line: header.line,
      hint: 'header: optional "unit" column, then one column per coder, separated by "," or ";"',
    });
  }
  const seen = new Map<string, number>();
  for (const j of columns) {
    const name = names[j]!;
    const cell = header.cells[j] as Cell;
    if (name === '') throw new InputError(`coder column ${j + 1} has no name in the header`, { line: cell.line, column: cell.column });
    const before = seen.get(name);
    if (before !== undefined) {
      throw new InputError(`coder name "${name}" occurs twice in the header (columns ${before} and ${j + 1})`, { line: cell.line, column: cell.column });
    }
    seen.set(name, j + 1);
  }
  return columns.map((j) => names[j]!);
}

/**
 * Parse reliability data. For ordinal, interval and ratio every non-missing
 * cell must be a number (with `;` as delimiter a decimal comma, `2,5`, is
 * accepted too); otherwise an InputError names the line, column and coder.
 * `units` chooses the unit column (see unitColumn).
 */
export function parseReliabilityMatrix(text: string, level: AlphaLevel, units: UnitsChoice = undefined): ReliabilityMatrix {
  const chars = Array.from(text);
  if (chars[0] === '\uFEFF') chars.shift();
  const delimiter = detectDelimiter(chars);
  const rows = readCsv(chars, delimiter).filter((r) => !r.cells.every((c) => !c.quoted && c.text.trim() === ''));

  const header = rows[0];
  if (header === undefined) {
    throw new InputError('empty reliability file: expected a header row with coder names', { line: 1 });
  }
  const names = header.cells.map((c) => c.text.trim());
  const width = names.length;
  const data = rows.slice(1);
  for (const row of data) {
    if (row.cells.length !== width) {
      throw new InputError(`line ${row.line} has ${row.cells.length} field(s) but the header has ${width}`, {
        line: row.line,
        hint: 'every row needs one cell per column (unit label, coders); leave a cell empty or write "." for a missing value',
      });
    }
  }
  const unit = unitColumn(names, header, data, units);
  const coders = coderNames(names, header, unit);
  const matrix = data.map((row) => row.cells.flatMap((cell, j) => (j === unit ? [] : [cellValue(cell, level, delimiter, names[j]!, row.line, j)])));
  return { coders, units: data.map((row, r) => (unit === null ? String(r + 1) : (row.cells[unit] as Cell).text.trim())), matrix, unitColumn: unit === null ? null : names[unit]! };
}

/** One coder's value: trimmed text (nominal) or a number; null when missing. */
function cellValue(cell: Cell, level: AlphaLevel, delimiter: string, coder: string, line: number, j: number): Value | null {
  const s = cell.text.trim();
  if (isMissing(s)) return null;
  if (level === 'nominal') return s;
  const x = numericValue(delimiter === ';' && /^[+-]?\d+,\d+$/.test(s) ? s.replace(',', '.') : s);
  if (x === null) {
    throw new InputError(`non-numeric value ${JSON.stringify(s)} for coder "${coder}" (line ${line}, field ${j + 1}): the ${level} level needs numbers`, {
      line: cell.line,
      column: cell.column,
      hint: 'use the nominal level for categories that are not numbers',
    });
  }
  if (level === 'ratio' && x < 0) {
    throw new InputError(`negative value ${JSON.stringify(s)} for coder "${coder}" (line ${line}, field ${j + 1}): the ratio level needs values ≥ 0`, {
      line: cell.line,
      column: cell.column,
      hint: 'use the interval level for data without a natural zero',
    });
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

/**
 * A small RFC 4180 reader that remembers where each record and field starts. Long: one loop over the
 * characters whose states (in quotes, after a quote, at a line end) share the position bookkeeping.
 */
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
