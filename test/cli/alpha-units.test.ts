/**
 * Issue #13.9: which column labels the units. Nominal alphas worked out by hand with
 * α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k (o: coincidences, pairs in a unit weighted 1/(m_u − 1)).
 */
import { describe, expect, it } from 'vitest';
import { tempDir, werkscan, writeFiles } from '../helpers/run.js';

type Alpha = { alpha: number; units: number; coders: number; unitColumn: string | null };

async function alpha(csv: string, ...args: string[]) {
  const dir = tempDir();
  writeFiles(dir, { 'r.csv': csv });
  const r = await werkscan(['alpha', 'r.csv', '--format', 'json', ...args], dir);
  return { ...r, data: r.code === 0 ? (JSON.parse(r.stdout) as Alpha) : null };
}

// A = (1, 1, 2, 2), B = (1, 2, 2, 2). o11 = 2, o12 = o21 = 1, o22 = 4; n1 = 3, n2 = 5, n = 8:
// α = 1 − 7·2 / (2·3·5) = 8/15.
const AB = (first: string, labels: string[]) => `${first},A,B\n${labels.map((l, i) => `${l},${['1,1', '1,2', '2,2', '2,2'][i]}`).join('\n')}\n`;

describe('alpha: the unit column', () => {
  it('a first column of distinct labels is the unit column whatever its header (was a coder: α = 7/106)', async () => {
    const r = await alpha(AB('u', ['u1', 'u2', 'u3', 'u4']));
    expect(r.stderr).toBe('');
    expect(r.data!.alpha).toBeCloseTo(8 / 15, 12);
    expect([r.data!.units, r.data!.coders, r.data!.unitColumn]).toEqual([4, 2, 'u']);
  });

  it('the text output names the unit column', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'r.csv': AB('u', ['u1', 'u2', 'u3', 'u4']) });
    expect((await werkscan(['alpha', 'r.csv', '--width', '0'], dir)).stdout).toContain('coders: A, B; unit labels: column u');
  });

  it('labels that could be values: exit 2 asking for --units or --no-units', async () => {
    const csv = AB('nr', ['1', '2', '3', '4']);
    const r = await alpha(csv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^werkscan: r\.csv:1:1: cannot tell whether the first column "nr" labels the units or holds a coder's values/);
    expect(r.stderr).toContain('pass --units nr if it labels the units, or --no-units if it is a coder');
    // --units nr: the A/B data above, 8/15.
    expect((await alpha(csv, '--units', 'nr')).data!.alpha).toBeCloseTo(8 / 15, 12);
    // --no-units: three coders on (1,1,1), (2,1,2), (3,2,2), (4,2,2). o11 = 3, o12 = o21 = 1, o22 = 3,
    // o23 = o32 = o24 = o42 = 1; n1 = 4, n2 = 6, n3 = n4 = 1, n = 12; Σ_{c≠k} o = 6, Σ_{c≠k} n·n = 144 − 54 = 90:
    // α = 1 − 11·6/90 = 4/15.
    const none = await alpha(csv, '--no-units');
    expect(none.data!.alpha).toBeCloseTo(4 / 15, 12);
    expect([none.data!.units, none.data!.coders, none.data!.unitColumn]).toEqual([4, 3, null]);
  });

  it('a first column with a repeated or missing value is a coder', async () => {
    // (1,1,1), (2,1,2), (2,2,2), (2,2,2): o11 = 3, o12 = o21 = 1, o22 = 7; n1 = 4, n2 = 8, n = 12:
    // α = 1 − 11·2 / (2·4·8) = 21/32.
    const r = await alpha('P,A,B\n1,1,1\n2,1,2\n2,2,2\n2,2,2\n');
    expect(r.data!.alpha).toBeCloseTo(21 / 32, 12);
    expect([r.data!.coders, r.data!.unitColumn]).toEqual([3, null]);
    expect((await alpha('P,A,B\n,1,1\nx,1,2\ny,2,2\nz,2,2\n')).data!.coders).toBe(3);
  });

  it('--units names any column; an unknown name is exit 2 listing the header', async () => {
    const r = await alpha('A,B,frag\n1,1,f1\n1,2,f2\n2,2,f3\n2,2,f4\n', '--units', 'frag');
    expect(r.data!.alpha).toBeCloseTo(8 / 15, 12);
    expect(r.data!.unitColumn).toBe('frag');
    const bad = await alpha(AB('u', ['u1', 'u2', 'u3', 'u4']), '--units', 'unit');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^werkscan: r\.csv:1: --units unit: no such column \(the header has "u", "A", "B"\)/);
  });
});
