/**
 * Matching options of codes and categories (docs/formats.md, "Matching options"): read from the codebook,
 * checked against the codebook and the project's document types, and resolved per code for the coder.
 */
import { InputError } from '../errors.js';
import type { Category, Code, Codebook, Matching, Origin } from '../model.js';
import type { YamlPath, YamlReader } from '../parse/yaml.js';

const COMPOUNDS: Record<string, NonNullable<Matching['compounds']>> = { true: 'both', false: 'off', both: 'both', off: 'off', head: 'head', modifier: 'modifier' };
const ORDERS = ['adjacent', 'free'] as const;

/** The matching fields of the code or category at `path` (undefined when it has none). */
export function parseMatching(r: YamlReader, path: YamlPath, file: string): Matching | undefined {
  const at = (k: string): Origin => ({ file, ...r.src.pos([...path, k]) });
  const has = (k: string) => r.get([...path, k]) !== undefined && r.get([...path, k]) !== null;
  if (!['compounds', 'order', 'negated', 'document_types', 'question'].some(has)) return undefined;
  const m: Matching = { origins: {} };
  if (has('compounds')) {
    const v = r.string([...path, 'compounds']);
    const c = COMPOUNDS[v];
    if (c === undefined) r.fail([...path, 'compounds'], `\`compounds: ${v}\` is not a choice`, 'expected true, false, head or modifier');
    m.compounds = c;
  }
  if (has('order')) {
    const v = r.string([...path, 'order']);
    if (!(ORDERS as readonly string[]).includes(v)) r.fail([...path, 'order'], `\`order: ${v}\` is not a choice`, 'expected adjacent or free');
    m.order = v as Matching['order'];
  }
  if (has('negated')) {
    m.negated = r.string([...path, 'negated']);
    m.origins.negated = at('negated');
  }
  if (has('document_types')) {
    m.documentTypes = r.strings([...path, 'document_types']);
    m.origins.documentTypes = at('document_types');
  }
  if (has('question')) {
    const v = r.get([...path, 'question']);
    if (typeof v !== 'boolean') r.fail([...path, 'question'], '`question` must be true or false');
    m.question = v;
  }
  return m;
}

/** A code's options with those of its category filled in, and the defaults. */
export interface Rule {
  compounds: NonNullable<Matching['compounds']>;
  free: boolean;
  /** 'keep', 'exclude', or the id of the code a negated match goes to. */
  negated: string;
  documentTypes: readonly string[] | null;
  question: boolean;
}

export function ruleOf(code: Code, category: Category | undefined): Rule {
  const pick = <K extends Exclude<keyof Matching, 'origins'>>(k: K): Matching[K] | undefined => code.matching?.[k] ?? category?.matching?.[k];
  return {
    compounds: pick('compounds') ?? 'off',
    free: pick('order') === 'free',
    negated: pick('negated') ?? 'keep',
    documentTypes: pick('documentTypes') ?? null,
    question: pick('question') ?? false,
  };
}

/** Does any code of the codebook match compounds (so the lexicon is needed)? */
export function needsLexicon(codebook: Pick<Codebook, 'codes' | 'categories'>): boolean {
  const categories = new Map(codebook.categories.map((c) => [c.id, c]));
  return codebook.codes.some((c) => ruleOf(c, categories.get(c.category)).compounds !== 'off');
}

/**
 * Check the options that name something: `negated` a code id (or keep/exclude), `document_types` the
 * project's document types. Throws an InputError at the first wrong one.
 */
export function checkMatching(codebook: Pick<Codebook, 'codes' | 'categories'>, documentTypes: readonly string[]): void {
  const ids = new Set(codebook.codes.map((c) => c.id));
  for (const owner of [...codebook.categories, ...codebook.codes]) {
    const m = owner.matching;
    if (!m) continue;
    if (m.negated !== undefined && m.negated !== 'keep' && m.negated !== 'exclude' && !ids.has(m.negated)) {
      throw new InputError(`\`negated: ${m.negated}\` of ${owner.id} is neither keep, exclude nor a code id`, { ...m.origins.negated, hint: 'expected keep, exclude or the id of the code a negated match belongs to' });
    }
    for (const t of m.documentTypes ?? []) {
      if (!documentTypes.includes(t)) {
        throw new InputError(`\`document_types\` of ${owner.id} names "${t}", which is not a document type of the project`, {
          ...m.origins.documentTypes,
          hint: `expected one of ${documentTypes.join(', ')} (werkscan.yaml, document_types)`,
        });
      }
    }
  }
}
