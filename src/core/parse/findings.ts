/** `codebook/findings.yaml`: the report's quantified claims. */
import type { Finding, Unit } from '../model.js';
import { parseYaml, YamlReader } from './yaml.js';
import type { YamlCache } from './yaml-parsed.js';

const UNITS: readonly Unit[] = ['case', 'respondent', 'document'];

export function parseFindings(text: string, file: string, cache: YamlCache | null = null): Finding[] {
  const r = new YamlReader(parseYaml(text, file, 0, cache));
  r.map([]);
  return (r.list(['findings']) ?? []).map((_, i) => {
    const p = (...k: string[]) => ['findings', i, ...k];
    r.map(p());
    const single = r.string(p('code'), true);
    const codes = single !== undefined ? [single] : r.strings(p('codes'));
    const match = r.string(p('match'), true) ?? 'any';
    if (match !== 'any' && match !== 'all') return r.fail(p('match'), `unknown match "${match}"`, 'expected any or all');
    const unit = (r.string(p('unit'), true) ?? 'case') as Unit;
    if (!UNITS.includes(unit)) r.fail(p('unit'), `unknown unit "${unit}"`, `expected one of: ${UNITS.join(', ')}`);
    const source = r.string(p('source'), true) ?? 'manual';
    if (source !== 'manual' && source !== 'auto' && source !== 'any') return r.fail(p('source'), `unknown source "${source}"`, 'expected manual, auto or any');
    const expect = r.string(p('expect'), true) ?? 'holds';
    if (expect !== 'holds' && expect !== 'discrepancy') return r.fail(p('expect'), `unknown expect "${expect}"`, 'expected discrepancy (or leave it out)');
    // no prototype: a key `__proto__` is a key like any other (and then an unknown attribute for lint)
    const among = Object.create(null) as Record<string, string>;
    const m = r.map(p('among'), true) ?? {};
    for (const key of Object.keys(m)) among[key] = r.string(p('among', key));
    return {
      id: r.string(p('id')),
      section: r.string(p('section'), true) ?? '',
      claim: r.string(p('claim'), true) ?? '',
      codes,
      match,
      unit,
      among,
      source,
      quantifier: r.string(p('quantifier')),
      expect,
      note: r.string(p('note'), true) ?? '',
      origin: { file, ...r.src.pos(p()) },
    };
  });
}

/**
 * `leads:` of findings.yaml: per sub-question the claims and codes its answer leads with, in order
 * (deelvragen.md states them first). An id that is neither a claim nor a code stops with exit 2.
 */
export function parseLeads(text: string, file: string, known: ReadonlySet<string>, cache: YamlCache | null = null): Map<string, string[]> {
  const r = new YamlReader(parseYaml(text, file, 0, cache));
  const out = new Map<string, string[]>();
  for (const sq of Object.keys(r.map(['leads'], true) ?? {})) {
    const ids = r.strings(['leads', sq]);
    ids.forEach((id, i) => {
      if (!known.has(id)) r.fail(['leads', sq, i], `leads.${sq} names "${id}", which is neither a claim nor a code`, 'expected the id of a claim in this file or of a code in codebook.yaml');
    });
    out.set(sq, ids);
  }
  return out;
}
