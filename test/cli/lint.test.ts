/** Every lint rule: a failing variant of the starter project, its file:line message, and exit 1. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { starterCopy, werkscan, werkscanBin, writeFiles } from '../helpers/run.js';

const CODEBOOK = 'codebook/codebook.yaml';
const read = (dir: string, rel: string) => readFileSync(path.join(dir, rel), 'utf8');
const lineCount = (s: string) => s.split('\n').length - (s.endsWith('\n') ? 1 : 0);

/** Append codes to the codebook's `codes:` list (its last key); returns the line of the first appended line. */
function appendCodes(dir: string, yaml: string): number {
  const text = read(dir, CODEBOOK);
  writeFiles(dir, { [CODEBOOK]: text + yaml });
  return lineCount(text) + 1;
}

const code = (id: string, extra = '', category = 'stimulerend', subquestions = '[DV2]') =>
  `  - id: ${id}\n    label: x\n    category: ${category}\n    subquestions: ${subquestions}\n    terms: [iets]\n${extra}`;

interface Case {
  rule: string;
  /** Change the project; return where the message must point: [file, line]. */
  mutate(dir: string): [string, number];
  message: RegExp;
}

const cases: Case[] = [
  { rule: 'malformed-id', mutate: (d) => [CODEBOOK, appendCodes(d, code('Bad_Id'))], message: /code id "Bad_Id" is malformed/ },
  { rule: 'duplicate-id', mutate: (d) => [CODEBOOK, appendCodes(d, code('capaciteit'))], message: /duplicate code id "capaciteit" \(first at codebook\/codebook.yaml:\d+\)/ },
  { rule: 'unknown-category', mutate: (d) => [CODEBOOK, appendCodes(d, code('x1', '', 'nergens')) + 2], message: /code x1 names unknown category "nergens"/ },
  { rule: 'unknown-subquestion', mutate: (d) => [CODEBOOK, appendCodes(d, code('x1', '', 'stimulerend', '[DV9]')) + 3], message: /unknown sub-question "DV9"/ },
  { rule: 'unknown-parent', mutate: (d) => [CODEBOOK, appendCodes(d, code('x1', '    parent: nergens\n')) + 5], message: /code x1 names unknown parent "nergens"/ },
  { rule: 'unknown-addresses', mutate: (d) => [CODEBOOK, appendCodes(d, code('x1', '    addresses: [nergens]\n')) + 5], message: /code x1 addresses unknown code "nergens"/ },
  {
    rule: 'parent-cycle',
    mutate: (d) => [CODEBOOK, appendCodes(d, code('x1', '    parent: x2\n') + code('x2', '    parent: x1\n')) + 5],
    message: /parent cycle: x1 → x2 → x1/,
  },
  { rule: 'code-without-subquestion', mutate: (d) => [CODEBOOK, appendCodes(d, code('x1', '', 'stimulerend', '[]'))], message: /code x1 has no sub-question/ },
  {
    rule: 'subquestion-without-code',
    mutate: (d) => {
      const text = read(d, CODEBOOK).replace('categories:', '  - { id: DV3, text: "Leeg" }\ncategories:');
      writeFiles(d, { [CODEBOOK]: text });
      return [CODEBOOK, text.split('\n').findIndex((l) => l.includes('DV3')) + 1];
    },
    message: /sub-question DV3 has no code/,
  },
  { rule: 'term-never-matches', mutate: (d) => [CODEBOOK, appendCodes(d, code('x1').replace('[iets]', '["*"]')) + 4], message: /term "\*" of code x1 can never match/ },
  {
    rule: 'unknown-polarity',
    mutate: (d) => {
      const text = read(d, CODEBOOK).replace('polarity: neutraal', 'polarity: positief');
      writeFiles(d, { [CODEBOOK]: text });
      return [CODEBOOK, text.split('\n').findIndex((l) => l.includes('positief')) + 1];
    },
    message: /unknown polarity "positief"/,
  },
  {
    rule: 'unknown-code',
    mutate: (d) => {
      writeFiles(d, { 'corpus/x.md': '---\ntype: interview\ncase: leiden\nrespondents: [{ id: R1 }]\n---\nI: Vraag?\nR1: Ja, [iets]{.onbekend}.\n' });
      return ['corpus/x.md', 7];
    },
    message: /code "onbekend" is not in the codebook/,
  },
  {
    rule: 'unknown-speaker',
    mutate: (d) => {
      writeFiles(d, { 'corpus/x.md': '---\ntype: interview\ncase: leiden\nrespondents: [{ id: R1 }]\n---\nI: Vraag?\nR1: Ja.\nR9: Ik ook.\n' });
      return ['corpus/x.md', 8];
    },
    message: /speaker label R9: is not a respondent of document x \(expected one of: I, R1\)/,
  },
  {
    rule: 'unknown-case',
    mutate: (d) => {
      writeFiles(d, { 'corpus/x.md': '---\ntype: plan\ncase: nergenshuizen\n---\nTekst.\n' });
      return ['corpus/x.md', 3];
    },
    message: /document x names unknown case "nergenshuizen"/,
  },
  {
    rule: 'duplicate-id',
    mutate: (d) => {
      writeFiles(d, { 'corpus/zz/kopie.md': '---\nid: ams-02\ntype: plan\ncase: leiden\n---\nTekst.\n' });
      return ['corpus/zz/kopie.md', 2];
    },
    message: /duplicate document id "ams-02" \(first at corpus\/interviews\/ams-02.md:2\)/,
  },
  {
    rule: 'duplicate-id',
    mutate: (d) => {
      writeFiles(d, { 'corpus/x.md': '---\ntype: interview\ncase: leiden\nrespondents:\n  - { id: R1 }\n  - { id: R1 }\n---\nR1: Ja.\n' });
      return ['corpus/x.md', 6];
    },
    message: /duplicate respondent id "R1"/,
  },
  {
    rule: 'invalid-attribute-value',
    mutate: (d) => {
      writeFiles(d, { 'corpus/cases.yaml': read(d, 'corpus/cases.yaml') + '  oslo: { name: Oslo, kind: stad, line: overig }\n' });
      return ['corpus/cases.yaml', 5];
    },
    message: /case oslo has kind: stad, which werkscan.yaml does not allow \(expected one of: gemeente, organisatie\)/,
  },
  {
    rule: 'unknown-document-type',
    mutate: (d) => {
      writeFiles(d, { 'corpus/x.md': '---\ntype: interviw\ncase: leiden\n---\nTekst\n' });
      return ['corpus/x.md', 2];
    },
    message: /document x has unknown type "interviw" \(expected one of: interview, plan, document; declare more under document_types in werkscan.yaml\)/,
  },
  ...(
    [
      ['finding-unknown-code', 'code: nergens', /finding f1 names unknown code "nergens"/],
      ['finding-unknown-attribute', 'code: capaciteit\n    among: { provincie: utrecht }', /finding f1 filters on unknown attribute "provincie"/],
      ['finding-unknown-quantifier', 'code: capaciteit', /finding f1 uses unknown quantifier "zowat allemaal"/],
      [
        'finding-unknown-value',
        'code: capaciteit\n    among: { line: BOTOC }',
        /finding f1 filters on line "BOTOC", which no case, document or respondent has \(values: botoc, overig; closest: botoc\)/,
      ],
    ] as const
  ).map(([rule, body, message]) => ({
    rule,
    mutate: (d: string): [string, number] => {
      const file = 'codebook/findings.yaml';
      const text = read(d, file);
      const q = rule === 'finding-unknown-quantifier' ? 'zowat allemaal' : 'alle';
      writeFiles(d, { [file]: `${text}  - id: f1\n    ${body}\n    quantifier: ${q}\n` });
      return [file, lineCount(text) + 1];
    },
    message,
  })),
];

describe('werkscan lint', () => {
  it('passes the starter project', async () => {
    const dir = starterCopy();
    const r = await werkscan(['lint'], dir);
    expect(r.stdout).toMatch(/^0 errors, 0 warnings — 6 codes, 3 cases, 5 documents, 4 findings\n$/);
    expect(r.code).toBe(0);
  });

  for (const c of cases) {
    it(`${c.rule}: ${c.message.source.slice(0, 50)}`, async () => {
      const dir = starterCopy();
      const [file, line] = c.mutate(dir);
      const r = await werkscan(['lint'], dir);
      expect(r.code).toBe(1);
      const hit = r.stdout.split('\n').find((l) => c.message.test(l));
      expect(hit, r.stdout).toBeDefined();
      expect(hit).toMatch(new RegExp(`^${file.replace(/[./]/g, '\\$&')}:${line}(:\\d+)?: error: .*\\[${c.rule}\\]$`));
      // the counting commands refuse such a project with exit 2 and point to lint — except for problems
      // with terms (only automatic coding depends on them) and with findings (only `findings` does)
      const f = await werkscan(['freq'], dir);
      const aboutFindings = c.rule.startsWith('finding-');
      expect(f.code).toBe(c.rule === 'term-never-matches' || aboutFindings ? 0 : 2);
      if (f.code === 2) expect(f.stderr).toMatch(/Run `werkscan lint`/);
      if (aboutFindings) {
        const g = await werkscan(['findings'], dir);
        expect(g.code).toBe(2);
        expect(g.stderr).toMatch(new RegExp(`\\[${c.rule}\\][\\s\\S]*Run \`werkscan lint\``));
      }
      // and `code` writes nothing
      const code = await werkscan(['code'], dir);
      expect(code.code).toBe(1);
      expect(code.stderr).toMatch(/nothing written/);
      // the document-by-document path (workers run the built dist/) refuses exactly what the in-memory one does
      for (const [cmd, memory] of [['freq', f], ['code', code]] as const) {
        const streamed = werkscanBin([cmd, '--jobs', '2'], dir);
        expect({ code: streamed.code, stderr: streamed.stderr }, `${cmd} --jobs 2`).toEqual({ code: memory.code, stderr: memory.stderr });
      }
    });
  }

  it('warns about a code never used, and still exits 0', async () => {
    const dir = starterCopy();
    const line = appendCodes(dir, code('nooit-gebruikt'));
    const r = await werkscan(['lint'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`codebook/codebook.yaml:${line}:5: warning: code nooit-gebruikt is never used in the corpus [unused-code]`);
  });

  it('warns about a respondent who never speaks, and still exits 0', async () => {
    const dir = starterCopy();
    writeFiles(dir, { 'corpus/x.md': '---\ntype: interview\ncase: leiden\nrespondents:\n  - { id: R1 }\n  - { id: R2 }\n---\nI: Vraag?\nR1: Antwoord.\n' });
    const r = await werkscan(['lint'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('corpus/x.md:6:5: warning: respondent R2 of document x never speaks [silent-respondent]');
  });

  it('reports a codebook example that automatic coding gets wrong, with the codebook line', async () => {
    const dir = starterCopy();
    const line = appendCodes(dir, code('x1', '    examples:\n      match: ["hier staat niets van"]\n      nomatch: ["hier staat iets"]\n'));
    const r = await werkscan(['lint'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`codebook/codebook.yaml:${line + 6}:7: error: match example of code x1 is not coded automatically: "hier staat niets van" [example-missed]`);
    expect(r.stdout).toContain(`codebook/codebook.yaml:${line + 6}:7: error: nomatch example of code x1 is coded automatically: "hier staat iets" (term "iets" matches "iets") [example-wrongly-coded]`);
  });

  it('gives the same answers with and without the parse cache', async () => {
    const dir = starterCopy();
    appendCodes(dir, code('x1', '', 'nergens'));
    const cold = await werkscan(['lint'], dir, { WERKSCAN_CACHE: '0' });
    const warm1 = await werkscan(['lint'], dir);
    const warm2 = await werkscan(['lint'], dir);
    expect(warm1).toEqual(cold);
    expect(warm2).toEqual(cold);
  });

  it('prints problems as JSON data', async () => {
    const dir = starterCopy();
    appendCodes(dir, code('x1', '', 'nergens'));
    const r = await werkscan(['lint', '--format', 'json'], dir);
    const data = JSON.parse(r.stdout) as { ok: boolean; problems: { rule: string; args: Record<string, string> }[] };
    expect(data.ok).toBe(false);
    expect(data.problems.filter((p) => p.rule === 'unknown-category')).toEqual([
      expect.objectContaining({ severity: 'error', args: { code: 'x1', category: 'nergens' } }),
    ]);
  });
});
