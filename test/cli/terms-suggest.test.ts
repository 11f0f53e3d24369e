/** `werkscan terms suggest` proposes words a researcher could add, never function words (`de`, `met`). */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, werkscan } from '../helpers/run.js';

const CODEBOOK = `title: Twee codes
subquestions:
  - { id: DV1, text: "Vraag?" }
categories:
  - { id: cat-a, label: A, polarity: belemmerend }
  - { id: cat-b, label: B, polarity: stimulerend }
codes:
  - { id: wachtlijst, label: Wachtlijst, category: cat-a, subquestions: [DV1], description: Lange wachttijden., terms: [wachtlijst] }
  - { id: baan, label: Werkplek, category: cat-b, subquestions: [DV1], description: Een plek bij een werkgever., terms: [baan] }
`;

function study(language: 'nl' | 'en', wait: string, job: string): string {
  const root = tempDir();
  writeFileSync(path.join(root, 'werkscan.yaml'), `title: T\nlanguage: ${language}\ndocument_types:\n  plan: {}\n`);
  mkdirSync(path.join(root, 'codebook'));
  writeFileSync(path.join(root, 'codebook/codebook.yaml'), CODEBOOK);
  mkdirSync(path.join(root, 'corpus'));
  writeFileSync(path.join(root, 'corpus/cases.yaml'), 'cases:\n  c1: { name: Een }\n');
  for (let i = 1; i <= 4; i++) writeFileSync(path.join(root, `corpus/d${i}.md`), `---\nid: d${i}\ntype: plan\ncase: c1\n---\n\n[${wait}]{.wachtlijst}\n\n[${job}]{.baan}\n`);
  return root;
}

async function suggested(root: string): Promise<string[]> {
  const r = await werkscan(['terms', 'suggest', 'wachtlijst', '--top', '20', '--format', 'json'], root);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { suggestions: { term: string }[] }).suggestions.map((s) => s.term);
}

describe('terms suggest', () => {
  it('leaves out Dutch function words, alone and in pairs, and keeps the words that tell the code', async () => {
    const terms = await suggested(study('nl', 'Mensen wachten met de aanvraag bij de schuldhulp.', 'De jongere vindt een baan bij de bakker.'));
    expect(terms).toEqual(expect.arrayContaining(['schuldhulp', 'wachten', 'aanvraag']));
    for (const t of terms) for (const word of t.split(' ')) expect(['met', 'de', 'bij', 'een'], t).not.toContain(word);
  }, 60_000);

  it('leaves out English function words in an English study', async () => {
    const terms = await suggested(study('en', 'People wait for the debt advice with their forms.', 'The young man finds a job at the bakery.'));
    expect(terms).toEqual(expect.arrayContaining(['debt', 'wait']));
    for (const t of terms) for (const word of t.split(' ')) expect(['for', 'the', 'with', 'their'], t).not.toContain(word);
  }, 60_000);
});
