/** A corpus folder without documents counts zeros, which looks like a result: werkscan warns on stderr. */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { starterCopy, werkscan, writeFiles } from '../helpers/run.js';

/** The starter project with every document removed (cases.yaml stays), and `files` added to its corpus. */
function emptied(files: Record<string, string> = {}): string {
  const dir = starterCopy();
  const corpus = path.join(dir, 'corpus');
  for (const entry of readdirSync(corpus)) if (entry !== 'cases.yaml') rmSync(path.join(corpus, entry), { recursive: true });
  writeFiles(corpus, files);
  return dir;
}

describe('a corpus without documents', () => {
  it('freq still prints its zeros, and warns on stderr, naming the files it did not read', async () => {
    const dir = emptied({ 'interviews/gemeente-a.docx': 'PK…', 'plannen/plan.pdf': '%PDF', 'README.md': '# notes' });
    const r = await werkscan(['freq', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.stdout) as { rows: { segments: number; documents: number }[] }).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.segments === 0 && row.documents === 0)).toBe(true);
    expect(r.stderr).toBe('werkscan: warning: no documents in corpus: werkscan reads .md and .txt files (found 2 other files, such as corpus/interviews/gemeente-a.docx)\n');
  });

  it('says only that there are none when the folder holds nothing else', async () => {
    const r = await werkscan(['lint'], emptied());
    expect(r.stderr).toContain('werkscan: warning: no documents in corpus: werkscan reads .md and .txt files\n');
  });

  it('is not said of a corpus with documents', async () => {
    const r = await werkscan(['freq', '--format', 'json'], starterCopy());
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});
