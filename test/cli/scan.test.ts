import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir, werkscan, writeFiles } from '../helpers/run.js';

const fixture = (name: string) => path.join('test/fixtures/scan', name);

interface Item { code: string; status: string; evidence: { line: number; text: string; brief: boolean }[] }
interface Result { file: string; topic: { status: string; sentences: number; of: number }; items: Item[]; counts: Record<string, number> }

async function scan(...args: string[]): Promise<Result[]> {
  const r = await werkscan(['scan', ...args, '--format', 'json'], repoRoot);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Result[];
}
const byStatus = (r: Result, status: string) => r.items.filter((i) => i.status === status).map((i) => i.code).sort();

describe('werkscan scan on three hand-made plans', () => {
  it('a plan that follows every recommendation: all 33 items present, work described at length', async () => {
    const [r] = await scan(fixture('alles.md'));
    // 12 codes of DV6/DV7 outside aanbevelingen-rijk + 4 of wegnemen/versterken with DV6/DV7 + 17 stimulerend = 33
    expect(r!.counts).toEqual({ present: 33, mentioned: 0, missing: 0 });
    expect(r!.topic.status).toBe('present');
    // the file has no front matter: lines are the file's own
    expect(r!.items.find((i) => i.code === 'casusoverleg')!.evidence.map((e) => e.line)).toEqual([8]);
  });

  it('a plan of policing only: everything missing, work not named', async () => {
    const [r] = await scan(fixture('niets.md'));
    expect(r!.counts).toEqual({ present: 0, mentioned: 0, missing: 33 });
    expect(r!.topic).toMatchObject({ status: 'missing', sentences: 0 });
  });

  it('a realistic mix: three present, two only named (a short sentence, a list line), work mentioned', async () => {
    const [r] = await scan(fixture('mix.md'));
    expect(byStatus(r!, 'present')).toEqual(['gemeentelijke-regie', 'persoonsgerichte-aanpak', 'vertrouwensband']);
    expect(byStatus(r!, 'mentioned')).toEqual(['casusoverleg', 'onderwijs-samenwerking']);
    const casus = r!.items.find((i) => i.code === 'casusoverleg')!;
    expect(casus.evidence).toEqual([{ line: 19, text: 'Een casusoverleg is er eens per maand.', brief: true }]);
    // the three list lines are one sentence (no blank line between them): its first line, 24, not roc's 25
    expect(r!.items.find((i) => i.code === 'onderwijs-samenwerking')!.evidence[0]!.line).toBe(24);
    // "stage" and "baan" in one sentence, "Werk en Inkomen" in the list: 2 of 14 sentences
    expect(r!.topic).toMatchObject({ status: 'mentioned', sentences: 2, of: 14 });
    expect(r!.counts).toEqual({ present: 3, mentioned: 2, missing: 28 });
  });
});

describe('scan --source: the coder learned from the study\'s hand coding', () => {
  it('learned from the study corpus alone finds three of the mix plan\'s five items (not the terms\' roc list line or vertrouwensband); auto+learned all five', async () => {
    const [learned] = await scan(fixture('mix.md'), '--source', 'learned', '--no-training');
    expect(byStatus(learned!, 'present')).toEqual(['gemeentelijke-regie', 'persoonsgerichte-aanpak']);
    expect(byStatus(learned!, 'mentioned')).toEqual(['casusoverleg']);
    const [both] = await scan(fixture('mix.md'), '--source', 'auto+learned', '--no-training');
    expect(both!.counts).toEqual({ present: 3, mentioned: 2, missing: 28 });
  });

  it('with the project\'s training folders (interviews only) the regie sentence drops out of learned; auto+learned still finds all five', async () => {
    // training: in werkscan.yaml adds 20 interviews and no plan: the plan's one regie sentence
    // ("De gemeente heeft daarbij de regie …") falls under the threshold chosen on the larger material.
    const [learned] = await scan(fixture('mix.md'), '--source', 'learned');
    expect(byStatus(learned!, 'present')).toEqual(['persoonsgerichte-aanpak']);
    expect(byStatus(learned!, 'mentioned')).toEqual(['casusoverleg']);
    const [both] = await scan(fixture('mix.md'), '--source', 'auto+learned');
    expect(both!.counts).toEqual({ present: 3, mentioned: 2, missing: 28 });
  });
});

describe('calibrated on the eight reconstructed BOTOC plans', () => {
  it('work is named in every plan and described at length in one (Zaanstad); W&I at the drawing table in none', async () => {
    const plans = ['amsterdam/ams', 'arnhem/arn', 'den-haag/dh', 'eindhoven/ehv', 'rotterdam/rdam', 'tilburg/tlb', 'utrecht/utr', 'zaanstad/zst'].map((p) => `corpus/botoc/${p}-plan.md`);
    const results = await scan(...plans);
    expect(results.map((r) => r.topic.status)).toEqual(['mentioned', 'mentioned', 'mentioned', 'mentioned', 'mentioned', 'mentioned', 'mentioned', 'present']);
    expect(results.map((r) => r.items.find((i) => i.code === 'wi-betrekken-plannen')!.status)).toEqual(Array(8).fill('missing'));
  });
});

describe('scan: plans in Word, OpenDocument and PDF, through the converters of ingest', () => {
  it('says what found the sentences: the terms, or the learned coder too (terminal, Markdown, HTML)', async () => {
    const terms = await werkscan(['scan', fixture('mix.md'), '--width', '0'], repoRoot);
    expect(terms.stdout).toContain('Gevonden met de termen van het codeboek en eventuele eigen codering in het plan:');
    expect(terms.stdout).not.toContain('geleerde codeerder');
    const learned = await werkscan(['scan', fixture('mix.md'), '--source', 'learned', '--no-training', '--format', 'md'], repoRoot);
    expect(learned.stdout).toContain('Gevonden met de geleerde codeerder (getraind op de handmatige codering van de studie)');
    const both = await werkscan(['scan', fixture('mix.md'), '--source', 'auto+learned', '--no-training', '--format', 'html'], repoRoot);
    expect(both.stdout).toContain('Gevonden met de termen van het codeboek, de geleerde codeerder');
  });

  it('a PDF plan: sentences located by page, not by lines of the converted text', async () => {
    const [r] = await scan('test/fixtures/ingest/pdf/plan.pdf');
    // work: "consulent van werk en inkomen", "een baan", "werk heeft gevonden" (p. 2), "banen" (p. 3), of 19 sentences
    expect(r!.topic).toMatchObject({ status: 'mentioned', sentences: 4, of: 19 });
    expect((r!.topic as unknown as { evidence: { page: number; line: null }[] }).evidence.map((e) => [e.page, e.line])).toEqual([[2, null], [2, null], [2, null], [3, null]]);
  });

  it('an OpenDocument plan is read; a subtitle file is refused', async () => {
    const [r] = await scan('test/fixtures/ingest/material/beleidsplan.odt');
    expect(r!.items.length).toBe(33);
    const srt = await werkscan(['scan', 'test/fixtures/ingest/material/interview-ondertitels.srt'], repoRoot);
    expect(srt.code).toBe(2);
    expect(srt.stderr).toContain('scan reads plans as .md, .txt, .docx, .odt or .pdf');
  });
});

describe('scan: output and bad input', () => {
  it('writes one self-contained HTML page and Markdown in the study language', async () => {
    const html = await werkscan(['scan', fixture('mix.md'), '--format', 'html'], repoRoot);
    expect(html.code).toBe(0);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(html.stdout).not.toMatch(/(src|href)="?https?:/);
    expect(html.stdout).toContain('ontbreekt (28)');
    const md = await werkscan(['scan', fixture('mix.md'), '--format', 'md'], repoRoot);
    expect(md.stdout).toContain('## ~ genoemd (2)');
    expect(md.stdout).toContain('r. 19: “Een casusoverleg is er eens per maand.”');
  });

  it('fits the terminal table to 80 columns', async () => {
    const r = await werkscan(['scan', fixture('mix.md')], repoRoot, { COLUMNS: '80' });
    expect(r.code).toBe(0);
    for (const line of r.stdout.split('\n')) expect(Array.from(line).length).toBeLessThanOrEqual(80);
  });

  it('refuses a Word file, an interview and an unknown category with exit 2 and a hint', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'plan.docx': 'PK',
      'gesprek.md': '---\ntype: interview\ncase: x\nrespondents: [{ id: R1 }]\n---\nI: Vraag?\nR1: Antwoord.\n',
      'werkscan.yaml': 'scan:\n  categories: [bestaat-niet]\n',
    });
    const docx = await werkscan(['scan', 'plan.docx', '--codebook', path.join(repoRoot, 'codebook')], repoRoot);
    expect(docx.code).toBe(2);
    expect(docx.stderr).toMatch(/plan\.docx/);
    const interview = await werkscan(['scan', path.join(dir, 'gesprek.md')], repoRoot);
    expect(interview.code).toBe(2);
    expect(interview.stderr).toContain('not a plan');
    const unknown = await werkscan(['--project', dir, 'scan', fixture('mix.md'), '--codebook', path.join(repoRoot, 'codebook')], repoRoot);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('bestaat-niet');
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });
});
