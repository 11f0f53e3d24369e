/**
 * Counts of the starter corpus (examples/starter), worked out by hand from its five files:
 *   ams-01  interview, amsterdam: I codes capaciteit; R1 capaciteit ⊃ coaches (nested); R2 one span with
 *           avg-privacy + samenwerking-wi; R1 an escaped \[naam\] (no code).
 *   ams-02  interview, amsterdam: the same R1 again: jobcoach (child of coaches), capaciteit.
 *   ams-03  interview, amsterdam, front matter line: overig; R3: samenwerking-wi.
 *   zaanstad-plan  plan: werk-genoemd, capaciteit; no respondents.
 *   leiden-01  interview (BOM + CRLF), leiden: nothing coded — still in the population.
 */
import { describe, expect, it } from 'vitest';
import { repoRoot, werkscan } from '../helpers/run.js';

const args = ['examples/starter/corpus', '--codebook', 'examples/starter/codebook'];
type Row = { code: string; segments: number; documents: number; respondents: number; cases: number };
const freq = async (...extra: string[]) => {
  const r = await werkscan(['freq', ...args, '--format', 'json', ...extra], repoRoot);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const data = JSON.parse(r.stdout) as { rows: Row[]; population: { documents: number; respondents: number; cases: number } };
  const by = Object.fromEntries(data.rows.map((x) => [x.code, [x.segments, x.documents, x.respondents, x.cases]]));
  return { rows: data.rows, by, population: data.population };
};

describe('freq on the starter corpus', () => {
  it('counts segments, documents, respondents and cases per code, every code in codebook order', async () => {
    const { rows, by, population } = await freq();
    expect(rows.map((r) => r.code)).toEqual(['capaciteit', 'avg-privacy', 'samenwerking-wi', 'coaches', 'jobcoach', 'werk-genoemd']);
    // capaciteit: I-turn + R1 (ams-01), R1 (ams-02), plan → 4 segments in 3 documents; R1 is one respondent
    // across ams-01 and ams-02, the interviewer's segment counts for no respondent; amsterdam + zaanstad.
    expect(by.capaciteit).toEqual([4, 3, 1, 2]);
    // one span with two codes counts for both
    expect(by['avg-privacy']).toEqual([1, 1, 1, 1]);
    // R2 (ams-01) and R3 (ams-03) are two respondents of one case
    expect(by['samenwerking-wi']).toEqual([2, 2, 2, 1]);
    expect(by.coaches).toEqual([1, 1, 1, 1]);
    expect(by.jobcoach).toEqual([1, 1, 1, 1]);
    // a plan: a document and a case, no respondent
    expect(by['werk-genoemd']).toEqual([1, 1, 0, 1]);
    // leiden is never coded but is in the population: 5 documents, 4 respondents (ams R1, R2, R3; leiden R1), 3 cases
    expect(population).toEqual({ documents: 5, respondents: 4, cases: 3 });
  });

  it('--rollup counts a child code for its parent', async () => {
    const { by } = await freq('--rollup');
    // coaches: its own segment (ams-01) and jobcoach's (ams-02); both said by amsterdam R1
    expect(by.coaches).toEqual([2, 2, 1, 1]);
    expect(by.jobcoach).toEqual([1, 1, 1, 1]);
  });

  it('--where prefers the front matter over the case attribute', async () => {
    // amsterdam is botoc in cases.yaml, but ams-03 says line: overig
    const overig = await freq('--where', 'line=overig');
    expect(overig.population).toEqual({ documents: 2, respondents: 2, cases: 2 });
    expect(overig.by['samenwerking-wi']).toEqual([1, 1, 1, 1]);
    expect(overig.by.capaciteit).toEqual([0, 0, 0, 0]);
    const botoc = await freq('--where', 'line=botoc');
    expect(botoc.population).toEqual({ documents: 3, respondents: 2, cases: 2 });
    expect(botoc.by['samenwerking-wi']).toEqual([1, 1, 1, 1]);
    expect(botoc.by.capaciteit).toEqual([4, 3, 1, 2]);
  });

  it('--where on a respondent attribute selects respondents and what they said', async () => {
    // domain=werk-inkomen: only ams-01's R2, who coded avg-privacy and samenwerking-wi
    const wi = await freq('--where', 'domain=werk-inkomen');
    expect(wi.population).toEqual({ documents: 1, respondents: 1, cases: 1 });
    expect(wi.by['samenwerking-wi']).toEqual([1, 1, 1, 1]);
    expect(wi.by.capaciteit).toEqual([0, 0, 0, 0]);
  });

  it('--where on two keys needs both', async () => {
    const r = await freq('--where', 'line=botoc', '--where', 'type=plan');
    expect(r.population).toEqual({ documents: 1, respondents: 0, cases: 1 });
    expect(r.by.capaciteit).toEqual([1, 1, 0, 1]);
  });

  it('prints Markdown, CSV with a Dutch delimiter, and a grouped table', async () => {
    const md = await werkscan(['freq', ...args, '--format', 'md'], repoRoot);
    expect(md.stdout).toContain('| capaciteit | Te weinig capaciteit | belemmerend-gemeente | 4 | 3 | 1 | 2 |');
    const csv = await werkscan(['freq', ...args, '--format', 'csv', '--delimiter', ';', '--bom'], repoRoot);
    expect(csv.stdout.startsWith('\ufeffcode;label;category;segments;documents;respondents;cases\n')).toBe(true);
    expect(csv.stdout).toContain('\ncapaciteit;Te weinig capaciteit;belemmerend-gemeente;4;3;1;2\n');
    const grouped = await werkscan(['freq', ...args, '--by', 'polarity', '--unit', 'cases'], repoRoot);
    expect(grouped.stdout).toMatch(/\nbelemmerend\ncapaciteit +Te weinig capaciteit +belemmerend-gemeente +2\navg-privacy .* 1\nstimulerend\n/);
  });
});

describe('findings on the starter corpus', () => {
  it('checks every claim and reports k/n', async () => {
    const r = await werkscan(['findings', ...args, '--format', 'json'], repoRoot);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as { ok: boolean; findings: { id: string; ok: boolean; k: number; n: number; quantifier: string }[] };
    expect(data.ok).toBe(true);
    expect(data.findings.map((f) => [f.id, f.k, f.n, f.ok])).toEqual([
      ['capaciteit-alle-botoc', 2, 2, true],
      ['avg-een-gemeente', 1, 2, true],
      ['plannen-noemen-werk', 1, 1, true],
      // no code: the population itself; amsterdam's R1 and R2 (R3 speaks in the overig interview)
      ['respondenten-botoc', 2, 2, true],
    ]);
  });
});
