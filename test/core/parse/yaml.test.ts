/** YAML that attacks the parser: aliases and deep nesting are input errors at a file:line (#14.8). */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { parseFresh } from '../../../src/core/parse/yaml.js';

const error = (text: string): InputError => {
  try {
    parseFresh(text, 'x.yaml', 1);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('parsed');
};
const at = (e: InputError) => `${e.file}:${e.line}:${e.column} ${e.message}`;

/** An alias bomb: each level an anchor holding ten aliases of the one before (10^12 values). */
const bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 12 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)].join('\n') + '\n';

describe('parseFresh on hostile YAML', () => {
  it('an alias to no anchor', () => {
    expect(at(error('cases:\n  a: { name: A }\n  b: *nergens\n'))).toBe('x.yaml:4:6 alias *nergens names no anchor before it');
  });

  it('an alias bomb', () => {
    const started = Date.now();
    expect(at(error(bomb))).toBe('x.yaml:3:10 aliases expand to too many values; an alias bomb?');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('flow collections nested 20,000 deep', () => {
    expect(at(error(`cases:\n  a: ${'['.repeat(20000)}${']'.repeat(20000)}\n`))).toMatch(/^x\.yaml:3:\d+ nested more than 100 levels deep$/);
  });

  it('block collections nested 3,000 deep', () => {
    const text = 'x:\n' + Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}- `).join('\n') + 'y\n';
    expect(at(error(text))).toMatch(/^x\.yaml:\d+:\d+ nested more than 100 levels deep$/);
  });

  it('still allows a few aliases and 100 levels', () => {
    expect(parseFresh('a: &a { k: v }\nb: *a\n', 'x.yaml').data).toEqual({ a: { k: 'v' }, b: { k: 'v' } });
    const deep = `x: ${'['.repeat(99)}1${']'.repeat(99)}\n`;
    expect(JSON.stringify(parseFresh(deep, 'x.yaml').data)).toBe(`{"x":${'['.repeat(99)}1${']'.repeat(99)}}`);
  });
});
