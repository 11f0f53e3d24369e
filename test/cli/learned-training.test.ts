/** `training:` in werkscan.yaml: hand-coded corpora the learned coder always learns from (docs/autocoding.md). */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, werkscan } from '../helpers/run.js';

interface Group { group: string; tp: number; fp: number; fn: number }

const CODEBOOK = `title: Twee codes
subquestions:
  - { id: DV1, text: "Vraag?" }
categories:
  - { id: cat-a, label: A, polarity: neutraal }
  - { id: cat-b, label: B, polarity: neutraal }
codes:
  - { id: wachtlijst, label: Wachtlijst, category: cat-a, subquestions: [DV1], description: Lange wachttijden. }
  - { id: baan, label: Werkplek, category: cat-b, subquestions: [DV1], description: Een plek bij een werkgever. }
`;
const W = '[De wachtlijst voor schuldhulp is erg lang.]{.wachtlijst}';
const B = '[De jongere vindt een baan bij de bakker.]{.baan}';

function doc(dir: string, id: string, ...paragraphs: string[]): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${id}.md`), `---\nid: ${id}\ntype: plan\ncase: c1\n---\n${paragraphs.map((p) => `\n${p}\n`).join('')}`);
  writeFileSync(path.join(dir, 'cases.yaml'), 'cases:\n  c1: { name: Een }\n');
}

/**
 * The study corpus never codes `baan`, so on its own the learned coder never gives it; extra/ codes it in
 * five plans. other/ codes baan in o1 and leaves the same sentence uncoded in o2.
 */
function study(training: string): string {
  const root = tempDir();
  writeFileSync(path.join(root, 'werkscan.yaml'), `title: Train\nlanguage: nl\ndocument_types:\n  plan: {}\n${training}`);
  mkdirSync(path.join(root, 'codebook'));
  writeFileSync(path.join(root, 'codebook/codebook.yaml'), CODEBOOK);
  for (let i = 1; i <= 5; i++) doc(path.join(root, 'corpus'), `s${i}`, W, `Het weer in de stad is vandaag grijs nummer ${i}.`, 'De vergadering begint om negen uur.');
  for (let i = 1; i <= 5; i++) doc(path.join(root, 'extra'), `e${i}`, B, `De gemeente heeft een nieuw logo nummer ${i}.`, W);
  doc(path.join(root, 'other'), 'o1', B, 'De lucht is blauw.', W);
  doc(path.join(root, 'other'), 'o2', 'De jongere vindt een baan bij de bakker.', 'Niemand weet het.');
  return root;
}

async function agree(root: string, args: string[]): Promise<{ groups: Map<string, Group>; stderr: string }> {
  const r = await werkscan(['agree', '--auto', ...args, '--format', 'json'], root);
  expect(r.code, r.stderr).toBe(0);
  return { groups: new Map((JSON.parse(r.stdout) as { groups: Group[] }).groups.map((g) => [g.group, g])), stderr: r.stderr };
}

describe('training: in werkscan.yaml', () => {
  it('trains on the listed corpora as --train does; --no-training leaves them out', async () => {
    const root = study('training: [extra]\n');
    const listed = await agree(root, ['other', '--source', 'learned']);
    expect(listed.stderr).toBe('');
    // found in o1 (tp), and in o2 where the same sentence is not coded by hand (fp)
    expect(listed.groups.get('cat-b')).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    const bare = study('');
    expect((await agree(bare, ['other', '--source', 'learned', '--train', 'extra'])).groups.get('*')).toEqual(listed.groups.get('*'));
    const off = await agree(root, ['other', '--source', 'learned', '--no-training']);
    expect(off.groups.get('cat-b')).toMatchObject({ tp: 0, fp: 0, fn: 1 });
  }, 60_000);

  it('leaves out the corpus being coded, and says so with the line of the project file', async () => {
    const root = study('training:\n  - extra\n  - other\n');
    const r = await agree(root, ['other', '--source', 'learned']);
    expect(r.stderr).toBe('werkscan: warning: training folder other (werkscan.yaml:7:5) is the corpus being coded: left out of the training\n');
    expect(r.groups.get('cat-b')).toMatchObject({ tp: 1, fp: 1, fn: 0 });
  }, 60_000);

  it('exit 2 at the entry: a missing folder, the study corpus, an entry that is not a folder name', async () => {
    const missing = await werkscan(['freq', '--source', 'learned'], study('training:\n  - extra\n  - archief\n'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('werkscan.yaml:7:5: training: archief: no such folder');
    const own = await werkscan(['freq', 'other', '--source', 'learned'], study('training: [corpus]\n'));
    expect(own.code).toBe(2);
    expect(own.stderr).toContain('werkscan.yaml:5:12: training: corpus: that is the study corpus, which the learned coder is always trained on');
    const empty = await werkscan(['lint'], study('training: [""]\n'));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('werkscan.yaml:5:12');
    const notList = await werkscan(['lint'], study('training: extra\n'));
    expect(notList.code).toBe(2);
    expect(notList.stderr).toContain('must be a list');
  }, 60_000);

  it("comes from the study's project file, also for a corpus outside the study", async () => {
    const root = study('training: [extra]\n');
    const outside = tempDir();
    doc(path.join(outside, 'los'), 'o1', B, 'De lucht is blauw.', W);
    const r = await werkscan(['agree', '--auto', path.join(outside, 'los'), '--source', 'learned', '--format', 'json'], root);
    expect(r.code, r.stderr).toBe(0);
    const b = (JSON.parse(r.stdout) as { groups: Group[] }).groups.find((g) => g.group === 'cat-b');
    expect(b).toMatchObject({ tp: 1, fn: 0 });
  }, 60_000);

  it('is not read by the term coder: --source auto ignores even a missing folder', async () => {
    const r = await werkscan(['freq', '--source', 'auto', '--format', 'json'], study('training: [archief]\n'));
    expect(r.code, r.stderr).toBe(0);
  }, 60_000);

  it('lint says which listed folder is not there, with its place in the project file (exit 1), and nothing when all are', async () => {
    const r = await werkscan(['lint'], study('training:\n  - extra\n  - archief\n'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('werkscan.yaml:7:5: error: training folder archief does not exist (expected a corpus folder of hand-coded documents, relative to the project file) [missing-training-folder]');
    expect(r.stdout).not.toContain('training folder extra');
    const ok = await werkscan(['lint'], study('training: [extra, other]\n'));
    expect(ok.code, ok.stdout).toBe(0);
  }, 60_000);
});
