/**
 * The front-matter fast path must give exactly what the yaml library gives — data and every position —
 * or decline (null). Checked on hand-picked cases and on seeded random front matter that mixes the
 * simple forms with the ones that must be declined (numbers, booleans, comments, quotes, odd indents).
 */
import { describe, expect, it } from 'vitest';
import { parseSimpleYaml } from '../../../src/core/parse/yaml-fast.js';
import { parseFresh } from '../../../src/core/parse/yaml.js';
import { rng } from '../../helpers/rng.js';

const same = (text: string) => {
  const fast = parseSimpleYaml(text);
  if (fast === null) return false;
  let slow;
  try {
    slow = parseFresh(text, 'x.md');
  } catch {
    throw new Error(`fast path accepted YAML the library rejects: ${JSON.stringify(text)}`);
  }
  expect(fast.data, JSON.stringify(text)).toEqual(slow.data);
  expect(fast.positions, JSON.stringify(text)).toEqual(slow.positions);
  return true;
};

describe('simple front matter', () => {
  it('reads the corpus forms exactly as the yaml library does', () => {
    const texts = [
      'id: dh-01\ntype: interview\ncase: den-haag\ndate: 2022-02-28\ncoder: onderzoeker-a\nrespondents:\n  - { id: R1, role: projectleider BOTOC, domain: veiligheid }\n  - { id: R3, role: coördinator aanpak problematische jeugd, domain: veiligheid }\n',
      'id: p1\ntype: plan\ncase: g1\n',
      'respondents:\n- id: R1\n  role: klantmanager\n- id: R2\n  role: "jongerenwerker"\ntype: interview\n',
      "\n\nid: 'x y'\ncase:   spaced   \n",
      'name: W&I afdeling (Zaanstad) 2.0\n',
    ];
    for (const t of texts) expect(same(t), t).toBe(true);
  });

  it('declines what it cannot read the same way', () => {
    for (const t of ['n: 12', 'n: 1.5', 'b: true', 'x: null', 'x: ~', 'a: b # note', 'a: [b, c]', 'a: |\n  text', 'a: &x b', 'a: b\na: c', '', 'a:\n', 'a: "b\\n"', "a: 'it''s'", '\ta: b', 'a: b\u00a0']) {
      expect(parseSimpleYaml(t), JSON.stringify(t)).toBeNull();
    }
  });

  it('agrees with the yaml library on 5,000 random front matters, and accepts most simple ones', () => {
    const r = rng(5);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const KEYS = ['id', 'type', 'case', 'date', 'coder', 'role', 'domain', 'x_y', 'a-b', 'true', 'null', 'y', 'No', '1a', 'a b', '"q"'];
    const GOOD = [
      'interview', 'den-haag', '2022-02-28', 'projectleider BOTOC', 'coördinator', 'W&I', 'a.b', "jongere's", '"quoted"', "'single'",
      'é', 'a  b', 'yes', 'Infinity', '(stad)', 'a/b', '1.2.3', '2022-02-28T10:00', '_x', 'R1', 'x-', 'a+b',
    ];
    const BAD = [
      '12', '1e3', '0x1F', '0o7', '.5', '+3', '-', 'true', 'False', 'NULL', '~', '"a,b"', 'a: b', 'x # c', '[a]', '{a: b}', '', ' ',
      '.inf', '-x', '*x', '&x', '!x', '%x', '@x', '`x', '"', "'", '|', '>', '? x', 'a:b',
    ];
    const value = () => (r() < 0.1 ? pick(BAD) : pick(GOOD));
    const key = () => (r() < 0.1 ? pick(KEYS) : pick(KEYS.slice(0, 7)));
    const line = () => `${key()}:${pick([' ', ' ', ' ', '  ', r() < 0.1 ? '' : ' '])}${value()}${pick(['', '', ' '])}`;
    const flow = () => `{ ${Array.from({ length: 1 + Math.floor(r() * 3) }, () => `${key()}:${r() < 0.05 ? '' : ' '}${value()}`).join(pick([', ', ',']))} }`;
    const seq = () => {
      const indent = pick(['', '  ', '    ']);
      return Array.from({ length: 1 + Math.floor(r() * 3) }, () =>
        r() < 0.5 ? `${indent}- ${flow()}` : `${indent}- ${line()}\n${indent}  ${line()}`,
      ).join('\n');
    };
    let accepted = 0;
    for (let n = 0; n < 5000; n++) {
      const lines = Array.from({ length: 1 + Math.floor(r() * 4) }, () => (r() < 0.2 ? `${pick(KEYS)}:\n${seq()}` : r() < 0.05 ? '' : line()));
      if (same(lines.join('\n') + pick(['\n', '', '\n\n']))) accepted++;
    }
    expect(accepted).toBeGreaterThan(1000);
  });
});
