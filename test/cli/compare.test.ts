/** compare, cooccur and the proposed quantifiers, on the starter corpus (see starter.test.ts for its contents). */
import { describe, expect, it } from 'vitest';
import { phrase, proposeWording } from '../../src/core/claims/wording.js';
import { DEFAULT_WORDING } from '../../src/core/claims/quantifiers.js';
import { starterCopy, werkscan } from '../helpers/run.js';

const json = async (args: string[]) => {
  const r = await werkscan([...args, '--format', 'json'], starterCopy());
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe('compare: the case × code matrix', () => {
  it.each([
    // capaciteit: amsterdam ams-01 (I + R1) and ams-02 (R1); zaanstad's plan; leiden nothing
    ['segment', { amsterdam: 3, zaanstad: 1, leiden: 0 }, 4],
    ['document', { amsterdam: 2, zaanstad: 1, leiden: 0 }, 3],
    ['respondent', { amsterdam: 1, zaanstad: 0, leiden: 0 }, 1],
    ['case', { amsterdam: 1, zaanstad: 1, leiden: 0 }, 2],
  ])('--unit %s', async (unit, counts, total) => {
    const m = await json(['compare', '--unit', unit]);
    expect(m.unit).toBe(unit);
    expect(m.cases).toEqual(['amsterdam', 'zaanstad', 'leiden']);
    expect(m.rows).toHaveLength(6);
    expect(m.rows[0]).toEqual({ code: 'capaciteit', counts, total });
  });

  it('column totals, and --where', async () => {
    const m = await json(['compare']);
    // amsterdam: capaciteit 3 + avg 1 + samenwerking 2 + coaches 1 + jobcoach 1 = 8
    expect(m.totals).toEqual({ amsterdam: 8, zaanstad: 2, leiden: 0 });
    const botoc = await json(['compare', '--where', 'line=botoc']);
    expect(botoc.cases).toEqual(['amsterdam', 'zaanstad']);
    expect(botoc.rows[2]).toEqual({ code: 'samenwerking-wi', counts: { amsterdam: 1, zaanstad: 0 }, total: 1 });
  });
});

describe('compare --group-by', () => {
  it('puts groups side by side with k/n, share and the difference in percentage points', async () => {
    const g = await json(['compare', '--group-by', 'line']);
    // botoc: amsterdam (ams-01, ams-02) and zaanstad; overig: amsterdam (ams-03 says line: overig) and leiden
    expect(g.groups).toEqual([
      { value: 'botoc', n: 2 },
      { value: 'overig', n: 2 },
    ]);
    const row = (code: string) => g.rows.find((r: { code: string }) => r.code === code);
    expect(row('capaciteit')).toEqual({ code: 'capaciteit', groups: { botoc: { k: 2, n: 2, share: 1 }, overig: { k: 0, n: 2, share: 0 } }, diff: 100 });
    expect(row('samenwerking-wi').diff).toBe(0);
    expect(row('avg-privacy').diff).toBe(50);
  });

  it('--unit respondent, --groups order, --sort diff', async () => {
    const g = await json(['compare', '--group-by', 'line', '--groups', 'overig,botoc', '--unit', 'respondent']);
    // overig respondents: amsterdam/R3, leiden/R1; botoc: amsterdam/R1, R2
    expect(g.groups).toEqual([
      { value: 'overig', n: 2 },
      { value: 'botoc', n: 2 },
    ]);
    // samenwerking-wi: R3 (overig) and R2 (botoc): 1/2 each; capaciteit: R1 only (botoc) → 0 − 50 = −50
    const cap = g.rows.find((r: { code: string }) => r.code === 'capaciteit');
    expect(cap.groups).toEqual({ overig: { k: 0, n: 2, share: 0 }, botoc: { k: 1, n: 2, share: 0.5 } });
    expect(cap.diff).toBe(-50);
    const r = await werkscan(['compare', '--group-by', 'line', '--sort', 'diff', '--format', 'csv'], starterCopy());
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'code,label,botoc k,botoc n,botoc %,overig k,overig n,overig %,diff',
      'capaciteit,Te weinig capaciteit,2,2,100%,0,2,0%,+100',
      'avg-privacy,Privacyregels beperken gegevensdeling,1,2,50%,0,2,0%,+50',
    ]);
  });

  it('--explain prints the segments behind a cell with document, line and role', async () => {
    const r = await werkscan(['compare', '--explain', 'capaciteit', 'amsterdam'], starterCopy());
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'capaciteit in amsterdam: 3 segments',
        '',
        'corpus/interviews/ams-01.md:10  ams-01#1  I',
        '  “Capaciteit, neem ik aan”',
        '',
        'corpus/interviews/ams-01.md:11  ams-01#2  R1 (programmamanager)',
        '  “We hebben te weinig jongerenwerkers voor de wijken”',
        '',
        'corpus/interviews/ams-02.md:9  ams-02#2  R1 (programmamanager)',
        '  “de capaciteit blijft krap”',
        '',
      ].join('\n'),
    );
    expect((await werkscan(['compare', '--explain', 'capaciteit'], starterCopy())).code).toBe(2);
    expect((await werkscan(['compare', '--explain', 'capaciteit', 'nergens'], starterCopy())).stderr).toMatch(/"nergens" is not a case/);
  });

  it('--explain takes the name the matrix shows and the label, in any case; a miss suggests the closest (#17.2)', async () => {
    const dir = starterCopy();
    const byId = await werkscan(['compare', '--explain', 'capaciteit', 'amsterdam'], dir);
    for (const name of ['Amsterdam', 'AMSTERDAM', 'amsterdam']) {
      const r = await werkscan(['compare', '--explain', 'Te weinig CAPACITEIT', name], dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(byId.stdout);
    }
    const miss = await werkscan(['compare', '--explain', 'capaciteit', 'Amsterdm'], dir);
    expect(miss.code).toBe(2);
    expect(miss.stderr).toContain('"Amsterdm" is not a case of cases.yaml');
    expect(miss.stderr).toContain('did you mean "Amsterdam"?');
    const code = await werkscan(['compare', '--explain', 'capaciteiten', 'Leiden'], dir);
    expect(code.code).toBe(2);
    expect(code.stderr).toContain('did you mean "capaciteit"?');
  });

  it('matrix CSV: cases headed by name, codes with their labels; --delimiter ";" (#17.3)', async () => {
    const r = await werkscan(['compare', '--format', 'csv', '--delimiter', ';'], starterCopy());
    expect(r.stdout.split('\n')[0]).toBe('group;code;label;Amsterdam;Zaanstad;Leiden;total');
    expect(r.stdout).toContain(';capaciteit;Te weinig capaciteit;3;1;0;4\n');
  });
});

describe('cooccur', () => {
  it('within segment: overlapping segments (nested spans, one span with two codes)', async () => {
    const c = await json(['cooccur', '--within', 'segment']);
    expect(c.pairs).toEqual([
      { a: 'capaciteit', b: 'coaches', count: 1 },
      { a: 'avg-privacy', b: 'samenwerking-wi', count: 1 },
    ]);
  });

  it('within turn: turns (paragraphs in plans) holding both codes', async () => {
    const c = await json(['cooccur', '--within', 'turn']);
    // ams-01 R1: capaciteit+coaches; ams-01 R2: avg+samenwerking; ams-02 R1: capaciteit+jobcoach;
    // the plan's second paragraph: werk-genoemd+capaciteit
    expect(c.pairs).toEqual([
      { a: 'capaciteit', b: 'coaches', count: 1 },
      { a: 'capaciteit', b: 'jobcoach', count: 1 },
      { a: 'capaciteit', b: 'werk-genoemd', count: 1 },
      { a: 'avg-privacy', b: 'samenwerking-wi', count: 1 },
    ]);
  });

  it('--rollup counts a parent code in the turns and documents of its children', async () => {
    const c = await json(['cooccur', '--within', 'document', '--rollup']);
    // ams-02 holds jobcoach, so with its parent coaches: capaciteit×coaches now in ams-01 and ams-02
    expect(c.pairs.find((p: { a: string; b: string }) => p.a === 'capaciteit' && p.b === 'coaches').count).toBe(2);
    expect(c.pairs.find((p: { a: string; b: string }) => p.a === 'coaches' && p.b === 'jobcoach').count).toBe(1);
    expect(c.codes.find((x: { code: string }) => x.code === 'coaches').units).toBe(2);
  });

  it('within document, with --min and the matrix diagonal', async () => {
    const c = await json(['cooccur', '--within', 'document']);
    // ams-01 holds capaciteit, avg-privacy, samenwerking-wi, coaches: 6 pairs; ams-02 capaciteit+jobcoach; plan capaciteit+werk-genoemd
    expect(c.pairs).toHaveLength(8);
    expect(c.codes.find((x: { code: string }) => x.code === 'capaciteit').units).toBe(3);
    expect((await json(['cooccur', '--within', 'document', '--min', '2'])).pairs).toEqual([]);
    const m = await werkscan(['cooccur', '--matrix', '--format', 'csv'], starterCopy());
    expect(m.stdout.split('\n')[1]).toBe('capaciteit,3,1,1,1,1,1');
  });
});

describe('proposed wording', () => {
  // the default bands (docs/wording.md), worked out by hand from the report's own usage
  const q = (k: number, n: number) => proposeWording(DEFAULT_WORDING, k, n)?.quantifier ?? String(k);
  it.each([
    [0, 8, 'geen'],
    [1, 8, 'één'],
    [2, 8, 'enkele'],
    [3, 8, 'enkele'], // 0.375 < 0.5: the report says "sommige" at 3/8, never "ongeveer de helft"
    [4, 8, 'ongeveer de helft'], // exactly half, as botoc-vog-ongeveer-helft
    [5, 8, 'de meeste'],
    [6, 8, 'de meeste'], // 0.75 < 0.8: the report calls 6/8 "vaak"/"veel", never "bijna alle"
    [7, 8, 'bijna alle'],
    [8, 8, 'alle'],
    [5, 6, 'bijna alle'], // 0.833
    [4, 5, 'bijna alle'], // 0.8: the band's lower bound is inclusive
    [15, 20, 'de meeste'],
    [16, 20, 'bijna alle'],
    [2, 5, 'enkele'],
    [10, 20, 'ongeveer de helft'],
    [9, 20, 'enkele'],
    [1, 1, 'één'], // één before alle: at 1 of 1 the report says both (opzet-overig-een-riec, int-sep-succesfactoren)
  ])('k = %i of n = %i → %s', (k, n, expected) => {
    expect(q(k, n)).toBe(expected);
  });

  it('phrases it for a report', () => {
    expect(phrase('alle', 8, 8, 'BOTOC-gemeenten')).toBe('alle 8 BOTOC-gemeenten');
    expect(phrase('ongeveer de helft', 4, 8, 'BOTOC-gemeenten')).toBe('ongeveer de helft (4 van 8) van de BOTOC-gemeenten');
    expect(phrase('enkele', 2, 8, 'BOTOC-gemeenten')).toBe('enkele (2 van 8) BOTOC-gemeenten');
    expect(phrase('geen', 0, 8, 'BOTOC-gemeenten')).toBe('geen van de 8 BOTOC-gemeenten');
  });
});
