/**
 * `codebook/codebook.yaml`. Parsing checks shapes (a list where a list belongs); whether ids
 * resolve, cycles and the like are lint's business, so every such problem is reported at once.
 */
import { CODE_KINDS, type Category, type Code, type CodeKind, type Codebook, type Origin, type Subquestion } from '../model.js';
import { parseYaml, YamlReader } from './yaml.js';
import { parseMatching } from '../autocode/options.js';
import type { YamlCache } from './yaml-parsed.js';

export function parseCodebook(text: string, file: string, cache: YamlCache | null = null): Codebook {
  const r = new YamlReader(parseYaml(text, file, 0, cache));
  r.map([]);
  const at = (path: (string | number)[]): Origin => ({ file, ...r.src.pos(path) });

  const subquestions: Subquestion[] = (r.list(['subquestions']) ?? []).map((_, i) => {
    r.map(['subquestions', i]);
    return { id: r.string(['subquestions', i, 'id']), text: r.string(['subquestions', i, 'text'], true) ?? '', origin: at(['subquestions', i]) };
  });
  const categories: Category[] = (r.list(['categories']) ?? []).map((_, i) => {
    r.map(['categories', i]);
    const matching = parseMatching(r, ['categories', i], file);
    return {
      ...(matching ? { matching } : {}),
      id: r.string(['categories', i, 'id']),
      label: r.string(['categories', i, 'label'], true) ?? '',
      polarity: r.string(['categories', i, 'polarity'], true) ?? 'neutraal',
      origin: at(['categories', i]),
    };
  });
  const codes: Code[] = (r.list(['codes']) ?? []).map((_, i) => {
    const p = (k: string) => ['codes', i, k];
    r.map(['codes', i]);
    const examples = r.map(p('examples'), true) ?? {};
    const fieldOrigins: Code['fieldOrigins'] = {};
    const matching = parseMatching(r, ['codes', i], file);
    for (const k of ['category', 'parent', 'subquestions', 'addresses', 'terms', 'examples'] as const) {
      if (r.get(p(k)) !== undefined) fieldOrigins[k] = at(p(k));
    }
    const id = r.string(p('id'));
    const kind = r.string(p('kind'), true) ?? 'mention';
    if (!(CODE_KINDS as readonly string[]).includes(kind)) r.fail(p('kind'), `unknown kind "${kind}" of code ${id}`, `expected one of: ${CODE_KINDS.join(', ')} (docs/formats.md)`);
    return {
      id,
      label: r.string(p('label'), true) ?? '',
      kind: kind as CodeKind,
      category: r.string(p('category'), true) ?? '',
      subquestions: r.strings(p('subquestions')),
      parent: r.string(p('parent'), true) ?? null,
      description: r.string(p('description'), true) ?? '',
      terms: r.strings(p('terms')),
      not: r.strings(p('not')),
      addresses: r.strings(p('addresses')),
      examples: {
        match: 'match' in examples ? r.strings([...p('examples'), 'match']) : [],
        nomatch: 'nomatch' in examples ? r.strings([...p('examples'), 'nomatch']) : [],
      },
      ...(matching ? { matching } : {}),
      origin: at(['codes', i]),
      fieldOrigins,
    };
  });
  return { title: r.string(['title'], true) ?? '', file, subquestions, categories, codes };
}

/** @memo The codes of a codebook by id, made once per codebook rather than once per call. */
const indexes = new WeakMap<Codebook, ReadonlyMap<string, Code>>();

function codesById(codebook: Codebook): ReadonlyMap<string, Code> {
  let byId = indexes.get(codebook);
  if (!byId) indexes.set(codebook, (byId = new Map(codebook.codes.map((c) => [c.id, c]))));
  return byId;
}

/** Ancestors of a code, nearest first; stops at a cycle or an unknown parent. */
export function ancestors(codebook: Codebook, id: string): string[] {
  const byId = codesById(codebook);
  const out: string[] = [];
  const seen = new Set([id]);
  let parent = byId.get(id)?.parent ?? null;
  while (parent !== null && !seen.has(parent) && byId.has(parent)) {
    out.push(parent);
    seen.add(parent);
    parent = byId.get(parent)?.parent ?? null;
  }
  return out;
}
