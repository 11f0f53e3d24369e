/** cases.yaml: Word's quotes and invisible characters in a value are noted per case, never changed (#13.8). */
import { describe, expect, it } from 'vitest';
import { parseCases } from '../../../src/core/parse/cases.js';

describe('parseCases', () => {
  it('notes typographic quotes and a trailing no-break space at the value, and keeps the value as written', () => {
    const text = 'cases:\n  a: { name: A, line: “pilot” }\n  b:\n    name: "B\\u00a0"\n    line: pilot\n';
    const [a, b] = parseCases(text, 'cases.yaml');
    expect(a!.attrs.line).toBe('“pilot”');
    expect(a!.notes).toEqual([{ rule: 'typographic-quotes', line: 2, column: 23, args: { key: 'cases.a.line', value: '“pilot”', fixed: 'pilot' } }]);
    expect(b!.attrs.name).toBe('B\u00a0');
    expect(b!.notes).toEqual([{ rule: 'invisible-character', line: 4, column: 11, args: { key: 'cases.b.name', value: 'B\\u00A0', character: 'no-break space U+00A0', where: 'end' } }]);
  });

  it('notes nothing in plain values', () => {
    expect(parseCases('cases:\n  a: { name: A, line: pilot }\n', 'cases.yaml')[0]!.notes).toBeUndefined();
  });
});
