/** Scores the privacy scan on test/fixtures/privacy/labelled.tsv: recall and precision per kind. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findPersonalData } from '../../../src/core/checks/privacy.js';
import { repoRoot } from '../../helpers/run.js';

export interface Row {
  text: string;
  kind: string;
  match: string;
  part: 'tune' | 'heldout';
}

/** The scanner's kind names for the set's. */
const KIND: Record<string, string> = { email: 'email', phone: 'telefoon', bsn: 'bsn', iban: 'iban', postcode: 'adres' };
export const KINDS = Object.keys(KIND);

export function labelled(): Row[] {
  const lines = readFileSync(path.join(repoRoot, 'test/fixtures/privacy/labelled.tsv'), 'utf8').trimEnd().split('\n').slice(1);
  return lines.map((l) => {
    const [text, kind, match, part] = l.split('\t');
    return { text: text ?? '', kind: kind ?? '', match: match ?? '', part: part as Row['part'] };
  });
}

export interface Score {
  tp: number;
  fn: number;
  fp: number;
  recall: number;
  precision: number;
}

export interface Miss {
  row: Row;
  found: string[];
}

/** A positive is found when a hit of its kind matches its text exactly; every other hit is a false positive. */
export function score(rows: readonly Row[]): { scores: Record<string, Score>; misses: Miss[] } {
  const counts = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fn: 0, fp: 0 }]));
  const misses: Miss[] = [];
  for (const row of rows) {
    const hits = findPersonalData(row.text);
    const at = row.kind === 'none' ? -1 : row.text.indexOf(row.match);
    const good = hits.findIndex((h) => row.kind !== 'none' && h.kind === KIND[row.kind] && h.start === at && h.match === row.match);
    if (row.kind !== 'none') counts[row.kind]![good >= 0 ? 'tp' : 'fn']++;
    hits.forEach((h, i) => {
      if (i === good) return;
      const k = KINDS.find((x) => KIND[x] === h.kind);
      if (k) counts[k]!.fp++;
    });
    if ((row.kind !== 'none' && good < 0) || hits.length > (good >= 0 ? 1 : 0)) misses.push({ row, found: hits.map((h) => `${h.kind}:${h.match}`) });
  }
  const scores = Object.fromEntries(
    Object.entries(counts).map(([k, c]) => [k, { ...c, recall: c.tp / (c.tp + c.fn), precision: c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp) }]),
  );
  return { scores, misses };
}
