/** REFI-QDA export: valid against the schemas, positions in code points, the same bytes every time. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/io/zip.js';
import { repoRoot, starterCopy, tempDir, werkscan } from '../helpers/run.js';

/** Read the entries of a ZIP written with stored (uncompressed) entries. */
function unzipStored(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let at = 0;
  while (buf.readUInt32LE(at) === 0x04034b50) {
    expect(buf.readUInt16LE(at + 8)).toBe(0); // stored
    const size = buf.readUInt32LE(at + 18);
    const nameLength = buf.readUInt16LE(at + 26);
    const extra = buf.readUInt16LE(at + 28);
    const name = buf.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const data = buf.subarray(at + 30 + nameLength + extra, at + 30 + nameLength + extra + size);
    expect(crc32(data)).toBe(buf.readUInt32LE(at + 14));
    out.set(name, data);
    at += 30 + nameLength + extra + size;
  }
  return out;
}

const xmllint = spawnSync('xmllint', ['--version']).status === 0;
const schemas = path.join(repoRoot, 'test/fixtures/refi-qda');
function validate(file: string, schema: string) {
  const r = spawnSync('xmllint', ['--noout', '--schema', path.join(schemas, schema), file], { encoding: 'utf8' });
  expect(r.stderr.trim()).toBe(`${file} validates`);
}

describe('werkscan export', () => {
  it('CRC-32 gives the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('qdc: categories hold their codes, children under their parent, sub-questions as sets', async () => {
    const dir = starterCopy();
    const r = await werkscan(['export', 'qdc', '--out', 'cb.qdc'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('wrote cb.qdc (6 codes)\n');
    const xml = readFileSync(path.join(dir, 'cb.qdc'), 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="werkscan">/);
    expect(xml.match(/isCodable="false"/g)).toHaveLength(3); // three categories
    expect(xml.match(/isCodable="true"/g)).toHaveLength(6); // six codes
    // jobcoach nests inside coaches
    expect(xml).toMatch(/<Code guid="[^"]+" name="coaches" isCodable="true">\n\s+<Description>[^<]*<\/Description>\n\s+<Code guid="[^"]+" name="jobcoach"/);
    expect(xml).toContain('<Set guid=');
  });

  it('qdpx: project.qde and one UTF-8 source per document; selections in code points', async () => {
    const dir = starterCopy();
    expect((await werkscan(['export', 'qdpx', '--out', 'p.qdpx'], dir)).stdout).toBe('wrote p.qdpx (5 sources, 6 codes)\n');
    const bytes = readFileSync(path.join(dir, 'p.qdpx'));
    const entries = unzipStored(bytes);
    expect([...entries.keys()].filter((n) => n.startsWith('sources/'))).toHaveLength(5);
    const qde = entries.get('project.qde')!.toString('utf8');
    // ams-01: the interviewer's span "Capaciteit, neem ik aan" is code points 27–50 (see code.test.ts)
    const source = /<TextSource guid="([^"]+)" name="ams-01"[^>]*>([\s\S]*?)<\/TextSource>/.exec(qde)!;
    const text = entries.get(`sources/${source[1]}.txt`)!.toString('utf8');
    expect(source[2]).toContain('startPosition="27" endPosition="50"');
    expect(Array.from(text).slice(27, 50).join('')).toBe('Capaciteit, neem ik aan');
    // one span with two codes is one selection with two codings
    expect((source[2]!.match(/<PlainTextSelection /g) ?? []).length).toBe(4);
    expect((source[2]!.match(/<Coding /g) ?? []).length).toBe(5);
    // case attributes become text variables
    expect(qde).toContain('<Variable guid=');
    expect(qde).toMatch(/<Case guid="[^"]+" name="amsterdam">\n\s+<VariableValue><VariableRef targetGUID="[^"]+"\/><TextValue>gemeente<\/TextValue><\/VariableValue>/);
    // the same project exports to the same bytes
    await werkscan(['export', 'qdpx', '--out', 'again.qdpx'], dir);
    expect(readFileSync(path.join(dir, 'again.qdpx')).equals(bytes)).toBe(true);
  });

  it.skipIf(!xmllint)(`validates against the REFI-QDA schemas${xmllint ? '' : ' (skipped: xmllint not installed; apt-get install libxml2-utils)'}`, async () => {
    const dir = tempDir();
    expect((await werkscan(['export', 'qdc', '--out', path.join(dir, 'study.qdc')], repoRoot)).code).toBe(0);
    validate(path.join(dir, 'study.qdc'), 'Codebook.xsd');
    expect((await werkscan(['export', 'qdpx', '--out', path.join(dir, 'study.qdpx')], repoRoot)).code).toBe(0);
    const qdeFile = path.join(dir, 'project.qde');
    writeFileSync(qdeFile, unzipStored(readFileSync(path.join(dir, 'study.qdpx'))).get('project.qde')!);
    validate(qdeFile, 'Project-mrt2019.xsd');
  });

  it('refuses to write into the corpus, and an unknown format is exit 2', async () => {
    const dir = starterCopy();
    expect((await werkscan(['export', 'qdpx', '--out', 'corpus/x.qdpx'], dir)).code).toBe(2);
    const r = await werkscan(['export', 'nvivo'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/export nvivo: unknown format/);
  });
});
