/** The frequency table: per code its segments, documents, respondents and cases. */
import type { FrequencyRow } from '../core/count/select.js';
import type { Codebook } from '../core/model.js';
import type { Section, Table } from './table.js';
import { WORDS, type Words } from './words.js';

export const FREQ_UNITS = ['segments', 'documents', 'respondents', 'cases'] as const;
export type FreqUnit = (typeof FREQ_UNITS)[number];
export const FREQ_GROUPS = ['category', 'subquestion', 'polarity'] as const;
export type FreqGroup = (typeof FREQ_GROUPS)[number];

export interface Group {
  id: string;
  label: string;
  codes: string[];
}

/** Groups of codes in codebook order; a code with several sub-questions stands in each. */
export function groupCodes(codebook: Codebook, by: FreqGroup): Group[] {
  if (by === 'category') {
    return codebook.categories.map((c) => ({ id: c.id, label: c.label, codes: codebook.codes.filter((k) => k.category === c.id).map((k) => k.id) }));
  }
  if (by === 'subquestion') {
    return codebook.subquestions.map((s) => ({ id: s.id, label: s.text, codes: codebook.codes.filter((k) => k.subquestions.includes(s.id)).map((k) => k.id) }));
  }
  const polarity = new Map(codebook.categories.map((c) => [c.id, c.polarity]));
  return ['belemmerend', 'stimulerend', 'neutraal'].map((p) => ({
    id: p,
    label: p,
    codes: codebook.codes.filter((k) => polarity.get(k.category) === p).map((k) => k.id),
  }));
}

export interface FreqTableOptions {
  by?: FreqGroup;
  unit?: FreqUnit;
  title?: string;
  /** The headers' language (the terminal's: English). */
  words?: Words;
}

export function freqTable(codebook: Codebook, rows: readonly FrequencyRow[], options: FreqTableOptions = {}): Table {
  const units = options.unit ? [options.unit] : FREQ_UNITS;
  const { header } = options.words ?? WORDS.en;
  const columns = [
    { key: 'code', header: header.code },
    { key: 'label', header: header.label },
    ...(options.by === 'category' ? [] : [{ key: 'category', header: header.category }]),
    ...units.map((u) => ({ key: u, header: header[u], align: 'right' as const })),
  ];
  const sort = (rs: FrequencyRow[]) => (options.unit ? [...rs].sort((a, b) => b[options.unit!] - a[options.unit!]) : rs);
  const asCells = (r: FrequencyRow) => ({ ...r });
  let sections: Section[];
  if (options.by) {
    const byCode = new Map(rows.map((r) => [r.code, r]));
    sections = groupCodes(codebook, options.by)
      .filter((g) => g.codes.length > 0)
      .map((g) => ({
        title: g.label && g.label !== g.id ? `${g.id} — ${g.label}` : g.id,
        rows: sort(g.codes.map((c) => byCode.get(c)!).filter(Boolean)).map(asCells),
      }));
  } else {
    sections = [{ title: '', rows: sort([...rows]).map(asCells) }];
  }
  return { title: options.title, columns, sections };
}

/** The line under `werkscan freq`'s table: what was counted. */
export function populationNote(population: { document: number; respondent: number; case: number }, where: Readonly<Record<string, string>>, source: string, rollup: boolean): string {
  return (
    `population: ${population.document} documents, ${population.respondent} respondents, ${population.case} cases` +
    (Object.keys(where).length ? ` (where ${Object.entries(where).map(([k, v]) => `${k}=${v}`).join(', ')})` : '') +
    `; source ${source}${rollup ? ', rolled up to parents' : ''}`
  );
}
