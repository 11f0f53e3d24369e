/**
 * The marker for the researchers' own recommendations and conclusions (`kind:` on a code), the `leads:`
 * of findings.yaml and `comparison.population` of werkscan.yaml (#16.1): each read, and bad input stops
 * with exit 2 at file:line:column.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, starterCopy, werkscan } from '../helpers/run.js';

const edit = (dir: string, file: string, from: string, to: string) => {
  const p = path.join(dir, file);
  const text = readFileSync(p, 'utf8');
  expect(text).toContain(from);
  writeFileSync(p, text.replace(from, to));
};

describe('kind: recommendation on a code', () => {
  it('lists the code as a recommendation with its segments, without a count', async () => {
    const dir = starterCopy();
    edit(dir, 'codebook/codebook.yaml', '  - id: samenwerking-wi\n', '  - id: samenwerking-wi\n    kind: recommendation\n');
    const r = await werkscan(['code', '--out', 'out'], dir);
    expect(r.code).toBe(0);
    const md = readFileSync(path.join(dir, 'out/deelvragen.md'), 'utf8');
    expect(md).not.toMatch(/^\| samenwerking-wi \|/m);
    expect(md).toMatch(/^- \*\*[^*]+\*\* \(`samenwerking-wi`\) — aanbeveling van de onderzoekers; onderbouwd in: \S+/m);
  });

  it('stops with exit 2 at an unknown kind, naming the place and the kinds there are', async () => {
    const dir = starterCopy();
    edit(dir, 'codebook/codebook.yaml', '  - id: samenwerking-wi\n', '  - id: samenwerking-wi\n    kind: advies\n');
    const line = readFileSync(path.join(dir, 'codebook/codebook.yaml'), 'utf8').split('\n').indexOf('    kind: advies') + 1;
    const r = await werkscan(['lint'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`codebook.yaml:${line}:11`);
    expect(r.stderr).toContain('unknown kind "advies" of code samenwerking-wi');
    expect(r.stderr).toContain('mention, recommendation, conclusion');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe('leads: in findings.yaml', () => {
  it('puts the named claim first in its sub-question', async () => {
    const dir = starterCopy();
    appendFileSync(path.join(dir, 'codebook/findings.yaml'), '\nleads:\n  DV1: [capaciteit-alle-botoc]\n');
    expect((await werkscan(['code', '--out', 'out'], dir)).code).toBe(0);
    const md = readFileSync(path.join(dir, 'out/deelvragen.md'), 'utf8');
    const dv1 = md.slice(md.indexOf('## DV1'));
    expect(dv1.indexOf('1. **alle**')).toBeGreaterThan(0);
    expect(dv1.indexOf('1. **alle**')).toBeLessThan(dv1.indexOf('| code |'));
    expect(dv1).toContain('— `capaciteit-alle-botoc` ✓');
  });

  it('stops with exit 2 at an id that is neither a claim nor a code', async () => {
    const dir = starterCopy();
    const before = readFileSync(path.join(dir, 'codebook/findings.yaml'), 'utf8').split('\n').length;
    appendFileSync(path.join(dir, 'codebook/findings.yaml'), '\nleads:\n  DV1: [capaciteit-alle-botoc, geen-claim]\n');
    const r = await werkscan(['lint'], dir);
    expect(r.code).toBe(2);
    // the file ended in a newline: the blank line, "leads:", then the list on the line after
    expect(r.stderr).toContain(`findings.yaml:${before + 2}:`);
    expect(r.stderr).toContain('leads.DV1 names "geen-claim", which is neither a claim nor a code');
  });
});

describe('comparison.population in werkscan.yaml', () => {
  it('counts only the cases a group’s population asks for, and names those left out', async () => {
    const dir = starterCopy();
    expect((await werkscan(['code', '--out', 'before'], dir)).code).toBe(0);
    expect(readFileSync(path.join(dir, 'before/deelvragen.md'), 'utf8')).toContain('botoc n = 2, overig n = 2.');
    // overig holds Leiden (G40) and Amsterdam (G4, through ams-03 with line: overig): G4 alone leaves Leiden out
    edit(dir, 'werkscan.yaml', '  groups: [botoc, overig]\n', '  groups: [botoc, overig]\n  population:\n    overig: { size: G4 }\n');
    expect((await werkscan(['code', '--out', 'out'], dir)).code).toBe(0);
    const md = readFileSync(path.join(dir, 'out/deelvragen.md'), 'utf8');
    expect(md).toContain('botoc n = 2, overig n = 1.');
    expect(md).toContain('Niet in de populatie van overig (die telt alleen cases met size = G4): Leiden.');
  });
});
