/**
 * deelvragen.md in the report's own words where the report has them (#16.1, partly): a cell that a
 * claim of findings.yaml covers (one code, the comparison's unit, the axis value alone) takes the claim's
 * quantifier and names it; each sub-question lists the claims on its codes, DV5's lead claims included.
 */
import { describe, expect, it } from 'vitest';
import { evaluateFindings } from '../../src/core/claims/evaluate.js';
import { buildReports } from '../../src/report/bundle.js';
import { projectSettings } from '../../src/io/project-file.js';
import { loadProject } from '../../src/io/read.js';
import { repoRoot } from '../helpers/run.js';

const project = loadProject({ cwd: repoRoot, corpus: 'corpus', codebook: 'codebook', settings: projectSettings({ cwd: repoRoot }) });
const md = (buildReports(project).files.find((f) => f.name === 'deelvragen.md') as { content: string }).content;
const section = (id: string) => md.slice(md.indexOf(`## ${id} `), md.indexOf('\n## ', md.indexOf(`## ${id} `) + 1));

describe('deelvragen.md and the claims', () => {
  it('DV5 states alle for the lead and de meeste for absent or thin cooperation, each with its claim id', () => {
    const dv5 = section('DV5');
    expect(dv5).toContain('- `gemeentelijke-regie`: alle (13 van 13, aanpak=gemeentelijk) — `dv5-regie-alle-gemeenten` ✓');
    expect(dv5).toContain('- `geen-samenwerking-wi`: de meeste (8 van 13, aanpak=gemeentelijk) — `dv5-samenwerking-beperkt-meeste` ✓');
    expect(dv5).toContain('- `samenwerking-wi-geinvesteerd`: enkele (4 van 13, aanpak=gemeentelijk) — `dv5-beide-afdelingen-enkele` ✓');
  });

  it('uses the quantifier of every claim that covers a cell, and names it: no proposal contradicts such a claim', () => {
    const results = evaluateFindings(project).findings;
    const covering = results.filter((f) => f.codes.length === 1 && f.unit === 'case' && f.status === 'reproduced' && Object.keys(f.among).join() === 'line');
    expect(covering.length).toBeGreaterThan(20);
    for (const f of covering) {
      const row = md.split('\n').find((l) => l.startsWith(`| ${f.codes[0]} |`));
      expect(row, f.id).toBeDefined();
      expect(row, f.id).toContain(`\`${f.id}\``);
      // the first claim on the cell gives the wording; another on the same cell is named beside it
      const first = covering.find((c) => c.codes[0] === f.codes[0] && c.among.line === f.among.line)!;
      expect(row, f.id).toMatch(new RegExp(`\\| ${first.quantifier} [^|]*\\(\`${first.id}\``));
    }
    // by hand: capaciteit in all 8 BOTOC municipalities, as the claim says
    expect(md).toContain('alle 8 BOTOC-gemeenten (`botoc-capaciteit-alle`)');
  });
});
