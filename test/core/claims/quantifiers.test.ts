import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { starterCopy, werkscan } from '../../helpers/run.js';
import { DEFAULT_QUANTIFIERS, holds, lookupQuantifier, numeral, parseQuantifiers } from '../../../src/core/claims/quantifiers.js';

const q = (name: string, table = DEFAULT_QUANTIFIERS) => {
  const rule = lookupQuantifier(table, name);
  if (!rule) throw new Error(`no quantifier ${name}`);
  return (k: number, n: number) => holds(rule, k, n);
};
/** The k of 0..n for which the quantifier holds. */
const ks = (name: string, n: number, table = DEFAULT_QUANTIFIERS) => Array.from({ length: n + 1 }, (_, k) => k).filter((k) => q(name, table)(k, n));

describe('default quantifiers (SPEC table), at n = 8 and n = 9', () => {
  it.each([
    ['geen', 8, [0]],
    ['één', 8, [1]],
    ['een', 8, [1]],
    ['enkele', 8, [2, 3]], // 2 ≤ k < 4
    ['enkele', 9, [2, 3, 4]], // 2 ≤ k < 4.5
    ['ongeveer de helft', 8, [3, 4, 5]], // |k − 4| ≤ max(1, 0.8)
    ['ongeveer de helft', 30, [12, 13, 14, 15, 16, 17, 18]], // |k − 15| ≤ 3
    ['meer dan de helft', 8, [5, 6, 7, 8]],
    ['meer dan de helft', 9, [5, 6, 7, 8, 9]],
    ['de meerderheid', 8, [5, 6, 7, 8]],
    ['het merendeel', 8, [5, 6, 7, 8]],
    ['bijna alle', 8, [6, 7]], // 6 ≤ k < 8
    ['bijna alle', 10, [8, 9]], // 7.5 ≤ k < 10
    ['alle', 8, [8]],
    ['Alle', 8, [8]],
    ['drie', 10, [3]],
    ['3', 10, [3]],
    ['tien', 10, [10]],
    ['eenentwintig', 30, [21]],
  ] as const)('%s of %i holds for k in %j', (name, n, expected) => {
    expect(ks(name, n)).toEqual(expected);
  });

  it('reads Dutch numerals', () => {
    expect([numeral('nul'), numeral('elf'), numeral('negentien'), numeral('twintig'), numeral('negenennegentig'), numeral('veel')]).toEqual([0, 11, 19, 20, 99, null]);
  });
});

describe('quantifiers.yaml', () => {
  it('adds quantifiers with counts and shares, exclusive or not', () => {
    const table = parseQuantifiers(
      ['quantifiers:', '  de meeste: { min: { share: 0.5, exclusive: true } }', '  een drietal: { min: 3, max: 3 }', '  sommige: { min: 2, max: { share: 0.5 } }', '  rond een derde: { around: { share: 0.3333 }, tolerance: 0.1 }'].join('\n'),
      'q.yaml',
    );
    expect(ks('de meeste', 8, table)).toEqual([5, 6, 7, 8]);
    expect(ks('een drietal', 8, table)).toEqual([3]);
    expect(ks('sommige', 8, table)).toEqual([2, 3, 4]);
    expect(ks('rond een derde', 9, table)).toEqual([2, 3]); // |k − 2.9997| ≤ max(1, 0.9): 4 is 1.0003 away
    expect(ks('alle', 8, table)).toEqual([8]); // defaults survive
  });

  it('can redefine a default', () => {
    const table = parseQuantifiers('quantifiers:\n  enkele: { min: 2, max: 3 }\n', 'q.yaml');
    expect(ks('enkele', 10, table)).toEqual([2, 3]);
  });
});

describe('names of Object.prototype (#14.12)', () => {
  it('are not quantifiers: lookupQuantifier("constructor") and ("__proto__") find nothing', () => {
    expect(numeral('constructor')).toBeNull();
    expect(lookupQuantifier(DEFAULT_QUANTIFIERS, 'constructor')).toBeNull();
    expect(lookupQuantifier(DEFAULT_QUANTIFIERS, '__proto__')).toBeNull();
    expect(lookupQuantifier(DEFAULT_QUANTIFIERS, 'toString')).toBeNull();
  });

  it('lint: quantifier constructor is unknown; among { __proto__: botoc } filters on an unknown attribute', async () => {
    const dir = starterCopy();
    const file = path.join(dir, 'codebook/findings.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}  - id: f1\n    code: capaciteit\n    quantifier: constructor\n  - id: f2\n    code: capaciteit\n    among: { __proto__: botoc }\n    quantifier: alle\n`);
    const r = await werkscan(['lint'], dir);
    expect(r.code).toBe(1);
    const at = text.split('\n').length;
    expect(r.stdout).toContain(`codebook/findings.yaml:${at}:5: error: finding f1 uses unknown quantifier "constructor"`);
    expect(r.stdout).toContain(`codebook/findings.yaml:${at + 3}:5: error: finding f2 filters on unknown attribute "__proto__"`);
  });
});
