/**
 * Loading and filters (docs/rules.md): a --where value nothing has, files in the corpus werkscan does not
 * read, and every broken file of a run reported at once — in memory and document by document (--jobs 2,
 * whose workers run the built dist/: npm test builds first).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, repoRoot, starterCopy, werkscan, werkscanBin, writeFiles } from '../helpers/run.js';

describe('--where with a value nothing has', () => {
  it('exits 2 naming the values there are and the closest, in memory and document by document', async () => {
    const dir = starterCopy();
    for (const [value, closest] of [
      ['BOTOC', 'botoc'],
      ['botc', 'botoc'],
      ['overg', 'overig'],
    ]) {
      const r = await werkscan(['freq', '--where', `line=${value}`], dir);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `werkscan: --where line=${value}: no case, document or respondent has line "${value}"\n` +
          `  values of line: botoc, overig; closest: ${closest} (values match exactly, capitals included)\n`,
      );
      const streamed = werkscanBin(['freq', '--where', `line=${value}`, '--jobs', '2'], dir);
      expect({ code: streamed.code, stderr: streamed.stderr }).toEqual({ code: 2, stderr: r.stderr });
    }
  });

  it('takes values of respondents and documents as well as of cases, and still matches exactly', async () => {
    const dir = starterCopy();
    // `domain` is a respondent attribute, `line: overig` also stands in ams-03's front matter
    const r = await werkscan(['freq', '--where', 'domain=jeugd', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { population: { respondents: number } }).population.respondents).toBe(1);
    expect((await werkscan(['compare', '--where', 'domain=Jeugd'], dir)).stderr).toMatch(/values of domain: jeugd, veiligheid, werk-inkomen; closest: jeugd/);
  });
});

describe('files werkscan does not read', () => {
  const unread = ['interviews/ams-04.docx', 'interviews/ams-05.pdf', 'plannen/leiden-plan.odt'];

  it('every command that reads the corpus warns once on stderr, naming them', async () => {
    const dir = starterCopy();
    writeFiles(dir, Object.fromEntries(unread.map((f) => [`corpus/${f}`, 'PK…'])));
    const warning =
      'werkscan: warning: 3 files in the corpus not read: corpus/interviews/ams-04.docx, corpus/interviews/ams-05.pdf, corpus/plannen/leiden-plan.odt; ' +
      'werkscan reads only .md and .txt (`werkscan ingest` converts them into documents; move the originals out of the corpus folder)\n';
    for (const args of [['freq'], ['compare'], ['cooccur'], ['findings'], ['agree', '--auto', 'corpus']]) {
      const r = await werkscan(args, dir);
      expect(r.code, args[0]).toBe(0);
      expect(r.stderr, args[0]).toBe(warning);
    }
    expect(werkscanBin(['freq', '--jobs', '2'], dir)).toMatchObject({ code: 0, stderr: warning });
    // `code` prints its lint warnings on stderr: one per file, as `lint` does
    const perFile = unread.map((f) => `corpus/${f}:1: warning: not read: werkscan reads only .md and .txt files; \`werkscan ingest\` converts it into a document (then move the original out of the corpus folder) [unread-file]\n`).join('');
    expect(await werkscan(['code', '--out', 'out'], dir)).toMatchObject({ code: 0, stderr: perFile });
    expect(werkscanBin(['code', '--out', 'streamed', '--jobs', '2'], dir)).toMatchObject({ code: 0, stderr: perFile });
  });

  it('names the first five when there are more, and how many more', async () => {
    const dir = starterCopy();
    writeFiles(dir, Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`corpus/scans/p${i}.pdf`, '%PDF'])));
    const r = await werkscan(['freq'], dir);
    expect(r.stderr).toBe(
      'werkscan: warning: 8 files in the corpus not read: corpus/scans/p0.pdf, corpus/scans/p1.pdf, corpus/scans/p2.pdf, corpus/scans/p3.pdf, corpus/scans/p4.pdf and 3 more; ' +
        'werkscan reads only .md and .txt (`werkscan ingest` converts them into documents; move the originals out of the corpus folder)\n',
    );
  });

  it('lint lists each as a warning (and exits 0), README files and cases.yaml aside', async () => {
    const dir = starterCopy();
    writeFiles(dir, { ...Object.fromEntries(unread.map((f) => [`corpus/${f}`, 'PK…'])), 'corpus/README.md': '# over dit corpus\n', 'corpus/plannen/readme.txt': 'x' });
    const r = await werkscan(['lint'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n').filter((l) => l.includes('[unread-file]'));
    expect(lines).toEqual(
      unread.map((f) => `corpus/${f}:1: warning: not read: werkscan reads only .md and .txt files; \`werkscan ingest\` converts it into a document (then move the original out of the corpus folder) [unread-file]`),
    );
    expect(r.stdout).toMatch(/^0 errors, 3 warnings/m);
  });
});

describe('every broken file of a run', () => {
  const broken = {
    'corpus/a.md': '---\ntype: plan\ncase: [leiden\n---\nTekst\n',
    'corpus/b.md': '# geen front matter\n',
    'corpus/c/d.md': '---\ntype: plan\ncase: [leiden]\n---\nTekst\n',
  };
  const expected = [
    /^werkscan: corpus\/a\.md:4:1: invalid YAML: .*\n  expected valid YAML.*\n/,
    /^werkscan: corpus\/b\.md:1:1: front matter missing\n  expected the file to start .*\n/,
    /^werkscan: corpus\/c\/d\.md:3:7: `case` must be a text value\n  expected a single value, not a list or mapping\n/,
    /^werkscan: 3 files could not be read or parsed\n$/,
  ];

  it('reports three broken front matters in one run, each with file:line:column, exit 2', async () => {
    const dir = starterCopy();
    writeFiles(dir, broken);
    const r = await werkscan(['freq'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    let rest = r.stderr;
    for (const re of expected) {
      const m = re.exec(rest);
      expect(m, rest).not.toBeNull();
      rest = rest.slice(m![0].length);
    }
    expect(rest).toBe('');
    expect(hasStackTrace(r.stderr)).toBe(false);
    for (const args of [['lint'], ['code']]) expect(await werkscan(args, dir)).toEqual({ code: 2, stdout: '', stderr: r.stderr });
    for (const args of [['freq'], ['code']]) expect(werkscanBin([...args, '--jobs', '2'], dir)).toEqual({ code: 2, stdout: '', stderr: r.stderr });
  });

  it('lists the first 50, then how many more', async () => {
    const dir = starterCopy();
    writeFiles(dir, Object.fromEntries(Array.from({ length: 53 }, (_, i) => [`corpus/kapot/${String(i).padStart(2, '0')}.md`, 'geen front matter\n'])));
    const r = await werkscan(['freq'], dir);
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n');
    expect(lines.filter((l) => /^werkscan: corpus\/kapot\/\d\d\.md:1:1: front matter missing$/.test(l))).toHaveLength(50);
    expect(lines.at(-2)).toBe('werkscan: … and 3 more; 53 files could not be read or parsed');
    expect(werkscanBin(['freq', '--jobs', '2'], dir).stderr).toBe(r.stderr);
  });

  it('reports broken files of the codebook folder with those of the corpus', async () => {
    const dir = starterCopy();
    writeFiles(dir, { 'corpus/b.md': '# geen front matter\n', 'codebook/findings.yaml': 'findings:\n  - id: [x\n' });
    const r = await werkscan(['freq'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^werkscan: corpus\/b\.md:1:1: front matter missing\n(.*\n)+werkscan: codebook\/findings\.yaml:\d+:\d+: invalid YAML/);
  });
});

describe('the YAML parse cache', () => {
  it('is turned off for worker threads too by run({ env }), not only by the process environment', async () => {
    const { run } = (await import(pathToFileURL(path.join(repoRoot, 'dist/cli.js')).href)) as typeof import('../../src/cli.js');
    const { entryName } = await import('../../src/io/cache.js');
    const dir = starterCopy();
    // front matter with a comment goes past the fast path to the yaml library (and so to the cache);
    // `code` works only in workers, and a nonce makes the texts new to the cache
    const nonce = `${process.pid}-${Date.now()}`;
    const yamls = Array.from({ length: 4 }, (_, i) => `id: extra-${i}\ntype: plan\ncase: leiden # ${nonce}\n`);
    writeFiles(dir, Object.fromEntries(yamls.map((y, i) => [`corpus/extra/p${i}.md`, `---\n${y}---\nTekst.\n`])));
    const sink = { text: '', write: (s: string) => ((sink.text += s), true) };
    const code = await run({ argv: ['code', '--jobs', '2', '--out', 'out'], cwd: dir, env: { WERKSCAN_CACHE: '0' }, stdout: sink, stderr: sink });
    expect(code, sink.text).toBe(0);
    const cacheDir = path.join(repoRoot, 'node_modules/.cache/werkscan');
    expect(yamls.filter((y) => existsSync(path.join(cacheDir, entryName(y))))).toEqual([]);
    expect(readFileSync(path.join(dir, 'out/segments.csv'), 'utf8')).not.toBe('');
  });
});
