/** The table model every renderer takes (terminal, Markdown, CSV): data, no formatting. */
export type Cell = string | number | null;

export interface Column {
  key: string;
  header: string;
  align?: 'left' | 'right';
  /** The CSV header, where it is not the key (a case's name over a matrix column keyed by its id). */
  csv?: string;
}

export interface Section {
  title: string;
  rows: Record<string, Cell>[];
}

export interface Table {
  title?: string;
  columns: Column[];
  /** Rows in sections (e.g. per category); a table without grouping has one untitled section. */
  sections: Section[];
  /** Lines printed under the table (legend, totals). */
  notes?: string[];
}
