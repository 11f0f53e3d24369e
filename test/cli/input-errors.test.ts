/** Bad input: exit 2, a message naming file and line (and column where it helps), never a stack trace. */
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, starterCopy, werkscan, werkscanBin, writeFiles } from '../helpers/run.js';

interface Case {
  name: string;
  setup(dir: string): void;
  args?: string[];
  /** Expected start of the first stderr line. */
  where: RegExp;
  hint?: RegExp;
}

const cases: Case[] = [
  {
    name: 'invalid YAML in the codebook',
    setup: (d) => writeFiles(d, { 'codebook/codebook.yaml': 'title: x\ncodes:\n  - id: a\n   label: [unclosed\n' }),
    where: /^werkscan: codebook\/codebook\.yaml:4:\d+: invalid YAML: /,
    hint: /expected valid YAML/,
  },
  {
    name: 'invalid YAML in front matter (line counted in the file)',
    setup: (d) => writeFiles(d, { 'corpus/x.md': '---\ntype: plan\ncase: [leiden\n---\nTekst\n' }),
    where: /^werkscan: corpus\/x\.md:\d+:\d+: invalid YAML/,
  },
  {
    name: 'front matter missing',
    setup: (d) => writeFiles(d, { 'corpus/notities.md': '# Zomaar een notitie\n' }),
    where: /^werkscan: corpus\/notities\.md:1:1: front matter missing$/,
    hint: /expected the file to start with a line `---`/,
  },
  {
    name: 'front matter without a case',
    setup: (d) => writeFiles(d, { 'corpus/x.md': '---\ntype: plan\n---\nTekst\n' }),
    where: /^werkscan: corpus\/x\.md:2:1: `case` is missing$/,
  },
  {
    name: 'unknown case (a counting command cannot count it)',
    setup: (d) => writeFiles(d, { 'corpus/x.md': '---\ntype: plan\ncase: nergenshuizen\n---\nTekst\n' }),
    where: /^corpus\/x\.md:3:1: error: document x names unknown case "nergenshuizen"/,
  },
  {
    name: 'invalid UTF-8 (byte offset, line and column)',
    // "---\ntype: plan\ncase: leiden\n---\nCaf" then a lone Latin-1 é (0xE9): byte offset 35 (from 0), line 5, column 4
    setup: (d) => writeFiles(d, { 'corpus/latin1.md': Buffer.concat([Buffer.from('---\ntype: plan\ncase: leiden\n---\nCaf'), Buffer.from([0xe9, 0x0a])]) }),
    where: /^werkscan: corpus\/latin1\.md:5:4: not valid UTF-8: byte offset 35 \(0xe9\)$/,
    hint: /re-save the file as UTF-8/,
  },
  {
    name: 'text before the first speaker label',
    setup: (d) => writeFiles(d, { 'corpus/x.md': '---\ntype: interview\ncase: leiden\nrespondents: [{ id: R1 }]\n---\n\nInleiding zonder spreker.\nI: Vraag?\n' }),
    where: /^werkscan: corpus\/x\.md:7:1: text before the first speaker label$/,
    hint: /starts with a label such as `I:`/,
  },
  {
    name: 'unreadable path (a broken link)',
    setup: (d) => symlinkSync(path.join(d, 'nergens.md'), path.join(d, 'corpus/kapot.md')),
    where: /^werkscan: corpus\/kapot\.md: file not found \(or a broken link\)$/,
  },
  {
    name: 'missing corpus folder',
    setup: () => {},
    args: ['freq', 'bestaat-niet'],
    where: /^werkscan: corpus folder not found: bestaat-niet$/,
  },
  {
    name: 'a file given as the corpus folder',
    setup: (d) => writeFiles(d, { 'notities.md': '# notities\n' }),
    args: ['freq', 'notities.md'],
    where: /^werkscan: corpus folder expected, found a file: notities\.md$/,
    hint: /expected a folder with cases\.yaml/,
  },
  {
    name: 'a corpus without cases.yaml',
    setup: (d) => rmSync(path.join(d, 'corpus/cases.yaml')),
    where: /^werkscan: corpus\/cases\.yaml: cases\.yaml not found$/,
    hint: /every corpus needs a cases\.yaml/,
  },
  {
    name: 'an empty codebook.yaml',
    setup: (d) => writeFiles(d, { 'codebook/codebook.yaml': '' }),
    where: /^werkscan: codebook\/codebook\.yaml:1:1: the file is empty$/,
  },
  {
    name: 'missing codebook folder',
    setup: () => {},
    args: ['freq', '--codebook', 'elders'],
    where: /^werkscan: codebook folder not found: elders$/,
  },
  {
    name: 'malformed --where',
    setup: () => {},
    args: ['freq', '--where', 'botoc'],
    where: /^werkscan: --where botoc: expected key=value$/,
  },
  {
    name: '--where on an attribute nothing has (it would select nothing)',
    setup: () => {},
    args: ['freq', '--where', 'lijn=botoc'],
    where: /^werkscan: --where lijn=…: no case, document or respondent has the attribute "lijn"$/,
    hint: /attributes: .*line/,
  },
  {
    name: 'a quantifiers.yaml bound that is neither count nor share',
    setup: (d) => writeFiles(d, { 'codebook/quantifiers.yaml': 'quantifiers:\n  veel:\n    min: heel veel\n' }),
    where: /^werkscan: codebook\/quantifiers\.yaml:3:10: bound `quantifiers.veel.min` is not a count or a share$/,
  },
];

describe('bad input exits 2 with file:line and no stack trace', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const dir = starterCopy();
      mkdirSync(path.join(dir, 'corpus'), { recursive: true });
      c.setup(dir);
      const r = await werkscan(c.args ?? ['freq'], dir);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')[0]).toMatch(c.where);
      if (c.hint) expect(r.stderr).toMatch(c.hint);
      expect(hasStackTrace(r.stderr)).toBe(false);
      // the document-by-document path (workers run the built dist/) says exactly the same
      const streamed = werkscanBin([...(c.args ?? ['freq']), '--jobs', '2'], dir);
      expect({ code: streamed.code, stdout: streamed.stdout, stderr: streamed.stderr }).toEqual({ code: 2, stdout: '', stderr: r.stderr });
    });
  }

  it('the built binary reports the same, with exit code 2', () => {
    const dir = starterCopy();
    writeFiles(dir, { 'corpus/notities.md': 'geen front matter\n' });
    const r = werkscanBin(['freq'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^werkscan: corpus\/notities\.md:1:1: front matter missing\n/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('an unknown option is a usage error: exit 2', async () => {
    const r = await werkscan(['freq', '--nonsense'], starterCopy());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--nonsense'/);
  });
});
