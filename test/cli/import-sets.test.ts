/** REFI-QDA Sets on import: a set of sources is a document attribute, a set of codes a sub-question, a mixed set both. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir, werkscan, writeFiles } from '../helpers/run.js';
import { zip } from '../../src/io/zip.js';

const qde = readFileSync(path.join(repoRoot, 'test/fixtures/refi-qda/document-sets.qde'), 'utf8');
// the three plain texts; the offsets in document-sets.qde are worked out on them
const texts: Record<string, string> = {
  'B0000000-0000-0000-0000-000000000001': 'De buurt meldt overlast. Er is weinig toezicht.',
  'B0000000-0000-0000-0000-000000000002': 'Samenwerking met de politie loopt goed.',
  'B0000000-0000-0000-0000-000000000003': 'Ook hier overlast.',
};
const qdpx = (project: string) =>
  zip([{ name: 'project.qde', data: Buffer.from(project) }, ...Object.entries(texts).map(([g, t]) => ({ name: `sources/${g}.txt`, data: Buffer.from(t) }))]);

describe('werkscan import: REFI-QDA Sets', () => {
  it('two sets of documents become document attributes, the set of codes a sub-question; lint is clean and freq counts', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'p.qdpx': qdpx(qde) });
    const r = await werkscan(['import', 'p.qdpx'], dir);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe('imported 3 codes, 1 cases, 3 documents from p.qdpx into codebook/ and corpus/\n');
    const cb = readFileSync(path.join(dir, 'codebook/codebook.yaml'), 'utf8');
    // "Aanpak" holds overlast and weinig-toezicht; samenwerking-politie is in no code set: DV0
    expect(cb).toContain('subquestions:\n  - id: Aanpak\n    text: Hoe pakken gemeenten overlast aan?\n  - id: DV0\n');
    expect(cb).not.toContain('Gemeenten');
    expect(readFileSync(path.join(dir, 'corpus/interview-noord-1.md'), 'utf8')).toBe(
      '---\nid: "interview-noord-1"\ntype: document\ncase: "onbekend"\nset-gemeenten-noord: "ja"\nset-gemeenten-zuid: "nee"\n---\n' +
        '[De buurt meldt overlast.]{.overlast} [Er is weinig toezicht.]{.weinig-toezicht}',
    );
    expect(readFileSync(path.join(dir, 'corpus/interview-zuid-1.md'), 'utf8')).toContain('set-gemeenten-noord: "nee"\nset-gemeenten-zuid: "ja"\n---\n');
    const lint = await werkscan(['lint'], dir);
    expect(lint.stdout).toMatch(/^0 errors/);
    const freq = await werkscan(['freq', '--format', 'json'], dir);
    expect(freq.code).toBe(0);
    const rows = (JSON.parse(freq.stdout) as { rows: { code: string; segments: number; documents: number }[] }).rows.map((x) => [x.code, x.segments, x.documents]).sort();
    expect(rows).toEqual([
      ['overlast', 2, 2],
      ['samenwerking-politie', 1, 1],
      ['weinig-toezicht', 1, 1],
    ]);
    // the attribute selects documents: only Noord has "weinig toezicht" and "samenwerking"
    const noord = await werkscan(['freq', '--where', 'set-gemeenten-zuid=ja', '--format', 'json'], dir);
    expect((JSON.parse(noord.stdout) as { rows: { code: string; segments: number }[] }).rows.filter((x) => x.segments > 0).map((x) => x.code)).toEqual(['overlast']);
  });

  it('a mixed set is split; a set with no known member is left out with a warning', async () => {
    const dir = tempDir();
    const mixed = qde
      .replace('<MemberSource targetGUID="B0000000-0000-0000-0000-000000000003"/>', '<MemberSource targetGUID="B0000000-0000-0000-0000-000000000003"/><MemberCode targetGUID="A0000000-0000-0000-0000-000000000003"/>')
      .replace('</Sets>', '<Set guid="E0000000-0000-0000-0000-000000000004" name="Leeg"><MemberCode targetGUID="F0000000-0000-0000-0000-000000000009"/></Set></Sets>');
    writeFiles(dir, { 'p.qdpx': qdpx(mixed) });
    const r = await werkscan(['import', 'p.qdpx'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('werkscan: warning: set "Leeg": none of its members is a code or text source of the project; left out\n');
    const cb = readFileSync(path.join(dir, 'codebook/codebook.yaml'), 'utf8');
    // "Gemeenten Zuid" is now both: a sub-question for samenwerking-politie, and still the documents' attribute; no DV0 is needed
    expect(cb).toContain('subquestions:\n  - id: gemeenten-zuid\n    text: Gemeenten Zuid\n  - id: Aanpak\n');
    expect(cb).not.toContain('DV0');
    expect(readFileSync(path.join(dir, 'corpus/interview-zuid-1.md'), 'utf8')).toContain('set-gemeenten-zuid: "ja"\n');
    expect((await werkscan(['lint'], dir)).stdout).toMatch(/^0 errors/);
  });
});
