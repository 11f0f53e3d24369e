/** `werkscan agree` and `werkscan alpha` on hand-worked examples. */
import { describe, expect, it } from 'vitest';
import { tempDir, werkscan, writeFiles } from '../helpers/run.js';

const front = '---\nid: doc1\ntype: interview\ncase: a\nrespondents: [{ id: R1 }]\n---\n';
const codebook = [
  'subquestions: [{ id: DV1, text: x }]',
  'categories: [{ id: c, label: c, polarity: neutraal }]',
  'codes:',
  '  - { id: cap, label: cap, category: c, subquestions: [DV1] }',
  '  - { id: avg, label: avg, category: c, subquestions: [DV1] }',
  '  - { id: x, label: x, category: c, subquestions: [DV1] }',
].join('\n');

function project(): string {
  const dir = tempDir();
  writeFiles(dir, {
    'codebook/codebook.yaml': codebook,
    // Four turns (body lines 7–10). A codes cap in turn 2 and avg in turn 4; B codes cap in both.
    'a/doc1.md': `${front}I: Vraag een?\nR1: Antwoord [capaciteit]{.cap} hier.\nI: Vraag twee?\nR1: Nog [iets]{.avg} meer.\n`,
    'b/doc1.md': `${front}I: Vraag een?\nR1: Antwoord [capaciteit]{.cap} hier.\nI: Vraag twee?\nR1: Nog [iets]{.cap} meer.\n`,
  });
  return dir;
}

interface AgreeJson {
  unit: string;
  units: number;
  alpha: number | null;
  codes: { code: string; kappa: number | null; agreement: number; a: number; b: number; both: number }[];
  differences: { document: string; line: number; a: string[]; b: string[] }[];
  overlap?: { percent: number; codes: { code: string; a: number; b: number; matched: number; agreement: number | null }[] };
}
const agree = async (dir: string, ...extra: string[]) => {
  const r = await werkscan(['agree', 'a', 'b', '--format', 'json', ...extra], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as AgreeJson;
};

describe('werkscan agree', () => {
  it('per code kappa and agreement over turns, alpha over unit × code decisions, and the differences', async () => {
    const r = await agree(project());
    expect(r.unit).toBe('turn');
    expect(r.units).toBe(4);
    // cap: A 0100, B 0101 → po = 3/4, pe = ¼·½ + ¾·½ = ½, κ = (¾ − ½)/(½) = ½
    // avg: A 0001, B 0000 → po = 3/4, pe = ¼·0 + ¾·1 = ¾, κ = 0
    // x: neither coder → κ undefined (null, not NaN), agreement 1
    expect(r.codes).toEqual([
      { code: 'cap', kappa: 0.5, agreement: 0.75, a: 1, b: 2, both: 1 },
      { code: 'avg', kappa: 0, agreement: 0.75, a: 1, b: 0, both: 0 },
      { code: 'x', kappa: null, agreement: 1, a: 0, b: 0, both: 0 },
    ]);
    // 12 decisions (A,B): (0,0)×9, (1,1)×1, (0,1)×1, (1,0)×1 → coincidences o00 = 18, o11 = 2, o01 = o10 = 2;
    // n0 = 20, n1 = 4, n = 24; α = 1 − (n − 1)·(o01 + o10) / (n0·n1 + n1·n0) = 1 − 23·4/160 = 0.425
    expect(r.alpha).toBeCloseTo(0.425, 12);
    expect(r.differences).toEqual([{ document: 'doc1', line: 10, a: ['avg'], b: ['cap'] }]);
  });

  it('--codes restricts the codes, and alpha with them', async () => {
    const r = await agree(project(), '--codes', 'cap,avg');
    expect(r.codes.map((c) => c.code)).toEqual(['cap', 'avg']);
    // 8 decisions: (0,0)×5, (1,1)×1, (0,1)×1, (1,0)×1 → o01 = o10 = 2, n0 = 12, n1 = 4, n = 16:
    // α = 1 − 15·4/(2·12·4) = 1 − 60/96 = 0.375
    expect(r.alpha).toBeCloseTo(0.375, 12);
  });

  it('--exclude-uncoded leaves out units neither coder coded', async () => {
    const r = await agree(project(), '--codes', 'cap,avg', '--exclude-uncoded');
    expect(r.units).toBe(2);
    // cap: A 10, B 11 → po ½, pe = ½·1 + ½·0 = ½ → κ 0; avg: A 01, B 00 → po ½, pe ½ → κ 0
    expect(r.codes.map((c) => [c.code, c.kappa, c.agreement])).toEqual([
      ['cap', 0, 0.5],
      ['avg', 0, 0.5],
    ]);
  });

  it('--unit document and --overlap', async () => {
    const doc = await agree(project(), '--unit', 'document', '--overlap', '50');
    expect(doc.units).toBe(1);
    expect(doc.codes[0]).toMatchObject({ code: 'cap', a: 1, b: 1, both: 1, agreement: 1, kappa: null });
    // cap: A's one span pairs with B's identical span; B's second span has no partner: 1 / (1 + 2 − 1)
    expect(doc.overlap!.codes[0]).toEqual({ code: 'cap', a: 1, b: 2, matched: 1, agreement: 0.5 });
    expect(doc.overlap!.codes[2]).toEqual({ code: 'x', a: 0, b: 0, matched: 0, agreement: null });
  });

  it('refuses a document whose text differs, naming the first differing line', async () => {
    const dir = project();
    writeFiles(dir, { 'b/doc1.md': `${front}I: Vraag een?\nR1: Antwoord anders.\n` });
    const r = await werkscan(['agree', 'a', 'b'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('werkscan: b/doc1.md:8: refused: its text differs from a/doc1.md:8');
    expect(r.stderr).toContain('no document of a has a coding with the same id and text in b');
  });

  it('prints the differences for a consensus meeting as a table', async () => {
    const r = await werkscan(['agree', 'a', 'b', '--format', 'md'], project());
    expect(r.stdout).toContain('| cap | 0.500 | 75.0% | 1 | 2 | 1 |');
    // x: neither coder used it — left out of the table, and said so
    expect(r.stdout).not.toContain('| x |');
    expect(r.stdout).toContain('1 code that neither coder used is left out here');
    expect(r.stdout).toContain('| doc1:10 | avg | cap |');
  });
});

describe('werkscan alpha', () => {
  // Krippendorff (2011), 4 coders × 12 units, units as rows
  const csv = 'unit,A,B,C,D\n1,1,1,,1\n2,2,2,3,2\n3,3,3,3,3\n4,3,3,3,3\n5,2,2,2,2\n6,1,2,3,4\n7,4,4,4,4\n8,1,1,2,1\n9,2,2,2,2\n10,,5,5,5\n11,,,1,1\n12,,3,,\n';
  it.each([
    ['nominal', 0.743421],
    ['ordinal', 0.815388],
    ['interval', 0.849107],
    ['ratio', 0.797403],
  ])('reproduces the published %s alpha', async (level, expected) => {
    const dir = tempDir();
    writeFiles(dir, { 'k.csv': csv });
    const r = await werkscan(['alpha', 'k.csv', '--level', level, '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as { alpha: number; level: string; units: number; coders: number };
    expect(data.alpha).toBeCloseTo(expected, 6);
    expect([data.level, data.units, data.coders]).toEqual([level, 11, 4]);
  });

  it('bad CSV: exit 2 with file and row', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'bad.csv': 'A,B\n1,2\n3\n', 'num.csv': 'A,B\n1,x\n', 'one.csv': 'A\n1\n' });
    const ragged = await werkscan(['alpha', 'bad.csv'], dir);
    expect(ragged.code).toBe(2);
    expect(ragged.stderr).toMatch(/^werkscan: bad\.csv:3(:\d+)?: line 3 has 1 field/);
    const num = await werkscan(['alpha', 'num.csv', '--level', 'interval'], dir);
    expect(num.code).toBe(2);
    expect(num.stderr).toMatch(/^werkscan: num\.csv:2/);
    expect((await werkscan(['alpha', 'one.csv'], dir)).code).toBe(2);
    expect((await werkscan(['alpha', 'missing.csv'], dir)).stderr).toMatch(/^werkscan: missing\.csv: file not found/);
  });
});

describe('werkscan agree --auto', () => {
  it('scores automatic against manual coding of the starter corpus per code and category', async () => {
    const { starterCopy } = await import('../helpers/run.js');
    const r = await werkscan(['agree', '--auto', '--format', 'json'], starterCopy());
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as { units: number; codes: { code: string; tp: number; fp: number; fn: number; f1: number | null }[]; groups: { group: string; tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }[]; falseNegatives: { code: string; document: string; line: number }[] };
    // units: ams-01's three respondent turns, ams-02 R1, ams-03 R3, the plan's two paragraphs, leiden R1 = 8
    expect(data.units).toBe(8);
    // samenwerking-wi: by hand in ams-01 R2 ("overleg met W&I", no term) and ams-03 R3 ("casusoverleg", a term)
    expect(data.codes.map((c) => [c.code, c.tp, c.fp, c.fn])).toEqual([
      ['capaciteit', 3, 0, 0],
      ['avg-privacy', 1, 0, 0],
      ['samenwerking-wi', 1, 0, 1],
      ['coaches', 1, 0, 0],
      ['jobcoach', 1, 0, 0],
      ['werk-genoemd', 1, 0, 0],
    ]);
    // overall: tp 8, fp 0, fn 1 → precision 1, recall 8/9, F1 = 16/17
    expect(data.groups.find((g) => g.group === '*')).toEqual({ group: '*', tp: 8, fp: 0, fn: 1, precision: 1, recall: 8 / 9, f1: 16 / 17 });
    expect(data.falseNegatives).toEqual([{ code: 'samenwerking-wi', document: 'ams-01', line: 12, text: 'En de AVG maakt overleg met W&I lastig [lacht].' }]);
  });
});
