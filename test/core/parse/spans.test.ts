import { describe, expect, it } from 'vitest';
import { parseMarkup } from '../../../src/core/parse/spans.js';

describe('parseMarkup', () => {
  it('removes span markup and reports code-point offsets, end exclusive', () => {
    const r = parseMarkup('ab [cd]{.x} ef', 1, 'f.md');
    expect(r.plain).toBe('ab cd ef');
    expect(r.spans).toEqual([{ codes: ['x'], start: 3, end: 5, line: 1, column: 4 }]);
  });

  it('nests spans and keeps several codes on one span', () => {
    // plain: "a b c d" — outer span "b c d" starts at 2, inner "c" at 4.
    const r = parseMarkup('a [b [c]{.inner} d]{.outer .extra}', 10, 'f.md');
    expect(r.plain).toBe('a b c d');
    expect(r.spans).toEqual([
      { codes: ['outer', 'extra'], start: 2, end: 7, line: 10, column: 3 },
      { codes: ['inner'], start: 4, end: 5, line: 10, column: 6 },
    ]);
  });

  it('leaves [lacht] and unclosed brackets as plain text, and unescapes \\[ \\]', () => {
    const r = parseMarkup('ja [lacht] \\[naam\\] [open [x]{.c}', 1, 'f.md');
    expect(r.plain).toBe('ja [lacht] [naam] [open x');
    expect(r.spans).toEqual([{ codes: ['c'], start: 24, end: 25, line: 1, column: 27 }]);
  });

  it('counts code points, not UTF-16 units (astral characters before a span)', () => {
    const r = parseMarkup('😀é [ï]{.x}', 1, 'f.md');
    expect(r.plain).toBe('😀é ï');
    expect(r.length).toBe(4);
    expect(r.spans[0]).toMatchObject({ start: 3, end: 4, column: 4 });
  });

  it('follows a span over a line break and reports the line of its opening bracket', () => {
    const r = parseMarkup('R1: eerst\n[de AVG maakt\noverleg lastig]{.avg}.', 7, 'f.md');
    expect(r.spans).toEqual([{ codes: ['avg'], start: 10, end: 37, line: 8, column: 1 }]);
    expect(r.plain.slice(10, 37)).toBe('de AVG maakt\noverleg lastig');
  });

  it('rejects malformed attributes with file, line and column', () => {
    expect(() => parseMarkup('x\n  [a]{.ok bad token}', 3, 'doc.md')).toThrowError(/malformed span attributes/);
    try {
      parseMarkup('x\n  [a]{.ok bad token}', 3, 'doc.md');
    } catch (e) {
      expect(e).toMatchObject({ file: 'doc.md', line: 4, column: 6 });
    }
  });

  it('ignores a brace group without classes (plain text)', () => {
    expect(parseMarkup('[zie]{ hier }', 1, 'f').spans).toEqual([]);
  });
});
