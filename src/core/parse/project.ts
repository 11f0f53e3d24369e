/** `werkscan.yaml`, the project file: the study's title, language, paths, attribute schema and comparison axis. */
import { InputError } from '../errors.js';
import type { AttributeSchema, AttributeScope, AttributeValue, CaseTable, Origin, ProjectSettings, ScanSettings } from '../model.js';
import { parseYaml, YamlReader, type YamlPath } from './yaml.js';
import type { YamlCache } from './yaml-parsed.js';

const SCOPES: readonly AttributeScope[] = ['cases', 'respondents', 'documents'];
const LANGUAGES = ['nl', 'en'] as const;

/** The shape of each part, for messages. */
const SHAPE = {
  top: 'title, language, paths, attributes, document_types, comparison, case_tables, scan, training',
  paths: 'corpus, codebook, reports (folders, relative to the project file)',
  attributes: 'cases, respondents, documents',
  attribute: 'values (a list of values, or a mapping value → { label, noun })',
  value: 'label, noun',
  documentType: 'turns (true or false)',
  comparison: 'axis (an attribute name), groups (a list of its values), population (per group value: { attribute: value }), group_word ({ singular, plural })',
  groupWord: 'singular, plural',
  caseTable: 'file, title, intro, where, columns',
  column: 'header, attribute, codes, empty',
  scan: 'subquestions, categories, exclude_categories, topic',
  topic: 'label, terms',
} as const;

/** The settings when there is no project file: every value free, the three document types, no axis. */
export function defaultSettings(root: string): ProjectSettings {
  return {
    file: null,
    root,
    title: null,
    language: 'nl',
    paths: { corpus: null, codebook: null, reports: null },
    attributes: { cases: {}, respondents: {}, documents: {} },
    documentTypes: new Map([
      ['interview', { turns: true, origin: null }],
      ['plan', { turns: false, origin: null }],
      ['document', { turns: false, origin: null }],
    ]),
    comparison: null,
    caseTables: [],
    scan: null,
    training: [],
  };
}

/** Refuse a key the format does not have, at the key's position. */
function onlyKeys(r: YamlReader, path: YamlPath, allowed: string, what: string): Record<string, unknown> {
  const m = r.map(path, true) ?? {};
  const known = allowed.split(',').map((k) => k.trim().split(' ')[0]!);
  for (const key of Object.keys(m)) {
    if (known.includes(key)) continue;
    const { line, column } = r.src.keyPos([...path, key]);
    throw new InputError(`unknown key \`${key}\` in ${what}`, { file: r.src.file, line, column, hint: `expected ${what} to have: ${allowed}` });
  }
  return m;
}

function where(r: YamlReader, path: YamlPath): Origin {
  return { file: r.src.file, ...r.src.keyPos(path) };
}

export function parseProjectFile(text: string, file: string, root: string, cache: YamlCache | null = null): ProjectSettings {
  const r = new YamlReader(parseYaml(text, file, 0, cache));
  const settings = defaultSettings(root);
  if (r.get([]) === null || r.get([]) === undefined) return { ...settings, file };
  const top = onlyKeys(r, [], SHAPE.top, 'the project file');
  const language = r.string(['language'], true) ?? 'nl';
  if (!(LANGUAGES as readonly string[]).includes(language)) r.fail(['language'], `unknown language "${language}"`, `expected one of: ${LANGUAGES.join(', ')}`);
  onlyKeys(r, ['paths'], SHAPE.paths, '`paths`');
  const folder = (k: string) => r.string(['paths', k], true) ?? null;
  return {
    ...settings,
    file,
    title: r.string(['title'], true) ?? null,
    language: language as ProjectSettings['language'],
    paths: { corpus: folder('corpus'), codebook: folder('codebook'), reports: folder('reports') },
    attributes: attributes(r),
    documentTypes: 'document_types' in top && top.document_types !== null ? documentTypes(r) : settings.documentTypes,
    comparison: comparison(r),
    caseTables: caseTables(r),
    scan: scanSettings(r),
    training: training(r),
  };
}

/** `training`: a list of corpus folders whose manual coding the learned coder also learns from (docs/autocoding.md). */
function training(r: YamlReader): ProjectSettings['training'] {
  return (r.list(['training'], true) ?? []).map((_, i) => {
    const folder = r.string(['training', i]);
    if (folder.trim() === '') r.fail(['training', i], `${r.describe(['training', i])} is empty`, 'expected a corpus folder, relative to the project file');
    return { folder, origin: { file: r.src.file, ...r.src.pos(['training', i]) } };
  });
}

function attributes(r: YamlReader): ProjectSettings['attributes'] {
  onlyKeys(r, ['attributes'], SHAPE.attributes, '`attributes`');
  const out = { cases: {}, respondents: {}, documents: {} } as Record<AttributeScope, Record<string, AttributeSchema>>;
  for (const scope of SCOPES) {
    for (const name of Object.keys(r.map(['attributes', scope], true) ?? {})) {
      const path = ['attributes', scope, name];
      onlyKeys(r, path, SHAPE.attribute, `\`attributes.${scope}.${name}\``);
      out[scope][name] = { values: values(r, [...path, 'values']), origin: where(r, path) };
    }
  }
  return out;
}

/** `values`: absent (any value), a list of values, or a mapping value → { label, noun }. */
function values(r: YamlReader, path: YamlPath): AttributeValue[] | null {
  const v = r.get(path);
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.map((_, i) => ({ value: r.string([...path, i]) }));
  if (typeof v !== 'object') r.fail(path, `${r.describe(path)} must be a list or a mapping`, `expected [a, b, c], or value: { ${SHAPE.value} } lines`);
  return Object.keys(v).map((value) => {
    const p = [...path, value];
    if (r.get(p) === null) return { value };
    onlyKeys(r, p, SHAPE.value, `${r.describe(p)}`);
    r.map(p);
    const label = r.string([...p, 'label'], true);
    const noun = r.string([...p, 'noun'], true);
    return { value, ...(label !== undefined ? { label } : {}), ...(noun !== undefined ? { noun } : {}) };
  });
}

function documentTypes(r: YamlReader): ProjectSettings['documentTypes'] {
  const m = r.map(['document_types'])!;
  const out = new Map<string, { turns: boolean; origin: Origin | null }>();
  for (const name of Object.keys(m)) {
    const p = ['document_types', name];
    onlyKeys(r, p, SHAPE.documentType, r.describe(p));
    const turns = r.get([...p, 'turns']) ?? false;
    if (typeof turns !== 'boolean') r.fail([...p, 'turns'], `${r.describe([...p, 'turns'])} must be true or false`, 'expected `turns: true` (the body is speaker turns) or nothing');
    out.set(name, { turns, origin: where(r, p) });
  }
  if (out.size === 0) r.fail(['document_types'], '`document_types` declares no type', 'expected at least one type, e.g. `interview: { turns: true }`');
  return out;
}

function comparison(r: YamlReader): ProjectSettings['comparison'] {
  if (r.get(['comparison']) === undefined || r.get(['comparison']) === null) return null;
  onlyKeys(r, ['comparison'], SHAPE.comparison, '`comparison`');
  const axis = r.string(['comparison', 'axis']);
  const groups = r.get(['comparison', 'groups']) === undefined ? null : (r.list(['comparison', 'groups']) ?? []).map((_, i) => r.string(['comparison', 'groups', i]));
  // population: per group value, the attributes its cases must also have (docs/project-file.md)
  const population = Object.create(null) as Record<string, Record<string, string>>;
  for (const value of Object.keys(r.map(['comparison', 'population'], true) ?? {})) {
    const filter = Object.create(null) as Record<string, string>;
    for (const key of Object.keys(r.map(['comparison', 'population', value])!)) filter[key] = r.string(['comparison', 'population', value, key]);
    population[value] = filter;
  }
  return { axis, groups, population, ...groupWord(r), origin: { file: r.src.file, ...r.src.pos(['comparison', 'axis']) } };
}

/** `comparison.group_word`: what the reports call a group of the axis; both forms, neither empty. */
function groupWord(r: YamlReader): Pick<NonNullable<ProjectSettings['comparison']>, 'groupWord'> {
  const at: YamlPath = ['comparison', 'group_word'];
  if (r.map(at, true) === undefined) return {};
  onlyKeys(r, at, SHAPE.groupWord, '`comparison.group_word`');
  const form = (key: 'singular' | 'plural') => {
    const v = r.string([...at, key]);
    if (v.trim() === '') r.fail([...at, key], `${r.describe([...at, key])} is empty`, 'expected a noun, e.g. singular: onderzoekslijn, plural: onderzoekslijnen');
    return v;
  };
  return { groupWord: { singular: form('singular'), plural: form('plural') } };
}

function caseTables(r: YamlReader): CaseTable[] {
  return (r.list(['case_tables'], true) ?? []).map((_, i) => {
    const p = ['case_tables', i];
    onlyKeys(r, p, SHAPE.caseTable, r.describe(p));
    r.map(p);
    const file = r.string([...p, 'file']);
    if (!/^[\w.-]+\.md$/.test(file) || file.startsWith('.')) r.fail([...p, 'file'], `${r.describe([...p, 'file'])} must be a file name ending in .md`, 'expected a plain name such as cases.md (written into the reports folder)');
    const filter = Object.create(null) as Record<string, string>;
    for (const key of Object.keys(r.map([...p, 'where'], true) ?? {})) filter[key] = r.string([...p, 'where', key]);
    const columns = (r.list([...p, 'columns']) ?? []).map((__, j) => {
      const c = [...p, 'columns', j];
      onlyKeys(r, c, SHAPE.column, r.describe(c));
      r.map(c);
      const codes = r.get([...c, 'codes']) ?? false;
      if (typeof codes !== 'boolean') r.fail([...c, 'codes'], `${r.describe([...c, 'codes'])} must be true or false`, 'expected `codes: true` for the labels of the codes coded in the case');
      const attribute = r.string([...c, 'attribute'], true);
      if ((attribute === undefined) === !codes) r.fail(c, `${r.describe(c)} needs either \`attribute\` or \`codes: true\``, `expected ${SHAPE.column}`);
      return { header: r.string([...c, 'header']), ...(attribute !== undefined ? { attribute } : {}), ...(codes ? { codes } : {}), empty: r.string([...c, 'empty'], true) ?? '' };
    });
    return { file, title: r.string([...p, 'title']), intro: r.string([...p, 'intro'], true) ?? '', where: filter, columns };
  });
}

/** `scan`: which codes `werkscan scan` puts on a plan's checklist, and the plan's main topic (docs/scan.md). */
function scanSettings(r: YamlReader): ScanSettings | null {
  if (r.get(['scan']) === undefined || r.get(['scan']) === null) return null;
  onlyKeys(r, ['scan'], SHAPE.scan, '`scan`');
  r.map(['scan']);
  let topic: ScanSettings['topic'] = null;
  if (r.get(['scan', 'topic']) !== undefined && r.get(['scan', 'topic']) !== null) {
    onlyKeys(r, ['scan', 'topic'], SHAPE.topic, '`scan.topic`');
    r.map(['scan', 'topic']);
    const terms = r.strings(['scan', 'topic', 'terms']);
    if (terms.length === 0) r.fail(['scan', 'topic'], '`scan.topic` has no terms', 'expected `terms: [werk, baan, stage*]`: words that show the plan talks about its topic');
    topic = { label: r.string(['scan', 'topic', 'label']), terms };
  }
  return {
    subquestions: r.strings(['scan', 'subquestions']),
    categories: r.strings(['scan', 'categories']),
    excludeCategories: r.strings(['scan', 'exclude_categories']),
    topic,
    origin: where(r, ['scan']),
  };
}
