/** Issue #13.7: a REFI-QDA round trip of the shipped study keeps every code's category. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir, werkscan } from '../helpers/run.js';

describe('REFI-QDA round trip of the shipped study', () => {
  it('export qdpx, import into a temp dir: `freq --by category --format json` is the same, byte for byte', async () => {
    const dir = tempDir();
    const qdpx = path.join(dir, 'study.qdpx');
    expect((await werkscan(['export', 'qdpx', '--out', qdpx], repoRoot)).code).toBe(0);
    const imported = await werkscan(['import', qdpx, '--codebook', 'codebook', '--corpus', 'corpus'], dir);
    expect(imported.stderr).toBe('');
    const before = await werkscan(['freq', '--by', 'category', '--format', 'json'], repoRoot);
    const after = await werkscan(['freq', '--by', 'category', '--format', 'json'], dir);
    expect(before.code).toBe(0);
    expect(after.stderr).toBe('');
    // centraal-aanspreekpunt (category wegnemen) has a parent in category stimulerend
    expect(JSON.parse(after.stdout).rows.find((r: { code: string }) => r.code === 'centraal-aanspreekpunt').category).toBe('wegnemen');
    expect(after.stdout).toBe(before.stdout);
    // …and its parent: --rollup counts it for persoonsgerichte-aanpak
    const rollup = async (cwd: string) => (await werkscan(['freq', '--by', 'category', '--rollup', '--format', 'json'], cwd)).stdout;
    expect(await rollup(dir)).toBe(await rollup(repoRoot));
    const codebook = readFileSync(path.join(dir, 'codebook/codebook.yaml'), 'utf8');
    expect(codebook).toMatch(/- id: centraal-aanspreekpunt\n    label: Eén centraal aanspreekpunt\n    category: wegnemen\n    subquestions:\n      - DV3\n    parent: persoonsgerichte-aanpak\n    description: De jongere heeft/);
    expect(codebook).not.toContain('werkscan parent');
  }, 60_000);
});
