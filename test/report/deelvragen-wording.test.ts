/**
 * #16.1: the default wording of deelvragen.md comes from bands derived from the report's own claims
 * (codebook/quantifiers.yaml `wording:`, docs/wording.md); no sentence of the generated deelvragen.md of
 * the shipped study uses a quantifier that contradicts a claim on the same code and population; the
 * answers lead with chapter 4; the researchers' recommendations carry evidence, never a count.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFindings } from '../../src/core/claims/evaluate.js';
import { DEFAULT_WORDING, parseQuantifiers, parseWording } from '../../src/core/claims/quantifiers.js';
import { proposeWording } from '../../src/core/claims/wording.js';
import { projectSettings } from '../../src/io/project-file.js';
import { loadProject } from '../../src/io/read.js';
import { buildReports } from '../../src/report/bundle.js';
import { contradiction } from '../helpers/compatible.js';
import { repoRoot, tempDir, werkscan } from '../helpers/run.js';

const project = loadProject({ cwd: repoRoot, corpus: 'corpus', codebook: 'codebook', settings: projectSettings({ cwd: repoRoot }) });
const md = (buildReports(project).files.find((f) => f.name === 'deelvragen.md') as { content: string }).content;
const section = (id: string) => md.slice(md.indexOf(`## ${id} `), md.indexOf('\n## ', md.indexOf(`## ${id} `) + 1));
const results = evaluateFindings(project).findings;

describe('the default wording table', () => {
  it('is the one quantifiers.yaml ships, and it is werkscan’s own default', () => {
    expect(project.wording).toEqual(DEFAULT_WORDING.map((b) => ({ ...b, rule: { ...b.rule, origin: expect.anything() } })));
  });

  it('never contradicts a claim of findings.yaml at the claim’s k/n', async () => {
    // the claims as `findings` judges them, automatic coding included
    const judged = JSON.parse((await werkscan(['findings', '--format', 'json'], repoRoot)).stdout).findings as typeof results;
    expect(judged.filter((f) => f.status === 'failed')).toEqual([]);
    const bad: string[] = [];
    for (const f of judged) {
      const band = proposeWording(DEFAULT_WORDING, f.k, f.n);
      const why = contradiction(project.quantifiers, band?.quantifier ?? String(f.k), f.quantifier, f.k, f.n);
      if (why) bad.push(`${f.id}: ${why}`);
    }
    expect(bad).toEqual([]);
    expect(judged.length).toBe(121);
  });

  it('would have contradicted the report with the old fixed order (the check can fail)', () => {
    // the old table: "ongeveer de helft" at 3/8, where botoc-wi-outreachend-sommige says sommige
    expect(contradiction(project.quantifiers, 'ongeveer de helft', 'sommige', 3, 8)).toMatch(/contradicts/);
    // and "bijna alle" at 6/8 where a claim says de meerderheid
    expect(contradiction(project.quantifiers, 'bijna alle', 'de meerderheid', 6, 8)).toMatch(/contradicts/);
  });

  it('is read from the yaml: another band in a copy changes the report', async () => {
    const dir = tempDir();
    for (const p of ['corpus', 'codebook', 'werkscan.yaml']) cpSync(path.join(repoRoot, p), path.join(dir, p), { recursive: true });
    const file = path.join(dir, 'codebook/quantifiers.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{ quantifier: enkele, nl: enkele,', '{ quantifier: enkele, nl: een handvol,'));
    const r = await werkscan(['code', '--out', 'out'], dir);
    expect(r.code).toBe(0);
    const out = readFileSync(path.join(dir, 'out/deelvragen.md'), 'utf8');
    // incidentele-financiering, 3 of 8 BOTOC municipalities, has no claim on the cell: the band's words
    expect(out).toContain('| een handvol (3 van 8) BOTOC-gemeenten |');
    expect(md).toContain('| enkele (3 van 8) BOTOC-gemeenten |');
  });

  it('stops with exit 2 at a band naming an unknown quantifier', () => {
    const text = 'quantifiers: {}\nwording:\n  - { quantifier: een paar, en: a couple, min: 2 }\n';
    const table = parseQuantifiers(text, 'q.yaml');
    expect(() => parseWording(text, 'q.yaml', table)).toThrow(/unknown quantifier "een paar"/);
  });
});

/** Every proposal of every table row: code, population (by its noun), quantifier, k/n. */
function proposals(): { code: string; line: string; quantifier: string; k: number; n: number }[] {
  const nouns = Object.fromEntries(['botoc', 'overig', 'verdiepend', 'internationaal'].map((l) => [l, project.settings.attributes.cases.line!.values!.find((v) => v.value === l)!.noun!]));
  const out: { code: string; line: string; quantifier: string; k: number; n: number }[] = [];
  for (const row of md.split('\n').filter((l) => /^\| [a-z0-9-]+ \|/.test(l) && !l.startsWith('| code |'))) {
    const cells = row.split(' | ');
    const code = cells[0]!.slice(2);
    for (const part of cells[cells.length - 2]!.split('; ')) {
      const line = Object.keys(nouns).find((l) => part.includes(nouns[l]!))!;
      let m: RegExpExecArray | null;
      if ((m = /^alle (\d+) /.exec(part))) out.push({ code, line, quantifier: 'alle', k: +m[1]!, n: +m[1]! });
      else if ((m = /^(geen|één) van de (\d+) /.exec(part))) out.push({ code, line, quantifier: m[1]!, k: m[1] === 'geen' ? 0 : 1, n: +m[2]! });
      else if ((m = /^(\d+) van de (\d+) /.exec(part))) out.push({ code, line, quantifier: m[1]!, k: +m[1]!, n: +m[2]! });
      else if ((m = /^(.+?) \((\d+) van (\d+)\) /.exec(part))) out.push({ code, line, quantifier: m[1]!, k: +m[2]!, n: +m[3]! });
      else if (!/gecodeerd/.test(part)) throw new Error(`unread proposal: ${part}`);
    }
  }
  return out;
}

describe('deelvragen.md of the shipped study', () => {
  it('uses no quantifier that contradicts a claim on the same code and population', () => {
    const all = proposals();
    expect(all.length).toBeGreaterThan(150);
    const population = (line: string) => ({ line, ...(project.settings.comparison?.population?.[line] ?? {}) });
    const same = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
    const bad: string[] = [];
    let checked = 0;
    for (const p of all) {
      for (const f of results.filter((f) => f.codes.length === 1 && f.codes[0] === p.code && f.unit === 'case' && same(f.among, population(p.line)))) {
        checked++;
        expect([f.k, f.n], `${f.id} counts the cell`).toEqual([p.k, p.n]);
        const why = contradiction(project.quantifiers, p.quantifier, f.quantifier, p.k, p.n);
        if (why) bad.push(`${p.code} ${p.line}: ${why} (${f.id})`);
      }
    }
    expect(bad).toEqual([]);
    // by hand: the BOTOC claims on single codes per case (28), and overig-capaciteit-veel, overig-ipta-diverse,
    // each counted once per sub-question its code answers — at least the overig ones must be among them
    expect(checked).toBeGreaterThan(30);
    expect(all.some((p) => p.code === 'capaciteit' && p.line === 'overig' && p.quantifier === 'veel' && p.k === 4 && p.n === 6)).toBe(true);
  });

  it('DV1 says de meeste for no cooperation (6 of 8) and enkele for AVG and incidental funding (3 of 8)', () => {
    const dv1 = section('DV1');
    expect(dv1).toContain('| de meeste (6 van 8) van de BOTOC-gemeenten; ongeveer de helft (3 van 6) van de overige gemeenten |');
    expect(dv1).toMatch(/\| avg-privacy \|[^\n]*\| enkele \(3 van 8\) BOTOC-gemeenten;/);
    expect(dv1).toMatch(/\| incidentele-financiering \|[^\n]*\| enkele \(3 van 8\) BOTOC-gemeenten \|/);
  });

  it('counts overig as the claims do: the 6 municipalities, RIEC and JenV left out and named', () => {
    expect(md).toContain('Populatie per onderzoekslijn: botoc n = 8, overig n = 6, verdiepend n = 7, internationaal n = 10.');
    expect(md).toContain('Niet in de populatie van overig (die telt alleen cases met kind = gemeente): Ministerie van Justitie en Veiligheid (programma IPTA), RIEC Oost-Nederland.');
  });

  it('leads DV5 with alle for the municipality’s lead and de meeste for absent or thin cooperation, with claim ids', () => {
    const lead = section('DV5').split('\n| code |')[0]!;
    const items = lead.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(items[0]).toMatch(/^1\. \*\*alle\*\* \(13 van 13, aanpak=gemeentelijk\): .* — `dv5-regie-alle-gemeenten` ✓$/);
    expect(items[1]).toMatch(/^2\. \*\*de meeste\*\* \(8 van 13, aanpak=gemeentelijk\): .* — `dv5-samenwerking-beperkt-meeste` ✓$/);
    expect(items[2]).toMatch(/^3\. \*\*enkele\*\* \(4 van 13, aanpak=gemeentelijk\): .* — `dv5-beide-afdelingen-enkele` ✓$/);
  });

  it('leads DV3 with the two tracks, not as a minority view', () => {
    const lead = section('DV3').split('\n| code |')[0]!;
    expect(lead).toContain('1. **Samenwerking veiligheid en sociaal domein versterken** (`samenwerking-versterken`) — conclusie van de onderzoekers; onderbouwd in: ams-02#12, ehv-02#11');
    expect(lead).toMatch(/2\. \*\*de meerderheid\*\* \(5 van 8, line=botoc\): .* `botoc-meerderheid-coaches-en-ondernemers` ✓/);
    expect(section('DV3')).not.toMatch(/\| samenwerking-versterken \|/);
  });

  it('lists the researchers’ recommendations with their evidence and never with a count', () => {
    const marked = project.codebook.codes.filter((c) => c.kind === 'recommendation' || c.kind === 'conclusion').map((c) => c.id);
    expect(marked).toHaveLength(13);
    for (const id of marked) {
      // no table row, and wherever named: the researchers' words and the segments, no "k van n"
      expect(md, id).not.toMatch(new RegExp(`^\\| ${id} \\|`, 'm'));
      // every line naming it (lead, list, "weggenomen door"), read from the id to the end of its entry
      for (const l of md.split('\n').filter((l) => l.includes(`\`${id}\``))) {
        const at = l.slice(l.indexOf(`\`${id}\``));
        expect(at.split(';').slice(0, 2).join(';'), id).not.toMatch(/\d+ van (de )?\d+|\d+\/\d+/);
      }
    }
    const dv7 = section('DV7');
    expect(dv7).toContain('4. **Externe partijen aanvullend op W&I betrekken** (`externe-partijen-aanvullend`) — aanbeveling van de onderzoekers; onderbouwd in: zvhm-01#4');
    expect(dv7).not.toContain('één van de 7 organisaties in de verdiepende gesprekken | zvhm-01#4');
  });
});
