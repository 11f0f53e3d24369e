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
  /** Iterated more than once (the widths, then the writing); possibly read from files each time. */
  rows: Iterable<readonly Value[]>;
}

export interface Workbook {
  sheets: Sheet[];
}
