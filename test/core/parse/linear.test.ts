/**
 * Parsing and checking stay linear in the input (issue #14.5): inputs shaped to hit a quadratic step,
 * each with a generous bound on CPU time that the quadratic code missed by far. Measured before the fix
 * on this machine: cases.yaml with 20,000 cases ~11 s (the yaml library compares every key of a mapping
 * with every earlier one); a codebook whose 5,000 codes form one chain of parents over 120 s (lint's
 * cycle check walked each code's whole chain with a linear search per step; `ancestors` rebuilt an
 * index of all codes per call).
 */
import { defaultSettings } from '../../../src/core/parse/project.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/core/checks/lint.js';
import { ancestors, parseCodebook } from '../../../src/core/parse/codebook.js';
import { parseCases } from '../../../src/core/parse/cases.js';
import type { Project } from '../../../src/core/model.js';
import { DEFAULT_QUANTIFIERS } from '../../../src/core/claims/quantifiers.js';
import { starter } from '../../helpers/run.js';

/** CPU seconds, not wall-clock: the bounds must hold on a busy machine too. */
function timed<T>(f: () => T): { value: T; seconds: number } {
  const t = process.cpuUsage();
  const value = f();
  const used = process.cpuUsage(t);
  return { value, seconds: (used.user + used.system) / 1e6 };
}

const casesYaml = (n: number) => {
  let text = 'cases:\n';
  for (let i = 0; i < n; i++) text += `  c${i}: { name: Gemeente ${i}, kind: gemeente }\n`;
  return text;
};

describe('linear parsing and checking', () => {
  it('parses cases.yaml in time linear in the number of cases (4× the cases, under 8× the time)', () => {
    parseCases(casesYaml(2000), 'cases.yaml'); // warm up the JIT
    const small = timed(() => parseCases(casesYaml(5000), 'cases.yaml'));
    const large = timed(() => parseCases(casesYaml(20_000), 'cases.yaml'));
    expect(large.value).toHaveLength(20_000);
    expect(large.value[19_999]).toMatchObject({ id: 'c19999', attrs: { name: 'Gemeente 19999', kind: 'gemeente' } });
    // quadratic, as it was, gives 16×
    expect(large.seconds / small.seconds).toBeLessThan(8);
    expect(large.seconds).toBeLessThan(10);
  });

  it('still refuses a key given twice, at the second one', () => {
    expect(() => parseCases('cases:\n  a: { name: A }\n  b: { name: B }\n  a: { name: C }\n', 'cases.yaml')).toThrow(
      expect.objectContaining({ message: 'invalid YAML: Map keys must be unique', file: 'cases.yaml', line: 4, column: 3 }),
    );
  });

  it('lints a codebook whose 5,000 codes form one chain of parents within 2 s, and finds a cycle in it', () => {
    const base = readFileSync(path.join(starter, 'codebook/codebook.yaml'), 'utf8');
    let chain = '';
    for (let i = 0; i < 5000; i++) chain += `  - id: k${i}\n    label: K${i}\n    category: stimulerend\n    subquestions: [DV1]\n${i > 0 ? `    parent: k${i - 1}\n` : '    parent: k4999\n'}`;
    const codebook = parseCodebook(base.replace(/\ncodes:\n/, `\ncodes:\n${chain}`), 'codebook.yaml');
    const project: Project = { root: '.', settings: defaultSettings('.'), codebook, corpus: { root: 'corpus', cases: [], documents: [] }, findings: [], quantifiers: DEFAULT_QUANTIFIERS } as unknown as Project;
    const { value: problems, seconds } = timed(() => lint(project, { documents: false, findings: false, terms: false }));
    const cycles = problems.filter((p) => p.rule === 'parent-cycle');
    // one cycle, reported once, from k0: k0 → k4999 → k4998 → … → k1 → k0
    expect(cycles).toHaveLength(1);
    expect(String(cycles[0]!.args.cycle).split(' → ')).toHaveLength(5001);
    expect(seconds).toBeLessThan(2);
    // ancestors of every code of a 5,000-long chain without the cycle: 12.5 million steps, within 4 s
    const open = parseCodebook(base.replace(/\ncodes:\n/, `\ncodes:\n${chain.replace('    parent: k4999\n', '')}`), 'codebook.yaml');
    const t = timed(() => open.codes.filter((c) => c.id.startsWith('k')).reduce((n, c) => n + ancestors(open, c.id).length, 0));
    expect(t.value).toBe((4999 * 5000) / 2);
    expect(t.seconds).toBeLessThan(4);
  });
});
