/**
 * Issue #15: every report in one language. The reports of the shipped study and of examples/starter are
 * built in nl and in en; no fixed text of the other language's catalogue may appear in them (the
 * catalogue itself is the list of what to look for), and the catalogue is complete in both languages.
 */
import { describe, expect, it } from 'vitest';
import { buildReports, REPORT_NAMES, type BuiltFile } from '../../src/report/bundle.js';
import { LANGUAGES, WORDS, type Language, type Words } from '../../src/report/words.js';
import { projectSettings } from '../../src/io/project-file.js';
import { loadProject } from '../../src/io/read.js';
import type { Project } from '../../src/core/model.js';
import { repoRoot, starter } from '../helpers/run.js';

const MARK = /\u0001\d+\u0001/;

/** The catalogue's leaves by path: strings as they are, functions called with markers in place of their values. */
function leaves(node: unknown, at = ''): [string, string][] {
  if (typeof node === 'string') return [[at, node]];
  if (typeof node === 'function') {
    // A one-element array reads as its marker in a template and in join(), and equals no number.
    const args = Array.from({ length: node.length }, (_, i) => [`\u0001${i}\u0001`]);
    return [[at, String((node as (...a: unknown[]) => unknown)(...args))]];
  }
  return Object.entries(node as object).flatMap(([k, v]) => leaves(v, at ? `${at}.${k}` : k));
}

/** The fixed pieces of text of a language: the leaves split at the markers, each with at least three letters. */
function fragments(words: Words): Set<string> {
  const pieces = leaves(words).flatMap(([, text]) => text.split(MARK).map((s) => s.trim()));
  return new Set(pieces.filter((s) => (s.match(/\p{L}/gu) ?? []).length >= 3));
}

/**
 * Every string the project itself holds (labels, claims, notes, attribute values …), written as given in
 * any language, and the names of the report files (identifiers, as `segments.csv`).
 */
function projectStrings(project: Project): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.add(v);
    else if (v instanceof Map) [...v.keys(), ...v.values()].forEach(walk);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk([project.codebook, project.findings, project.corpus.cases, [...project.quantifiers.keys()], REPORT_NAMES]);
  return [...out].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const letter = /[\p{L}\p{N}]/u;

/** The other language's fixed text found in a report (the project's own strings taken out first). */
function foreign(text: string, data: readonly string[], language: Language): string[] {
  let rest = text;
  for (const s of data) for (const form of new Set([s, esc(s), s.replace(/\|/g, '\\|')])) rest = rest.replaceAll(form, '\u0000');
  const own = fragments(WORDS[language]);
  const other = LANGUAGES.filter((l) => l !== language).flatMap((l) => [...fragments(WORDS[l])]);
  return other.filter((f) => {
    if (own.has(f)) return false;
    const before = letter.test(f[0]!) ? '(?<![\\p{L}\\p{N}])' : '';
    const after = letter.test(f.at(-1)!) ? '(?![\\p{L}\\p{N}])' : '';
    return new RegExp(before + escapeRe(f) + after, 'u').test(rest);
  });
}

const STUDIES = { 'the shipped study': repoRoot, 'examples/starter': starter };
// The workbook's own words: sheet names and the read-me sheet (its other cells are data, like the CSV files').
const textOf = (f: BuiltFile) =>
  'workbook' in f ? [...f.workbook.sheets.map((s) => s.name), ...[...f.workbook.sheets[0]!.rows].flat().filter((v) => typeof v === 'string')].join('\n') : 'content' in f && typeof f.content === 'string' ? f.content : '';

describe.each(Object.entries(STUDIES))('reports of %s', (_, dir) => {
  const project = loadProject({ cwd: dir, corpus: 'corpus', codebook: 'codebook', settings: projectSettings({ cwd: dir }) });
  const data = projectStrings(project);
  const built = Object.fromEntries(LANGUAGES.map((l) => [l, buildReports(project, { language: l }).files])) as Record<Language, ReturnType<typeof buildReports>['files']>;

  it.each(LANGUAGES)('in %s hold no fixed text of the other language', (language) => {
    // a case table's title and intro are the project file's own words, in whatever language it wrote them
    const caseTables = new Set(project.settings.caseTables.map((t) => t.file));
    // index.html's scripts are code and data (the corpus's quotes, in its own language), not wording
    const shown = (f: BuiltFile) => textOf(f).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
    const leaks = built[language].filter((f) => !f.name.endsWith('.csv') && !caseTables.has(f.name)).flatMap((f) => foreign(shown(f), data, language).map((x) => `${f.name}: ${x}`));
    expect(leaks).toEqual([]);
  });

  it('are the same files in both languages, and the CSV files are byte for byte the same (headers are identifiers)', () => {
    expect(built.en.map((f) => f.name)).toEqual(built.nl.map((f) => f.name));
    for (const f of built.nl.filter((x) => x.name.endsWith('.csv'))) expect(textOf(built.en.find((e) => e.name === f.name)!), f.name).toBe(textOf(f));
  });

  it('in en say nothing undefined', () => {
    for (const f of built.en) expect(textOf(f), f.name).not.toMatch(/undefined|\[object |NaN/);
  });
});

describe('the catalogue', () => {
  it('has the same keys in every language, none empty', () => {
    const keys = (l: Language) => leaves(WORDS[l]).map(([k]) => k);
    expect(keys('en')).toEqual(keys('nl'));
    for (const l of LANGUAGES) for (const [k, text] of leaves(WORDS[l])) expect(text.replace(MARK, '').trim(), `${l} ${k}`).not.toBe('');
  });

  it('words the starter in en, checked by hand', () => {
    const project = loadProject({ cwd: starter, corpus: 'corpus', codebook: 'codebook', settings: projectSettings({ cwd: starter }) });
    const file = (name: string) => textOf(buildReports(project, { language: 'en' }).files.find((f) => f.name === name)!);
    // 5 documents (3 interviews, 2 plans), R1–R4 of amsterdam and leiden, cases amsterdam/zaanstad/leiden; 10 segments by hand.
    expect(file('frequencies.md')).toContain('\nGenerated by `werkscan code` from 5 documents, 4 respondents and 3 cases (10 coded segments, manual coding).');
    expect(file('frequencies.md')).toContain('\n## By category\n');
    expect(file('findings.md')).toMatch(/^# Findings\n\nEvery quantified claim .*\n\n4 reproduced, 0 known discrepancies, 0 failed \(✓ reproduced, ≠ known discrepancy, ✗ failed\)\n/);
    expect(file('deelvragen.md')).toContain('Population per group: botoc n = 2, overig n = 2.\n');
    // capaciteit: both botoc cases (amsterdam, zaanstad), neither overig case; avg-privacy: amsterdam only.
    expect(file('deelvragen.md')).toContain('| capaciteit | Te weinig capaciteit | 2/2 | 0/2 | all 2 BOTOC-gemeenten (`capaciteit-alle-botoc`) | ams-01#1 ams-01#2 ams-02#2 (+1) |');
    expect(file('deelvragen.md')).toContain('| avg-privacy | Privacyregels beperken gegevensdeling | 1/2 | 0/2 | one of the 2 BOTOC-gemeenten (`avg-een-gemeente`) | ams-01#4 |');
    expect(file('vergelijking-lijnen.md')).toContain('\nunit: case; groups by line: botoc (n = 2), overig (n = 2)\n');
    expect(file('index.html')).toContain('<html lang="en">');
    expect(file('index.html')).toContain('<div class="card"><b>10</b>coded segments</div>');
  });

  it('words the study in nl where it was English, checked by hand', () => {
    const project = loadProject({ cwd: repoRoot, corpus: 'corpus', codebook: 'codebook', settings: projectSettings({ cwd: repoRoot }) });
    const file = (name: string) => textOf(buildReports(project).files.find((f) => f.name === name)!);
    expect(file('findings.md')).toContain('# Bevindingen\n');
    expect(file('findings.md')).toContain('\n119 gereproduceerd, 2 bekende discrepanties, 0 niet gereproduceerd (✓ gereproduceerd, ≠ bekende discrepantie, ✗ niet gereproduceerd)\n');
    expect(file('findings.md')).toContain('- **opzet-overig-zeven-interviews** (§1.4, 8/8 tegenover "zeven"): ');
    expect(file('index.html')).toContain('<html lang="nl">');
    expect(file('index.html')).toContain('<div class="card"><b>553</b>gecodeerde segmenten</div>');
  });
});

describe('counts in words', () => {
  it('a sub-question of one code says "1 code", in both languages', () => {
    for (const l of LANGUAGES) expect([WORDS[l].html.codesCount(1), WORDS[l].html.codesCount(2)]).toEqual(['1 code', '2 codes']);
  });
});
