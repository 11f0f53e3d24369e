/** `werkscan code`: writes every report, `--check` notices stale ones, never writes inside the corpus. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, repoRoot, starterCopy, werkscan, werkscanBin, writeFiles } from '../helpers/run.js';

const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

describe('werkscan code', () => {
  it('writes frequency tables, segments, findings and the HTML report, then prints a summary', async () => {
    const dir = starterCopy();
    const before = files(path.join(dir, 'corpus'));
    const r = await werkscan(['code', 'corpus'], dir);
    expect(r.code).toBe(0);
    // segments: capaciteit 4 + avg-privacy 1 + samenwerking-wi 2 + coaches 1 + jobcoach 1 + werk-genoemd 1 = 10
    expect(r.stdout).toContain('5 documents, 4 respondents, 3 cases\n10 coded segments; 6 of 6 codes used\nfindings: 4 reproduced, 0 known discrepancies, 0 failed\n');
    expect(files(path.join(dir, 'reports'))).toEqual([
      '.werkscan-manifest', // what werkscan wrote there, with hashes: it removes only these
      'cooccurrence.csv',
      'deelvragen.md',
      'evidence.csv',
      'findings.md',
      'frequencies.csv',
      'frequencies.md',
      'index.html',
      'matrix.csv',
      'segments.csv',
      'term-matches.csv',
      'vergelijking-lijnen.csv',
      'vergelijking-lijnen.md',
      'werkscan.xlsx',
    ]);
    // every cell of the matrix traces to its segments
    expect(readFileSync(path.join(dir, 'reports/evidence.csv'), 'utf8').split('\n').slice(0, 3)).toEqual([
      'code,case,segments,ids',
      'capaciteit,amsterdam,3,ams-01#1 ams-01#2 ams-02#2',
      'capaciteit,zaanstad,1,plannen/zaanstad-plan#2',
    ]);
    expect(readFileSync(path.join(dir, 'reports/deelvragen.md'), 'utf8')).toContain('| capaciteit | Te weinig capaciteit | 2/2 | 0/2 | alle 2 BOTOC-gemeenten (`capaciteit-alle-botoc`) | ams-01#1 ams-01#2 ams-02#2 (+1) |');
    // nothing added to the corpus, and no temp files left
    expect(files(path.join(dir, 'corpus'))).toEqual(before);

    const seg = readFileSync(path.join(dir, 'reports/segments.csv'), 'utf8').split('\n');
    expect(seg[0]).toBe('id,document,case,respondent,role,code,source,start,end,line,text');
    // ams-01: "I: Wat houdt jullie tegen? " is 27 code points, then the interviewer's span (line 10)
    expect(seg[1]).toBe('ams-01#1,ams-01,amsterdam,I,,capaciteit,manual,27,50,10,"Capaciteit, neem ik aan"');
    expect(seg).toContain('ams-02#1,ams-02,amsterdam,R1,programmamanager,jobcoach,manual,31,57,9,een jobcoach bij de bakker');
    // ams-02: "I: Hoe gaat het nu?\n" (20) + "R1: Beter: " (11) = 31; the span is 26 code points; body line 9
    // automatic coding: whole sentences of respondents' turns (never the interviewer's) that hold a term
    expect(seg).toContain('ams-01~1,ams-01,amsterdam,R1,programmamanager,capaciteit,auto,55,106,11,We hebben te weinig jongerenwerkers voor de wijken.');
    expect(seg.filter((l) => l.includes(',auto,')).length).toBe(8);
    expect(readFileSync(path.join(dir, 'reports/term-matches.csv'), 'utf8')).toBe(
      [
        'code,term,surface,count',
        'capaciteit,capaciteit,capaciteit,2', // ams-02 R1 and the zaanstad plan; the interviewer's "Capaciteit" is not coded
        'capaciteit,te weinig jongerenwerkers,te weinig jongerenwerkers,1',
        'avg-privacy,AVG,avg,1',
        'samenwerking-wi,casusoverleg,casusoverleg,1',
        'coaches,jongerenwerker*,jongerenwerkers,1',
        'jobcoach,jobcoach*,jobcoach,1',
        'werk-genoemd,werk,werk,1',
        '',
      ].join('\n'),
    );
    const freq = readFileSync(path.join(dir, 'reports/frequencies.csv'), 'utf8');
    expect(freq.split('\n')[1]).toBe('capaciteit,Te weinig capaciteit,belemmerend-gemeente,belemmerend,DV1,4,3,1,2');
    const html = readFileSync(path.join(dir, 'reports/index.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script[^>]*\ssrc=|<link|src="http/);
  });

  it('--check passes on current reports and fails (exit 1) on stale or missing ones, writing nothing', async () => {
    const dir = starterCopy();
    await werkscan(['code'], dir);
    expect((await werkscan(['code', '--check'], dir)).code).toBe(0);
    writeFiles(dir, { 'corpus/interviews/ams-02.md': readFileSync(path.join(dir, 'corpus/interviews/ams-02.md'), 'utf8').replace('{.jobcoach}', '{.coaches}') });
    const stale = await werkscan(['code', '--check'], dir);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('reports/frequencies.md: out of date');
    expect(stale.stderr).toContain('reports/segments.csv: out of date');
    const missing = await werkscan(['code', '--check', '--out', 'elders'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('elders/frequencies.md: missing\n');
    expect(existsSync(path.join(dir, 'elders'))).toBe(false);
  });

  it('removes a report it no longer writes (findings.md once findings.yaml is gone), and --check names it first', async () => {
    const dir = starterCopy();
    await werkscan(['code'], dir);
    expect(existsSync(path.join(dir, 'reports/findings.md'))).toBe(true);
    writeFiles(dir, { 'reports/notities.md': 'eigen aantekeningen\n' });
    rmSync(path.join(dir, 'codebook/findings.yaml'));
    const check = await werkscan(['code', '--check'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('reports/findings.md: no longer written (remove it)');
    const r = await werkscan(['code'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('removed findings.md: no longer written');
    expect(existsSync(path.join(dir, 'reports/findings.md'))).toBe(false);
    expect(readFileSync(path.join(dir, 'reports/notities.md'), 'utf8')).toBe('eigen aantekeningen\n'); // not werkscan's: kept
    expect((await werkscan(['code', '--check'], dir)).code).toBe(0);
  });

  it('removes temporary files a killed run left in reports/, and only those', async () => {
    const dir = starterCopy();
    const gone = 9_999_999; // above any system's largest process id: no such process
    const left = `.segments.csv.${gone}.lx3k9a.tmp`;
    const live = `.segments.csv.${process.pid}.lx3k9b.tmp`; // a run still writing (this process)
    writeFiles(dir, { [`reports/${left}`]: 'half a file', [`reports/${live}`]: 'being written', 'reports/.notes.tmp': 'mine' });
    expect((await werkscan(['code'], dir)).code).toBe(0);
    expect(existsSync(path.join(dir, 'reports', left))).toBe(false);
    expect(existsSync(path.join(dir, 'reports', live))).toBe(true);
    expect(existsSync(path.join(dir, 'reports/.notes.tmp'))).toBe(true);
  });

  it('refuses to write reports inside the corpus or the codebook (exit 2)', async () => {
    const dir = starterCopy();
    for (const out of ['corpus/reports', 'codebook', 'corpus']) {
      const r = await werkscan(['code', '--out', out], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/refusing to write reports into the (corpus|codebook) folder/);
    }
    expect(existsSync(path.join(dir, 'corpus/reports'))).toBe(false);
  });

  it('says which output folder it cannot make (exit 2): under a file, under a dangling link', async () => {
    const dir = starterCopy();
    writeFileSync(path.join(dir, 'a-file'), 'x');
    symlinkSync(path.join(dir, 'missing'), path.join(dir, 'dangling'));
    for (const [out, code] of [['a-file/reports', 'ENOTDIR'], ['dangling/reports', 'ENOENT']] as const) {
      const r = await werkscan(['code', '--out', out], dir);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`werkscan: cannot create folder ${path.join(dir, out)} (${code})`);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
  });

  // Node 20's mkdirSync(…, { recursive: true }) spins forever below /proc; run the binary with a time limit.
  it.skipIf(!existsSync('/proc/self'))('gives up on an output folder below /proc instead of spinning (exit 2)', () => {
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/werkscan.js'), 'code', '--out', '/proc/werkscan-reports'], { cwd: starterCopy(), encoding: 'utf8', timeout: 30_000 });
    expect(r.signal, 'killed after 30 s: the folder check loops').toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('werkscan: cannot create folder /proc/werkscan-reports (ENOENT)');
  });

  it('runs as the built binary, with --version and --help', () => {
    const dir = starterCopy();
    const r = werkscanBin(['code'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/wrote 13 files to reports\//);
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(werkscanBin(['--version'], dir).stdout.trim()).toBe(pkg.version);
    const help = werkscanBin(['freq', '--help'], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:\n  werkscan freq --by category');
  });
});
