/** `--train DIR`: more manually coded material for the learned coder, on a tiny hand-made study. */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
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
 * corpus/ (the study): 5 plans, each with one sentence coded wachtlijst; `baan` is never coded, so the
 * learned coder cannot choose a threshold for it. extra/: 5 plans with a sentence coded baan (and one with
 * the id s1 of a study document, other text). other/: o1 codes both; o2 has the baan sentence uncoded.
 */
function study(): string {
  const root = tempDir();
  writeFileSync(path.join(root, 'werkscan.yaml'), 'title: Train\nlanguage: nl\npaths: { corpus: corpus, codebook: codebook, reports: reports }\ndocument_types:\n  plan: {}\n');
  mkdirSync(path.join(root, 'codebook'));
  writeFileSync(path.join(root, 'codebook/codebook.yaml'), CODEBOOK);
  for (let i = 1; i <= 5; i++) doc(path.join(root, 'corpus'), `s${i}`, W, `Het weer in de stad is vandaag grijs nummer ${i}.`, 'De vergadering begint om negen uur.');
  for (let i = 1; i <= 5; i++) doc(path.join(root, 'extra'), `e${i}`, B, `De gemeente heeft een nieuw logo nummer ${i}.`, W);
  doc(path.join(root, 'extra'), 's1', B, 'Een ander verhaal over de markt.');
  doc(path.join(root, 'extra2'), 'x1', B, 'De bakker zoekt personeel.');
  doc(path.join(root, 'other'), 'o1', B, 'De lucht is blauw.', W);
  doc(path.join(root, 'other'), 'o2', 'De jongere vindt een baan bij de bakker.', 'Niemand weet het.');
  return root;
}

async function groups(root: string, args: string[]): Promise<Map<string, Group>> {
  const r = await werkscan(['agree', '--auto', ...args, '--format', 'json'], root);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return new Map((JSON.parse(r.stdout) as { groups: Group[] }).groups.map((g) => [g.group, g]));
}

describe('--train', () => {
  it('extra training documents make the coder find a code the study corpus never codes', async () => {
    const root = study();
    const without = await groups(root, ['other', '--source', 'learned']);
    // o1's baan paragraph is missed: no threshold for a code without a positive sentence
    expect(without.get('cat-b')).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    expect(without.get('cat-a')).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    const withExtra = await groups(root, ['other', '--source', 'learned', '--train', 'extra']);
    // found in o1 (tp), and in o2 where the same sentence is not coded by hand (fp)
    expect(withExtra.get('cat-b')).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(withExtra.get('cat-a')).toMatchObject({ tp: 1, fp: 0, fn: 0 });
  }, 60_000);

  it('out of fold on the study corpus: the extra documents train every fold and are never tested', async () => {
    const root = study();
    const all = (await groups(root, ['--source', 'learned', '--train', 'extra'])).get('*')!;
    // the 5 wachtlijst paragraphs of corpus/ only; extra/ (its 5 wachtlijst and 6 baan paragraphs) is not scored
    expect(all.tp + all.fn).toBe(5);
    expect(all.tp).toBe(5);
  }, 60_000);

  it('is deterministic, whatever the order of --train', async () => {
    const root = study();
    const run = async (...train: string[]) => (await werkscan(['agree', '--auto', 'other', '--source', 'auto+learned', ...train.flatMap((t) => ['--train', t]), '--format', 'json'], root)).stdout;
    const a = await run('extra', 'extra2');
    expect(a).not.toBe('');
    expect(await run('extra', 'extra2')).toBe(a);
    expect(await run('extra2', 'extra')).toBe(a);
    expect(await run('extra2', './extra', 'extra')).toBe(a);
  }, 60_000);

  it('refuses the folder being evaluated, a study document leaked into it, and the study corpus (exit 2)', async () => {
    const root = study();
    const same = await werkscan(['agree', '--auto', 'other', '--source', 'learned', '--train', './other/'], root);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('--train ./other/: that is the corpus being coded — training on the documents you evaluate');
    const own = await werkscan(['agree', '--auto', '--source', 'learned', '--train', 'corpus'], root);
    expect(own.code).toBe(2);
    expect(own.stderr).toContain('training on the documents you evaluate');
    cpSync(path.join(root, 'other/o1.md'), path.join(root, 'extra/o1.md'));
    const leak = await werkscan(['agree', '--auto', 'other', '--source', 'learned', '--train', 'extra'], root);
    expect(leak.code).toBe(2);
    expect(leak.stderr).toContain('document o1 is also in the corpus being coded, with the same text');
    const studyAgain = await werkscan(['freq', 'other', '--source', 'learned', '--train', 'corpus'], root);
    expect(studyAgain.code).toBe(2);
    expect(studyAgain.stderr).toContain('that is the study corpus');
  }, 60_000);

  it('goes with a learned source only (exit 2 with a hint)', async () => {
    const root = study();
    for (const args of [['freq', '--train', 'extra'], ['compare', '--source', 'auto', '--train', 'extra'], ['cooccur', '--train', 'extra'], ['agree', '--auto', 'other', '--train', 'extra']]) {
      const r = await werkscan(args, root);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('--train extra: goes with --source learned or auto+learned');
      expect(r.stderr).toContain('add --source learned');
    }
    const noAuto = await werkscan(['agree', 'corpus', 'other', '--train', 'extra'], root);
    expect(noAuto.code).toBe(2);
    expect(noAuto.stderr).toContain('--train goes with --auto --source learned');
    expect((await werkscan(['freq', '--source', 'learned', '--train', 'extra', '--format', 'json'], root)).code).toBe(0);
  }, 60_000);
});
