/**
 * Options with a fixed set of values: a value outside it is exit 2 with the option, the value and the
 * allowed values named, for every such option of every command. The lists are written out here on
 * purpose: the program takes each from one constant, and a change to one shows up here.
 */
import { describe, expect, it } from 'vitest';
import { hasStackTrace, repoRoot, werkscan } from '../helpers/run.js';

const FORMATS = 'table, md, csv, json';
const SOURCES = 'manual, auto, any, learned, auto+learned';

const CASES: [args: string[], option: string, allowed: string][] = [
  ...['freq', 'compare', 'cooccur', 'lint', 'findings', 'privacy', 'agree a b', 'alpha x.csv'].map(
    (cmd): [string[], string, string] => [[...cmd.split(' '), '--format', 'bogus'], "--format <format>", FORMATS],
  ),
  ...['freq', 'compare', 'cooccur'].map((cmd): [string[], string, string] => [[cmd, '--source', 'bogus'], '--source <source>', SOURCES]),
  [['agree', '--auto', '--source', 'bogus'], '--source <source>', 'auto, learned, auto+learned'],
  [['freq', '--by', 'bogus'], '--by <group>', 'category, subquestion, polarity'],
  [['freq', '--unit', 'bogus'], '--unit <unit>', 'segments, documents, respondents, cases'],
  [['compare', '--unit', 'bogus'], '--unit <unit>', 'segment, respondent, document, case'],
  [['compare', '--sort', 'bogus'], '--sort <order>', 'code, diff'],
  [['cooccur', '--within', 'bogus'], '--within <unit>', 'segment, turn, document'],
  [['agree', 'a', 'b', '--unit', 'bogus'], '--unit <unit>', 'turn, sentence, paragraph, document'],
  [['alpha', 'x.csv', '--level', 'bogus'], '--level <level>', 'nominal, ordinal, interval, ratio'],
];

describe('a value outside an option\'s choices', () => {
  it.each(CASES)('%j: exit 2, naming %s and its choices', async (args, option, allowed) => {
    const r = await werkscan(args, repoRoot);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`option '${option}' argument 'bogus' is invalid. Allowed choices are ${allowed}.`);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('compare --group-by takes only the units a group has (not segment)', async () => {
    const r = await werkscan(['compare', '--group-by', 'line', '--unit', 'segment'], repoRoot);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('werkscan: --unit segment: not a valid choice\n  expected one of: case, respondent, document\n');
  });

  it('findings takes no --source: each claim names its own source in findings.yaml', async () => {
    const r = await werkscan(['findings', '--source', 'auto'], repoRoot);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--source'");
  });

  it('the help of compare --unit names both lists', async () => {
    const r = await werkscan(['compare', '--help'], repoRoot);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('what a cell counts (matrix: segment, respondent, document, case; groups: case, respondent, document)');
  });
});
