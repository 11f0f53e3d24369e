/**
 * reports/werkscan.xlsx (#17.3), read back with a second, independent reader (read-excel-file): every
 * sheet holds the counts the commands print as JSON, all rows; the same project gives the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import readExcelFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReports } from '../../src/report/bundle.js';
import { loadProject } from '../../src/io/read.js';
import { projectSettings } from '../../src/io/project-file.js';
import type { Workbook } from '../../src/report/workbook-model.js';
import { repoRoot, tempDir, werkscan } from '../helpers/run.js';

type Row = (string | number | boolean | Date | null)[];
/** LibreOffice with Calc (Debian: libreoffice-calc-nogui), a third reader of the workbook. */
const calc = spawnSync('soffice', ['--version']).status === 0 && ['/usr/lib/libreoffice/program/libsclo.so'].some((f) => existsSync(f));
const json = async (args: string[]) => {
  const r = await werkscan([...args, '--format', 'json'], repoRoot);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};
/** The rows of a sheet as objects keyed by its header. */
const objects = (data: Row[]) => data.slice(1).map((r) => Object.fromEntries(data[0]!.map((h, i) => [String(h), r[i] ?? null])));

describe('werkscan.xlsx of the shipped study', () => {
  let bytes: Buffer;
  let sheets: { sheet: string; data: Row[] }[];
  const sheet = (name: string) => sheets.find((s) => s.sheet === name)!.data;

  beforeAll(async () => {
    const out = tempDir();
    expect((await werkscan(['code', '--out', out], repoRoot)).code).toBe(0);
    bytes = readFileSync(path.join(out, 'werkscan.xlsx'));
    sheets = (await readExcelFile(bytes)) as typeof sheets;
  }, 60_000);

  it('has a read-me sheet first that names every other sheet', () => {
    expect(sheets.map((s) => s.sheet)).toEqual(['Lees mij', 'Frequenties', 'Matrix', 'Groepen', 'Bevindingen', 'Segmenten', 'Bewijs']);
    expect(sheet('Lees mij').slice(1, 7).map((r) => r[0])).toEqual(sheets.slice(1).map((s) => s.sheet));
  });

  it('is the shipped reports/werkscan.xlsx, byte for byte (a second run, at another time, gives the same bytes)', () => {
    expect(bytes.equals(readFileSync(path.join(repoRoot, 'reports/werkscan.xlsx')))).toBe(true);
  });

  it('Frequenties: every row of freq --format json, numbers as numbers', async () => {
    const freq = await json(['freq']);
    expect(objects(sheet('Frequenties')).map(({ code, label, category, segments, documents, respondents, cases }) => ({ code, label, category, segments, documents, respondents, cases }))).toEqual(freq.rows);
    expect(freq.rows).toHaveLength(125);
  });

  it('Matrix: the counts of compare --format json under the cases\' names, with totals', async () => {
    const m = await json(['compare']);
    const data = sheet('Matrix');
    expect(data[0]!.slice(0, 8)).toEqual(['category', 'code', 'label', 'Amsterdam', 'Arnhem', 'Den Haag', 'Eindhoven', 'Rotterdam']);
    expect(data[0]!.slice(3, -1)).toHaveLength(m.cases.length);
    expect(data[0]!.at(-2)).toBe('Verenigd Koninkrijk');
    const rows = data.slice(1, -1).map((r) => ({ code: r[1], counts: Object.fromEntries(m.cases.map((c: string, i: number) => [c, r[3 + i]])), total: r.at(-1) }));
    expect(rows).toEqual(m.rows);
    expect(data.at(-1)!.slice(3, -1)).toEqual(m.cases.map((c: string) => m.totals[c]));
  });

  it('Groepen: k, n and the share of compare --group-by line --unit case, in columns of their own', async () => {
    const g = await json(['compare', '--group-by', 'line', '--unit', 'case']);
    const values = g.groups.map((x: { value: string }) => x.value);
    const rows = objects(sheet('Groepen'));
    expect(rows.map((r) => r.code)).toEqual(g.rows.map((r: { code: string }) => r.code));
    for (const [i, r] of g.rows.entries()) {
      for (const v of values) {
        const s = r.groups[v];
        expect([rows[i]![`${v} k`], rows[i]![`${v} n`], rows[i]![`${v} %`]], `${r.code} ${v}`).toEqual([s.k, s.n, s.share]);
      }
    }
    // geen-samenwerking-wi: botoc 6/8 = 75%, internationaal 0/10: 75 − 0 = +75 points, a number
    expect(rows[0]!['Δ pp (max − min)']).toBe(75);
  });

  it('Bevindingen: k and n of findings --format json, every claim', async () => {
    const f = await json(['findings']);
    expect(objects(sheet('Bevindingen')).map((r) => ({ id: r.id, k: r.k, n: r.n, status: r.status }))).toEqual(f.findings.map((x: { id: string; k: number; n: number; status: string }) => ({ id: x.id, k: x.k, n: x.n, status: x.status })));
  });

  it('Segmenten and Bewijs hold what segments.csv and evidence.csv hold', () => {
    const csvLines = (name: string) => readFileSync(path.join(repoRoot, 'reports', name), 'utf8').trimEnd().split('\n').length;
    expect(sheet('Segmenten').length).toBe(csvLines('segments.csv'));
    expect(sheet('Bewijs').length).toBe(csvLines('evidence.csv'));
    expect(sheet('Segmenten')[1]!.slice(7, 10)).toEqual([426, 486, 15]);
  });

  it('freezes the header row, sets column widths, and shows shares as percentages', () => {
    const files = unzipSync(new Uint8Array(bytes));
    const groups = strFromU8(files['xl/worksheets/sheet4.xml']!);
    expect(groups).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(groups).toMatch(/<col [^>]*width="/);
    // 0% is Excel's built-in number format 9; the Δ column's is werkscan's own
    expect(strFromU8(files['xl/styles.xml']!)).toMatch(/<xf numFmtId="9" [^>]*applyNumberFormat="1"/);
    expect(strFromU8(files['xl/styles.xml']!)).toContain('formatCode="+0;-0;0"');
    expect(strFromU8(files['docProps/core.xml']!)).toContain('2000-01-01T00:00:00Z');
  });

  it.skipIf(!calc)(`opens in LibreOffice Calc, which shows the numbers in their formats${calc ? '' : ' (skipped: LibreOffice Calc not installed; apt-get install libreoffice-calc-nogui)'}`, () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'w.xlsx'), bytes);
    // CSV of every sheet (-1), UTF-8 (76), cells as shown (the ninth token), one file per sheet.
    const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';
    const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', filter, '--outdir', dir, path.join(dir, 'w.xlsx')], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const csv = (name: string) => readFileSync(path.join(dir, `w-${name}.csv`), 'utf8').trimEnd().split('\n');
    // geen-samenwerking-wi: botoc 6/8 shown as 75%, the Δ column signed; geen-contact-wi-planvorming 5/8 = 62.5% → 63%
    expect(csv('Groepen')[1]).toMatch(/,geen-samenwerking-wi,.*,6,8,75%,3,6,50%,.*,\+75$/);
    expect(csv('Groepen')[2]).toMatch(/,5,8,63%,1,6,17%,/);
    expect(csv('Segmenten')).toHaveLength(sheet('Segmenten').length);
    expect(csv('Lees mij')[0]).toBe(sheet('Lees mij')[0]!.join(','));
  }, 150_000);
});

describe('the segments sheet of a streamed run', () => {
  const project = loadProject({ cwd: repoRoot, corpus: 'corpus', codebook: 'codebook', settings: projectSettings({ cwd: repoRoot }) });
  const segmentsSheet = (rows: Iterable<readonly string[]> & { count: number }) => {
    const auto = { segments: null, termCounts: new Map<string, number>(), findings: null, segmentsParts: [], segmentRows: rows };
    const book = buildReports(project, {}, auto).files.find((f) => f.name === 'werkscan.xlsx') as unknown as { workbook: Workbook };
    return book.workbook.sheets.find((s) => s.name === 'Segmenten')!;
  };

  it('reads the rows from the part files only when they fit a sheet: more than 1,048,575 are not read at all', () => {
    let reads = 0;
    const rows = { count: 1_048_576, [Symbol.iterator]: () => { reads++; return [][Symbol.iterator](); } };
    const sheet = segmentsSheet(rows);
    expect([...sheet.rows]).toEqual([[expect.stringContaining('segments.csv')]]);
    expect(reads).toBe(0);
  });

  it('reads them once for the column widths and once per writing, never keeping them: counts become numbers', () => {
    let reads = 0;
    const row = ['ams-01#1', 'ams-01', 'amsterdam', 'R2', 'rol', 'code', 'manual', '426', '486', '15', 'tekst'];
    const rows = { count: 1, [Symbol.iterator]: () => { reads++; return [row][Symbol.iterator](); } };
    const sheet = segmentsSheet(rows);
    expect(reads).toBe(1);
    expect([...sheet.rows]).toEqual([[...row.slice(0, 7), 426, 486, 15, 'tekst']]);
    expect(reads).toBe(2);
  });
});

