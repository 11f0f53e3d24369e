/** Issue #15.1: werkscan.yaml declares the study's schema and axis; bad project files exit 2 with file:line:column. */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, starterCopy, tempDir, werkscan, writeFiles } from '../helpers/run.js';

/** A study with its own values: a pilot line, a focus group, a neighbourhood team. */
const PILOT = {
  'werkscan.yaml': [
    'title: Pilot',
    'attributes:',
    '  cases:',
    '    line:',
    '      values:',
    '        pilot: { label: Pilot, noun: pilotteams }',
    '        regulier: { label: regulier, noun: reguliere teams }',
    '    kind: { values: [wijkteam] }',
    'document_types:',
    '  interview: { turns: true }',
    '  focusgroep: { turns: true }',
    'comparison: { axis: line, groups: [pilot, regulier] }',
    '',
  ].join('\n'),
  'corpus/cases.yaml': 'cases:\n  noord: { name: Noord, kind: wijkteam, line: pilot }\n  zuid: { name: Zuid, kind: wijkteam, line: regulier }\n',
  'corpus/noord-fg.md': '---\nid: noord-fg\ntype: focusgroep\ncase: noord\nrespondents: [{ id: R1 }, { id: R2 }]\n---\nI: Wat werkt?\n\nR1: [We hebben te weinig mensen]{.capaciteit}.\n\nR2: Dat klopt.\n',
  'corpus/zuid-01.md': '---\nid: zuid-01\ntype: interview\ncase: zuid\nrespondents: [{ id: R1 }]\n---\nI: Wat werkt?\n\nR1: Het gaat goed.\n',
  'codebook/codebook.yaml': [
    'title: Pilot',
    'subquestions:',
    '  - { id: DV1, text: Wat belemmert? }',
    'categories:',
    '  - { id: middelen, label: Middelen, polarity: belemmerend }',
    'codes:',
    '  - { id: capaciteit, label: Te weinig capaciteit, category: middelen, subquestions: [DV1] }',
    '',
  ].join('\n'),
};

describe('a study of its own, declared in werkscan.yaml', () => {
  it('line: pilot, type: focusgroep, kind: wijkteam lint clean and get their line comparison', async () => {
    const dir = tempDir();
    writeFiles(dir, PILOT);
    const lint = await werkscan(['lint'], dir);
    expect(lint.stdout).toMatch(/^0 errors, 0 warnings/m);
    expect(lint.code).toBe(0);
    const r = await werkscan(['code'], dir);
    expect(r.code).toBe(0);
    const md = readFileSync(path.join(dir, 'reports/vergelijking-lijnen.md'), 'utf8');
    expect(md).toContain('| capaciteit | Te weinig capaciteit | 1/1 | 100% | 0/1 | 0% | +100 |');
    const dv = readFileSync(path.join(dir, 'reports/deelvragen.md'), 'utf8');
    expect(dv).toContain('| code | factor | Pilot | regulier | voorgestelde formulering | bewijs |');
    expect(dv).toContain('één van de 1 pilotteams');
    // the focus group has turns: only R1's turn is coded, the interviewer's question is not
    const segments = readFileSync(path.join(dir, 'reports/segments.csv'), 'utf8');
    expect(segments).toContain('noord-fg#1,noord-fg,noord,R1,');
  });

  it('without a project file: no value restricted, no axis-based report', async () => {
    const dir = starterCopy();
    rmSync(path.join(dir, 'werkscan.yaml'));
    writeFiles(dir, { 'corpus/cases.yaml': readFileSync(path.join(dir, 'corpus/cases.yaml'), 'utf8').replace('kind: gemeente, line: overig', 'kind: wijkteam, line: pilot') });
    const r = await werkscan(['code'], dir);
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, 'reports/vergelijking-lijnen.md'))).toBe(false);
    expect(existsSync(path.join(dir, 'reports/vergelijking-lijnen.csv'))).toBe(false);
  });
});

describe('schema problems are lint errors with file:line and the allowed values', () => {
  it('a case value outside the declared values', async () => {
    const dir = tempDir();
    writeFiles(dir, { ...PILOT, 'corpus/cases.yaml': PILOT['corpus/cases.yaml'].replace('kind: wijkteam, line: regulier', 'kind: school, line: regulier') });
    const r = await werkscan(['lint'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('corpus/cases.yaml:3:3: error: case zuid has kind: school, which werkscan.yaml does not allow (expected one of: wijkteam) [invalid-attribute-value]');
  });

  it('a document type not declared', async () => {
    const dir = tempDir();
    writeFiles(dir, { ...PILOT, 'corpus/zuid-01.md': PILOT['corpus/zuid-01.md'].replace('type: interview', 'type: plan').replace('respondents: [{ id: R1 }]\n', '') });
    const r = await werkscan(['lint'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('corpus/zuid-01.md:3:1: error: document zuid-01 has unknown type "plan" (expected one of: interview, focusgroep; declare more under document_types in werkscan.yaml) [unknown-document-type]');
  });

  it('a respondent attribute outside the declared values', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      ...PILOT,
      'werkscan.yaml': PILOT['werkscan.yaml'] + '  respondents:\n    domain: { values: [zorg] }\n'.replace(/^/, ''),
    });
    // (respondents: belongs under attributes; write the file whole instead)
    writeFiles(dir, { 'werkscan.yaml': PILOT['werkscan.yaml'].replace('document_types:', '  respondents:\n    domain: { values: [zorg] }\ndocument_types:') });
    writeFiles(dir, { 'corpus/zuid-01.md': PILOT['corpus/zuid-01.md'].replace('[{ id: R1 }]', '[{ id: R1, domain: werk }]') });
    const r = await werkscan(['lint'], dir);
    expect(r.stdout).toContain('corpus/zuid-01.md:5:15: error: respondent R1 of document zuid-01 has domain: werk, which werkscan.yaml does not allow (expected one of: zorg) [invalid-attribute-value]');
  });

  it('an axis no case or document has', async () => {
    const dir = tempDir();
    writeFiles(dir, { ...PILOT, 'werkscan.yaml': PILOT['werkscan.yaml'].replace('axis: line', 'axis: lijn') });
    const r = await werkscan(['lint'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('werkscan.yaml:12:21: error: comparison axis "lijn" is an attribute no case (in corpus/cases.yaml) and no document has [unknown-axis]');
  });

  it('a comparison group that nothing has (a typo would be an empty column)', async () => {
    const dir = tempDir();
    writeFiles(dir, { ...PILOT, 'werkscan.yaml': PILOT['werkscan.yaml'].replace('groups: [pilot, regulier]', 'groups: [pilot, reguleir]') });
    const r = await werkscan(['lint'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('werkscan.yaml:12:21: warning: comparison group "reguleir" is a value of line that no case (in corpus/cases.yaml) and no document has [unknown-axis-group]');
  });
});

describe('a bad project file: exit 2 with file:line:column and the expected shape', () => {
  const cases: [string, (s: string) => string, string, string][] = [
    ['unknown key', (s) => s.replace('title: Pilot', 'titel: Pilot'), 'werkscan: werkscan.yaml:1:1: unknown key `titel` in the project file', '  expected the project file to have: title, language, paths, attributes, document_types, comparison, case_tables, scan, training'],
    ['unknown nested key', (s) => s.replace("kind: { values: [wijkteam] }", 'kind: { value: [wijkteam] }'), 'werkscan: werkscan.yaml:8:13: unknown key `value` in `attributes.cases.kind`', '  expected `attributes.cases.kind` to have: values (a list of values, or a mapping value → { label, noun })'],
    ['wrong type', (s) => s.replace('focusgroep: { turns: true }', 'focusgroep: { turns: ja }'), 'werkscan: werkscan.yaml:11:24: `document_types.focusgroep.turns` must be true or false', '  expected `turns: true` (the body is speaker turns) or nothing'],
    ['wrong type of groups', (s) => s.replace('groups: [pilot, regulier]', 'groups: pilot'), 'werkscan: werkscan.yaml:12:35: `comparison.groups` must be a list', '  expected lines starting with "- " or [a, b]'],
    ['unknown language', (s) => s.replace('title: Pilot', 'title: Pilot\nlanguage: de'), 'werkscan: werkscan.yaml:2:11: unknown language "de"', '  expected one of: nl, en'],
  ];
  for (const [name, edit, message, hint] of cases) {
    it(name, async () => {
      const dir = tempDir();
      writeFiles(dir, { ...PILOT, 'werkscan.yaml': edit(PILOT['werkscan.yaml']) });
      const r = await werkscan(['lint'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`${message}\n${hint}\n`);
    });
  }
});

describe('finding the project file', () => {
  it('walks up from the corpus folder given; -C names its folder; a corpus elsewhere is read under its own file or none', async () => {
    const dir = tempDir();
    writeFiles(dir, Object.fromEntries(Object.entries(PILOT).map(([k, v]) => [`studie/${k}`, v])));
    // from a subfolder of the study: the project file above, and its folders, relative to it
    const sub = path.join(dir, 'studie/corpus');
    const fromSub = await werkscan(['lint'], sub);
    expect(fromSub.stdout).toMatch(/^0 errors, 0 warnings — 1 codes, 2 cases, 2 documents/m);
    // from elsewhere, the corpus named: its project file (the focus group is known there)
    const named = await werkscan(['lint', 'studie/corpus', '--codebook', 'studie/codebook'], dir);
    expect(named.stdout).toMatch(/^0 errors, 0 warnings/m);
    // the same corpus copied where no project file is: focusgroep is not a default type
    writeFiles(dir, Object.fromEntries(Object.entries(PILOT).filter(([k]) => k !== 'werkscan.yaml').map(([k, v]) => [`los/${k}`, v])));
    const bare = await werkscan(['lint', 'los/corpus', '--codebook', 'los/codebook'], dir);
    expect(bare.stderr).toBe('');
    expect(bare.stdout).toContain('los/corpus/noord-fg.md:3:1: error: document noord-fg has unknown type "focusgroep" (expected one of: interview, plan, document; declare more under document_types in werkscan.yaml) [unknown-document-type]');
    // -C: the project file of another folder applies to the corpus named
    const pointed = await werkscan(['-C', 'studie', 'lint', 'los/corpus', '--codebook', 'los/codebook'], dir);
    expect(pointed.stdout).toMatch(/^0 errors, 0 warnings/m);
    const missing = await werkscan(['--project', 'los', 'lint'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('werkscan: no werkscan.yaml in los\n  -C/--project names the folder that holds werkscan.yaml; leave it out to look for it from the corpus folder upwards\n');
  });

  it('paths.reports of the project file is where code writes when --out is not given', async () => {
    const dir = tempDir();
    writeFiles(dir, { ...PILOT, 'werkscan.yaml': PILOT['werkscan.yaml'] + 'paths: { reports: uit }\n' });
    const r = await werkscan(['code'], dir);
    expect(r.code).toBe(0);
    expect(statSync(path.join(dir, 'uit/frequencies.md')).isFile()).toBe(true);
  });
});

describe('src/ holds no word of the reference study', () => {
  const words = [/botoc/i, /\boverig/i, /verdiepend/i, /internationaal/i, /gemeenten/i, /'gemeente', 'organisatie'/, /'land'/, /\bprogramma\b/, /landen/];
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  it('none of the study words in any source file', () => {
    const hits = files(path.join(repoRoot, 'src')).flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => words.filter((w) => w.test(line)).map((w) => `${path.relative(repoRoot, f)}:${i + 1}: ${w} in ${line.trim()}`)),
    );
    expect(hits).toEqual([]);
  });
});
