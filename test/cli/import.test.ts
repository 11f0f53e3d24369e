/** REFI-QDA import: werkscan's own export makes the round trip; a real ATLAS.ti export reads; crossing selections are reported. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, starterCopy, tempDir, werkscan, writeFiles } from '../helpers/run.js';
import { zip } from '../../src/io/zip.js';

type Row = { code: string; label: string; category: string; segments: number; documents: number; respondents: number; cases: number };
const freqRows = async (dir: string, corpus: string, codebook: string) => {
  const r = await werkscan(['freq', corpus, '--codebook', codebook, '--format', 'json'], dir);
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { rows: Row[] }).rows.sort((a, b) => a.code.localeCompare(b.code));
};

describe('werkscan import', () => {
  it('round trip: export qdpx, import, and every count, coder and span is the same', async () => {
    const dir = starterCopy();
    expect((await werkscan(['export', 'qdpx', '--out', 'p.qdpx'], dir)).code).toBe(0);
    const r = await werkscan(['import', 'p.qdpx', '--codebook', 'back/codebook', '--corpus', 'back/corpus'], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('imported 6 codes, 3 cases, 5 documents from p.qdpx into back/codebook/ and back/corpus/\n');
    expect((await werkscan(['lint', 'back/corpus', '--codebook', 'back/codebook'], dir)).stdout).toMatch(/^0 errors, 0 warnings/);
    expect(await freqRows(dir, 'back/corpus', 'back/codebook')).toEqual(await freqRows(dir, 'corpus', 'codebook'));
    // the same plain text and the same codes on every unit: full agreement
    const a = JSON.parse((await werkscan(['agree', 'corpus', 'back/corpus', '--format', 'json'], dir)).stdout) as { alpha: number; differences: unknown[]; units: number };
    // units: ams-01 4 turns, ams-02 2, ams-03 2, the plan's 2 paragraphs, leiden 2 = 12
    expect([a.alpha, a.differences, a.units]).toEqual([1, [], 12]);
    // front matter survives: respondents, the overriding `line`, the coder
    const ams03 = readFileSync(path.join(dir, 'back/corpus/ams-03.md'), 'utf8');
    expect(ams03).toContain('line: "overig"');
    expect(ams03).toContain('respondents:\n  - { id: "R3", role: "jongerenwerker", domain: "jeugd" }');
  });

  it('reads a real ATLAS.ti export (deflated project.qde, nested codes, no sources)', async () => {
    const dir = tempDir();
    const r = await werkscan(['import', path.join(repoRoot, 'test/fixtures/refi-qda/atlasti-23-codes-only.qdpx'), '--codebook', 'cb', '--corpus', 'corpus'], dir);
    expect(r.code).toBe(0);
    const yaml = readFileSync(path.join(dir, 'cb/codebook.yaml'), 'utf8');
    expect(yaml).toContain('  - id: commits\n    label: Commits\n    category: geimporteerd\n');
    expect(yaml).toContain('    parent: commits\n');
    expect(yaml).toContain('  - id: DV0\n');
  });

  it('keeps nested selections as nested spans, and leaves out (with a warning) a selection that crosses another', async () => {
    const dir = tempDir();
    const code = (g: string, name: string) => `<Code guid="${g}" name="${name}" isCodable="true"/>`;
    const sel = (g: string, s: number, e: number, c: string) =>
      `<PlainTextSelection guid="${g}" startPosition="${s}" endPosition="${e}"><Coding guid="${g.replace(/^./, 'F')}"><CodeRef targetGUID="${c}"/></Coding></PlainTextSelection>`;
    const A = '00000000-0000-0000-0000-00000000000A';
    const B = '00000000-0000-0000-0000-00000000000B';
    const qde = `<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1:0" name="t"><CodeBook><Codes>${code(A, 'Eerste code')}${code(B, 'Tweede')}</Codes></CodeBook>
      <Sources><TextSource guid="00000000-0000-0000-0000-000000000001" name="Notitie één"><PlainTextContent>Dit is [een] test van de import.</PlainTextContent>
      ${sel('00000000-0000-0000-0000-000000000011', 0, 17, A)}${sel('00000000-0000-0000-0000-000000000012', 7, 12, B)}${sel('00000000-0000-0000-0000-000000000013', 14, 25, B)}</TextSource></Sources></Project>`;
    // "Dit is [een] test van de import.": 0–17 is "Dit is [een] test", 7–12 is "[een]", 14–25 crosses the first
    writeFiles(dir, { 't.qdpx': zip([{ name: 'project.qde', data: Buffer.from(qde) }]) });
    const r = await werkscan(['import', 't.qdpx'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('werkscan: warning: Notitie één: selection 14–25 crosses 0–17; Pandoc spans must nest, so it is left out\n');
    // no case in the project: the document goes to case "onbekend"; brackets in the text are escaped
    expect(readFileSync(path.join(dir, 'corpus/notitie-een.md'), 'utf8')).toBe(
      '---\nid: "notitie-een"\ntype: document\ncase: "onbekend"\n---\n[Dit is [\\[een\\]]{.tweede} test]{.eerste-code} van de import.',
    );
    expect((await werkscan(['lint'], dir)).code).toBe(0);
  });

  it('does not overwrite without --force; a file that is not REFI-QDA is exit 2', async () => {
    const dir = starterCopy();
    await werkscan(['export', 'qdc', '--out', 'cb.qdc'], dir);
    const r = await werkscan(['import', 'cb.qdc'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^werkscan: import would overwrite 1 file, e\.g\. codebook\/codebook\.yaml\n  import into empty folders/);
    expect((await werkscan(['import', 'cb.qdc', '--force'], dir)).code).toBe(0);
    writeFiles(dir, { 'x.qdpx': 'geen zip' });
    expect((await werkscan(['import', 'x.qdpx', '--codebook', 'n1', '--corpus', 'n2'], dir)).stderr).toMatch(/^werkscan: x\.qdpx: not a readable \.qdpx/);
    expect(existsSync(path.join(dir, 'n1'))).toBe(false);
  });
});
