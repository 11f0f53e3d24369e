/**
 * The one order for text in reports and messages: Dutch collation, fixed, whatever the user's locale.
 * `a.localeCompare(b)` takes the locale from the environment (LANG), so a colleague under
 * `LANG=da_DK.UTF-8` (where "aa" sorts after "z") got other reports and a failing `code --check`.
 * Dutch has no tailoring of its own in CLDR: this is the order the reports were made in under
 * LANG=C.UTF-8 and en_US, so shipped reports keep their bytes.
 */
import { fold } from './positions.js';

const collator = new Intl.Collator('nl');

/** Compare two strings for sorting (negative, zero, positive), in the fixed Dutch collation. */
export const compareText = (a: string, b: string): number => collator.compare(a, b);


/** Edits (insert, delete, replace) between two strings, by code unit. */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** Something a user may name by its id or by one of its names (a case's name, a code's label). */
export interface Named {
  id: string;
  names: readonly string[];
}

/**
 * What `query` names: the item whose id is exactly it, else the one whose id or a name equals it
 * folded (case and accents ignored). A miss (or a folded name several items share) gives no id and the
 * closest name or id (fewest edits, folded; ties: the first item, a name before an id), or the items that share the name.
 */
export function findNamed(query: string, items: readonly Named[]): { id: string } | { id: null; closest: string | undefined; ambiguous: string[] } {
  const exact = items.find((x) => x.id === query);
  if (exact) return { id: exact.id };
  const q = fold(query);
  const hits = items.filter((x) => fold(x.id) === q || x.names.some((n) => fold(n) === q));
  if (hits.length === 1) return { id: hits[0]!.id };
  if (hits.length > 1) return { id: null, closest: undefined, ambiguous: hits.map((x) => x.id) };
  let closest: string | undefined;
  let best = Infinity;
  for (const x of items) {
    for (const s of [...x.names, x.id]) {
      const d = editDistance(q, fold(s));
      if (d < best) [closest, best] = [s, d];
    }
  }
  return { id: null, closest, ambiguous: [] };
}
