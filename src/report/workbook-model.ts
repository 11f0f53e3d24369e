/** The model of an .xlsx workbook (see workbook.ts, which builds it, and xlsx.ts, which writes it). */
/** text; a count (whole number); a share (a fraction, shown as 0%); percentage points (whole number, signed). */
export type Kind = 'text' | 'count' | 'share' | 'points';
export type Value = string | number | null;

export interface SheetColumn {
  header: string;
  kind: Kind;
  /** In characters, as Excel counts them. */
  width: number;
}

export interface Sheet {
  name: string;
  columns: SheetColumn[];
  rows: Value[][];
}

export interface Workbook {
  sheets: Sheet[];
}
