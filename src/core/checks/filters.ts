/**
 * Filters that select nothing: a `--where key=value` or a finding's `among:` whose value no case,
 * document or respondent has. Matching stays exact; these checks only make a typo (`kind=School` for `kind=school`) an
 * error that names the values there are, instead of a table of zeros.
 */
import { editDistance } from '../text/collate.js';
import { InputError, unknownAttribute } from '../errors.js';
import type { Attributes, Finding, Project } from '../model.js';

/** Every value of every attribute: of cases, of documents' front matter, and of respondents (not their id: select() does not match it). */
function attributeValues(project: Project): Map<string, Set<string>> {
  const values = new Map<string, Set<string>>();
  const add = (attrs: Attributes, skipId = false) => {
    for (const [k, v] of Object.entries(attrs)) {
      if (skipId && k === 'id') continue;
      let set = values.get(k);
      if (!set) values.set(k, (set = new Set()));
      set.add(v);
    }
  };
  for (const c of project.corpus.cases) add(c.attrs);
  for (const d of project.corpus.documents) {
    add(d.attrs);
    for (const r of d.respondents) add(r.attrs, true);
  }
  return values;
}

// @testOnly: exported for test/cli/lint.test.ts, test/cli/loading.test.ts
/** The candidate nearest to `value`, ignoring case (then fewest edits; ties: the first in sorted order). */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of [...candidates].sort()) {
    const d = editDistance(value.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

/** The values of an attribute for a message: sorted, the first 10, then how many there are in all. */
function valueList(values: Iterable<string>): string {
  const all = [...values].sort();
  return all.length <= 10 ? all.join(', ') : `${all.slice(0, 10).join(', ')}, … (${all.length} in all)`;
}

/** A filter value that nothing has, with the values its attribute does have. */
export interface UnmatchedValue {
  key: string;
  value: string;
  values: string;
  closest: string;
}

/** The entries of `filter` whose key exists but whose value no case, document or respondent has. */
function unmatchedValues(values: ReadonlyMap<string, ReadonlySet<string>>, filter: Attributes): UnmatchedValue[] {
  const out: UnmatchedValue[] = [];
  for (const [key, value] of Object.entries(filter)) {
    const known = values.get(key);
    if (!known || known.has(value)) continue;
    out.push({ key, value, values: valueList(known), closest: closest(value, known) ?? '' });
  }
  return out;
}

/**
 * A --where that would select nothing nameable is an error (exit 2): an attribute no case, document or
 * respondent has, or a value none of them has.
 */
export function checkWhere(project: Project, where: Attributes, known: ReadonlySet<string>): void {
  for (const key of Object.keys(where)) {
    if (!known.has(key)) throw unknownAttribute(key, known);
  }
  const [miss] = unmatchedValues(attributeValues(project), where);
  if (miss) {
    throw new InputError(`--where ${miss.key}=${miss.value}: no case, document or respondent has ${miss.key} "${miss.value}"`, {
      hint: `values of ${miss.key}: ${miss.values}; closest: ${miss.closest} (values match exactly, capitals included)`,
    });
  }
}

/** Findings whose `among:` names a value that nothing has (the lint rule finding-unknown-value). */
export function unmatchedAmong(project: Project, findings: readonly Finding[]): { finding: Finding; miss: UnmatchedValue }[] {
  const values = attributeValues(project);
  return findings.flatMap((finding) => unmatchedValues(values, finding.among).map((miss) => ({ finding, miss })));
}
