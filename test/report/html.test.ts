/**
 * index.html, read as a document (linkedom, no browser): every case and code of the shipped study is
 * named, the heatmap's counts are the matrix's (cells checked against the corpus by hand), totals add
 * up, each cell with segments has its fragment, nothing is loaded from elsewhere, one language; and a
 * large generated corpus stays under 3 MB.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { buildReports } from '../../src/report/bundle.js';
import { projectSettings } from '../../src/io/project-file.js';
import { loadProject } from '../../src/io/read.js';
import { scriptJson } from '../../src/report/html/escape.js';
import type { Project } from '../../src/core/model.js';
import { repoRoot, tempDir, writeFiles } from '../helpers/run.js';
import { largeStudy } from './html-large.js';

const load = (cwd: string) => loadProject({ cwd, corpus: 'corpus', codebook: 'codebook', settings: projectSettings({ cwd }) });
function indexOf(project: Project): string {
  const file = buildReports(project).files.find((f) => f.name === 'index.html')!;
  return 'content' in file && typeof file.content === 'string' ? file.content : '';
}

const project = load(repoRoot);
const html = indexOf(project);
const { document } = parseHTML(html);
const texts = (selector: string) => [...document.querySelectorAll(selector)].map((e) => (e.textContent ?? '').trim());
/** A heatmap cell's counts (segments, respondents, presence) from its data-v; null for an empty cell. */
function cell(caseId: string, code: string): number[] | null {
  const a = document.querySelector(`table.hm a[href="#cell=${caseId}/${code}"]`);
  return a ? a.parentElement!.getAttribute('data-v')!.split(' ').map(Number) : null;
}
/** The totals of a code's row: the subtotal of each group of cases, then the row total (segments). */
function rowTotals(code: string): number[] {
  const row = document.querySelector(`table.hm a[href="#code=${code}"]`)!.closest('tr')!;
  return [...row.querySelectorAll('td.t')].map((td) => Number(td.textContent));
}

describe('index.html of the shipped study', () => {
  it('is the committed reports/index.html', () => {
    expect(readFileSync(path.join(repoRoot, 'reports/index.html'), 'utf8')).toBe(html);
  });

  it('names every case (its name, as a column) and every code (its label, as a row)', () => {
    const cases = project.corpus.cases.map((c) => c.attrs.name!);
    expect(cases).toHaveLength(32);
    expect(texts('table.hm th.case').sort()).toEqual([...cases].sort());
    const labels = project.codebook.codes.map((c) => c.label);
    expect(labels).toHaveLength(125);
    expect(texts('table.hm tbody th[scope="row"]').sort()).toEqual([...labels].sort());
  });

  it('groups the columns by research line, comparison groups first, with their labels', () => {
    // overig: the 5 municipalities of comparison.population (kind gemeente), then RIEC and JenV outside it
    expect(texts('table.hm th.grp')).toEqual(['BOTOC (8)', 'overig (5)', 'overig, buiten de populatie (2)', 'verdiepend (7)', 'internationaal (10)']);
    expect(texts('table.hm th.case').slice(0, 9)).toEqual(['Amsterdam', 'Arnhem', 'Den Haag', 'Eindhoven', 'Rotterdam', 'Tilburg', 'Utrecht', 'Zaanstad', 'Capelle aan den IJssel']);
  });

  it('names the axis it groups by, and the document that counts under a case of another line', () => {
    const notes = texts('#heatmap p.meta');
    expect(notes[0]).toContain('gegroepeerd naar onderzoekslijn;');
    // ehv-ov-01 has line: overig in its front matter; its case Eindhoven is BOTOC (corpus/cases.yaml)
    expect(notes[1]).toBe('Een document met een eigen onderzoekslijn telt in de kolom van zijn case: ehv-ov-01 (overig) bij Eindhoven (BOTOC).');
  });

  it('counts cells as the matrix does, checked by hand against the corpus', () => {
    // vog-drempel in Rotterdam: rdam-02 lines 92, 97 and 103, all spoken by R2.
    expect(cell('rotterdam', 'vog-drempel')).toEqual([3, 1, 1]);
    // coaches-jongerenwerkers in Amsterdam: ams-01 lines 22 and 99 (R2) and ams-plan line 32 (a plan: no respondent).
    expect(cell('amsterdam', 'coaches-jongerenwerkers')).toEqual([3, 1, 1]);
    // capaciteit in Utrecht: utr-01 line 76 (R1); none in Leiden.
    expect(cell('utrecht', 'capaciteit')).toEqual([1, 1, 1]);
    expect(cell('leiden', 'capaciteit')).toBeNull();
    expect(document.querySelector('table.hm a[href="#cell=utrecht/capaciteit"]')!.parentElement!.className).toBe('h2');
  });

  it('adds up rows and columns: capaciteit in all 8 BOTOC cases, 4 of 5 overig municipalities (not Leiden) and JenV, 13 segments; 553 in all', () => {
    expect(rowTotals('capaciteit')).toEqual([8, 4, 1, 0, 0, 13]);
    const foot = [...document.querySelectorAll('table.hm tfoot td')];
    expect(Number(foot[0]!.textContent)).toBe(45); // Amsterdam: 45 coded segments (compare --format json totals)
    expect(Number(foot.at(-1)!.textContent)).toBe(553);
    // presence: the row total is the number of cases with the code
    const total = document.querySelector('table.hm a[href="#code=capaciteit"]')!.closest('tr')!.querySelector('td.t:last-child')!;
    expect(total.getAttribute('data-v')).toBe('13 13 13');
  });

  it('links every cell with segments to its fragment, and every code and case to theirs', () => {
    const cells = [...document.querySelectorAll('table.hm td a[href^="#cell="]')];
    expect(cells.reduce((n, a) => n + Number(a.textContent), 0)).toBe(553);
    expect(document.querySelectorAll('table.hm a[href^="#code="]')).toHaveLength(125);
    expect(document.querySelectorAll('table.hm a[href^="#case="]')).toHaveLength(32);
  });

  it('embeds the segments once, as JSON with no "<" that could end the script', () => {
    const json = document.getElementById('werkscan-data')!.textContent!;
    expect(json).not.toMatch(/</);
    const data = JSON.parse(json) as { segs: unknown[][]; claims: unknown[][] };
    expect(data.segs).toHaveLength(553);
    expect(data.claims).toHaveLength(121);
    expect(scriptJson({ t: '</script><!--' })).toBe('{"t":"\\u003c/script\\u003e\\u003c!--"}');
  });

  it('loads nothing from elsewhere', () => {
    expect(html).not.toMatch(/\s(src|href)="?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b|<script[^>]*\bsrc=|@import|url\(/i);
    expect(document.querySelectorAll('script')).toHaveLength(2);
  });

  it('shows the findings with their mark and margin, and the group comparison with a legend', () => {
    const row = document.getElementById('claim-botoc-capaciteit-alle')!;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['✓', '2.2.1', expect.stringContaining('gebrek aan capaciteit'), 'alle', '8/8', '1 (exact)', 'case']);
    expect(texts('#deelvragen .legend span')).toEqual(['BOTOC (n = 8)', 'overig (n = 6)', 'verdiepend (n = 7)', 'internationaal (n = 10)']);
  });

  it('is Dutch throughout: no English heading, label or button', () => {
    const words = texts('h1, h2, h3, h4, th, legend, label, summary, button, .legend b, .card').join(' | ');
    expect(words).not.toMatch(/\b(Findings|Answers|Frequencies|Codes per code|segments|respondents|documents|total|Count|present|Close|Colour|claims|by|the|with)\b/);
    expect(words).toContain('Bevindingen van het rapport');
    expect(words).toContain('segmenten');
  });
});

describe('index.html of a large corpus', () => {
  it('stays under 3 MB for 50 cases × 150 codes × 5,000 segments', () => {
    const dir = tempDir();
    writeFiles(dir, largeStudy(50, 150, 5000));
    const big = indexOf(load(dir));
    const { document: doc } = parseHTML(big);
    expect(doc.querySelectorAll('table.hm th.case')).toHaveLength(50);
    expect(doc.querySelectorAll('table.hm tbody th[scope="row"]')).toHaveLength(150);
    expect((JSON.parse(doc.getElementById('werkscan-data')!.textContent!) as { segs: unknown[] }).segs).toHaveLength(5000);
    const bytes = Buffer.byteLength(big);
    console.log(`index.html of 50 cases × 150 codes × 5,000 segments: ${(bytes / 1e6).toFixed(2)} MB`);
    expect(bytes).toBeLessThan(3_000_000);
  }, 60_000);
});
