import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src/core/errors.js';
import { krippendorffAlpha, type AlphaLevel } from '../../../../src/core/agreement/stats/krippendorff.js';
import { parseReliabilityMatrix } from '../../../../src/core/agreement/stats/reliability-csv.js';
import { K2011_ALPHA } from '../../../helpers/rng.js';

/** Krippendorff (2011) reference data as a CSV: units as rows, coders A–D as columns, "." missing. */
const K2011_CSV = `unit,A,B,C,D
1,1,1,.,1
2,2,2,3,2
3,3,3,3,3
4,3,3,3,3
5,2,2,2,2
6,1,2,3,4
7,4,4,4,4
8,1,1,2,1
9,2,2,2,2
10,.,5,5,5
11,.,.,1,1
12,.,3,.,.
`;

function caught(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('parseReliabilityMatrix', () => {
  const expected: Record<AlphaLevel, number> = K2011_ALPHA;
  for (const [level, value] of Object.entries(expected) as [AlphaLevel, number][]) {
    it(`Krippendorff (2011) data from CSV, ${level} α = ${value}`, () => {
      const m = parseReliabilityMatrix(K2011_CSV, level);
      expect(m.coders).toEqual(['A', 'B', 'C', 'D']);
      expect(m.units).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
      const r = krippendorffAlpha(m.matrix, level);
      expect(Math.abs((r.alpha as number) - value)).toBeLessThan(1e-6);
    });
  }

  it('values: strings at nominal, numbers at numeric levels, null for missing', () => {
    expect(parseReliabilityMatrix(K2011_CSV, 'nominal').matrix[0]).toEqual(['1', '1', null, '1']);
    expect(parseReliabilityMatrix(K2011_CSV, 'interval').matrix[0]).toEqual([1, 1, null, 1]);
  });

  it('semicolons, "eenheid" column, quotes, CRLF, BOM, blank lines, decimal comma', () => {
    const text =
      '\uFEFFEenheid;"Codeur 1";Codeur 2;"Codeur; 3"\r\n' +
      '"fragment ""a""";1;2,5;\r\n' +
      '\r\n' +
      'b;  3 ; . ;"4"\r\n' +
      '"multi\r\nline";5;6;7\r\n';
    const m = parseReliabilityMatrix(text, 'interval');
    expect(m.coders).toEqual(['Codeur 1', 'Codeur 2', 'Codeur; 3']);
    expect(m.units).toEqual(['fragment "a"', 'b', 'multi\nline']);
    expect(m.matrix).toEqual([
      [1, 2.5, null],
      [3, null, 4],
      [5, 6, 7],
    ]);
  });

  it('without a unit column, units are numbered; "id" header is a unit column', () => {
    const m = parseReliabilityMatrix('x,y\na,b\n,c', 'nominal');
    expect(m.coders).toEqual(['x', 'y']);
    expect(m.units).toEqual(['1', '2']);
    expect(m.matrix).toEqual([
      ['a', 'b'],
      [null, 'c'],
    ]);
    expect(parseReliabilityMatrix('ID,x,y\nu1,a,b', 'nominal').units).toEqual(['u1']);
  });

  it('ragged row → InputError with its line number', () => {
    // Line 4 is the ragged one; the quoted line break on line 2 must be counted.
    const text = 'unit,A,B\n"u\n1",1,2\nu2,1\nu3,1,1\n';
    const err = caught(() => parseReliabilityMatrix(text, 'nominal'));
    expect(err.line).toBe(4);
    expect(err.message).toMatch(/line 4/);
    expect(err.message).toMatch(/2 field\(s\) but the header has 3/);
  });

  it('fewer than two coder columns → InputError', () => {
    expect(() => parseReliabilityMatrix('unit,A\n1,2\n', 'nominal')).toThrow(/at least two coder columns/);
    expect(() => parseReliabilityMatrix('A\n1\n', 'nominal')).toThrow(InputError);
    expect(() => parseReliabilityMatrix('', 'nominal')).toThrow(InputError);
  });

  it('non-numeric cell at a numeric level → InputError at its line and column', () => {
    const err = caught(() => parseReliabilityMatrix('unit,A,B\nu1,1,2\nu2,3,veel\n', 'interval'));
    expect(err.line).toBe(3);
    expect(err.column).toBe(6);
    expect(err.message).toMatch(/"veel"/);
    expect(err.message).toMatch(/coder "B"/);
  });

  it('unterminated quote and duplicate coder names → InputError', () => {
    expect(caught(() => parseReliabilityMatrix('A,B\n1,"2\n', 'nominal')).line).toBe(2);
    expect(() => parseReliabilityMatrix('A,A\n1,2\n', 'nominal')).toThrow(/twice/);
  });

  it('text after a closing quote → InputError at that character; an open quote → at the quote', () => {
    // line 2 is "x"y,1: the y after the closing quote is column 4
    const after = caught(() => parseReliabilityMatrix('a,b\n"x"y,1\n', 'nominal'));
    expect([after.line, after.column, after.message]).toEqual([2, 4, 'unexpected "y" after a closing quote']);
    // blanks after a closing quote are allowed and dropped
    expect(parseReliabilityMatrix('a,b\n"x" ,1\n', 'nominal').matrix).toEqual([['x', '1']]);
    const open = caught(() => parseReliabilityMatrix('a,b\n1,"2\n', 'nominal'));
    expect([open.line, open.column]).toEqual([2, 3]);
  });
});

describe('parseReliabilityMatrix — the unit column', () => {
  it('distinct labels that occur nowhere among repeating values label the units, whatever the header', () => {
    const m = parseReliabilityMatrix('frag,A,B\nf1,1,1\nf2,1,2\nf3,2,2\n', 'interval');
    expect([m.unitColumn, m.units, m.coders, m.matrix]).toEqual(['frag', ['f1', 'f2', 'f3'], ['A', 'B'], [[1, 1], [1, 2], [2, 2]]]);
  });

  it('undecidable: an InputError at the header asking for --units or --no-units', () => {
    const err = caught(() => parseReliabilityMatrix('nr,A,B\n1,1,1\n2,1,2\n3,2,2\n', 'nominal'));
    expect([err.line, err.column]).toEqual([1, 1]);
    expect(err.hint).toMatch(/--units nr .* --no-units/);
  });

  it('chosen: a named column, or none', () => {
    expect(parseReliabilityMatrix('nr,A,B\n1,1,1\n2,1,2\n', 'nominal', 'nr').units).toEqual(['1', '2']);
    expect(parseReliabilityMatrix('unit,A,B\n1,1,1\n2,1,2\n', 'nominal', false).coders).toEqual(['unit', 'A', 'B']);
    expect(() => parseReliabilityMatrix('A,B\n1,1\n', 'nominal', 'x')).toThrow(/--units x: no such column/);
  });
});
