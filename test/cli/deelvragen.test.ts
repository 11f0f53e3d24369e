/** Issue #13.6: reports/deelvragen.md degrades honestly when cases have no `line`. */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { starterCopy, werkscan, writeFiles } from '../helpers/run.js';

const edit = (dir: string, rel: string, f: (s: string) => string) => writeFiles(dir, { [rel]: f(readFileSync(path.join(dir, rel), 'utf8')) });

async function deelvragen(dir: string): Promise<string> {
  const r = await werkscan(['code'], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return readFileSync(path.join(dir, 'reports/deelvragen.md'), 'utf8');
}

describe('deelvragen.md without research lines', () => {
  it('no `line` anywhere: says so, and states no k/n nor wording next to the evidence', async () => {
    const dir = starterCopy();
    edit(dir, 'corpus/cases.yaml', (s) => s.replace(/, line: [a-z]+/g, ''));
    // [^\n], not `.`: leiden-01 has CRLF line ends.
    for (const f of ['ams-03', 'leiden-01']) edit(dir, `corpus/interviews/${f}.md`, (s) => s.replace(/^line: [^\n]*\n/m, ''));
    rmSync(path.join(dir, 'codebook/findings.yaml')); // its claims filter on line
    rmSync(path.join(dir, 'werkscan.yaml')); // its comparison axis is line (an axis no case has is a lint error)
    const md = await deelvragen(dir);
    expect(md).not.toContain('Populatie per');
    expect(md).not.toContain('nergens gecodeerd');
    expect(md).toContain('Geen vergelijkingsas: `werkscan.yaml` noemt geen `comparison.axis`, dus geen k/n per groep en geen voorgestelde formulering.');
    expect(md).toContain(
      ['| code | factor | bewijs |', '|---|---|---|', '| capaciteit | Te weinig capaciteit | ams-01#1 ams-01#2 ams-02#2 (+1) |', '| avg-privacy | Privacyregels beperken gegevensdeling | ams-01#4 |'].join('\n'),
    );
  });

  it('one case without `line`: names what is left out, and a code coded only there is not "nergens gecodeerd"', async () => {
    const dir = starterCopy();
    edit(dir, 'corpus/cases.yaml', (s) => s.replace('zaanstad: { name: Zaanstad, kind: gemeente, line: botoc,', 'zaanstad: { name: Zaanstad, kind: gemeente,'));
    const md = await deelvragen(dir);
    // botoc: amsterdam (ams-01, ams-02); overig: amsterdam through ams-03's own `line`, and leiden.
    expect(md).toContain('Populatie per groep: botoc n = 1, overig n = 2.\n\nZonder `line` en dus in geen kolom per groep geteld: 1 document, van case zaanstad.\n');
    expect(md).toContain('| capaciteit | Te weinig capaciteit | 1/1 | 0/2 | alle 1 BOTOC-gemeenten (`capaciteit-alle-botoc`) | ams-01#1 ams-01#2 ams-02#2 (+1) |');
    expect(md).toContain('| werk-genoemd | Werk genoemd in het plan | 0/1 | 0/2 | in geen groep gecodeerd (alleen in documenten zonder `line`) | plannen/zaanstad-plan#1 |');
    expect(md).not.toContain('nergens gecodeerd');
  });

  it('the starter as shipped (every case has a line) says nothing about missing lines', async () => {
    const md = await deelvragen(starterCopy());
    expect(md).toContain('Populatie per groep: botoc n = 2, overig n = 2.\n\n## DV1');
  });
});

describe('comparison.group_word: what the reports call a group of the axis', () => {
  it('the project file\'s word, in deelvragen.md, vergelijking-lijnen.md and index.html', async () => {
    const dir = starterCopy();
    edit(dir, 'werkscan.yaml', (s) => s.replace('  axis: line\n', '  axis: line\n  group_word: { singular: wijktype, plural: wijktypen }\n'));
    const md = await deelvragen(dir);
    expect(md).toContain('het aantal cases per wijktype waarin');
    expect(md).toContain('Populatie per wijktype: botoc n = 2, overig n = 2.');
    expect(readFileSync(path.join(dir, 'reports/vergelijking-lijnen.md'), 'utf8')).toMatch(/^## Wijktypen naast elkaar \(cases met de code\)/m);
    expect(readFileSync(path.join(dir, 'reports/index.html'), 'utf8')).toContain('Balk: per wijktype het aandeel cases met de code');
  });

  it('without it: "groep" (and "group" in English), never the reference study\'s "onderzoekslijn"', async () => {
    const dir = starterCopy();
    const nl = await deelvragen(dir);
    expect(readFileSync(path.join(dir, 'reports/vergelijking-lijnen.md'), 'utf8')).toMatch(/^## Groepen naast elkaar/m);
    expect(nl + readFileSync(path.join(dir, 'reports/index.html'), 'utf8')).not.toMatch(/onderzoekslijn|\blijn\b/);
    edit(dir, 'werkscan.yaml', (s) => s.replace(/^language: nl$/m, 'language: en'));
    expect(await deelvragen(dir)).toContain('Population per group: botoc n = 2, overig n = 2.');
  });

  it('exit 2 with the place in werkscan.yaml: an empty form, a key it does not know', async () => {
    const dir = starterCopy();
    edit(dir, 'werkscan.yaml', (s) => s.replace('  axis: line\n', '  axis: line\n  group_word: { singular: "", plural: wijken }\n'));
    const empty = await werkscan(['code'], dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/werkscan\.yaml:\d+:\d+: .*group_word.*singular.* is empty/);
    edit(dir, 'werkscan.yaml', (s) => s.replace('{ singular: "", plural: wijken }', '{ enkelvoud: wijk, plural: wijken }'));
    const unknown = await werkscan(['code'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown key `enkelvoud` in `comparison.group_word`');
  });
});

