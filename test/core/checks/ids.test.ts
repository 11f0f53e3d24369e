/** Document ids name files on import: the unsafe-id rule (#14.1). */
import { describe, expect, it } from 'vitest';
import { fileKey, unsafeIdReason } from '../../../src/core/checks/ids.js';
import { starterCopy, werkscan, writeFiles } from '../../helpers/run.js';

describe('unsafe ids', () => {
  it('accepts file names and folder/name paths', () => {
    for (const id of ['ams-01', 'plannen/zaanstad-plan', 'Den Haag 2', 'é/ü', 'v1.2']) expect(unsafeIdReason(id), id).toBeNull();
  });

  it('refuses what a path could climb out of or hide behind, saying why', () => {
    expect(
      ['', '../../x', 'a/../b', 'x..y', '/etc/passwd', 'a//b', 'a/', 'a\\b', '.verborgen', 'map/.x', 'a\nb', 'a\u0000b', 'a\u2028b', 'a\u0085b'].map((id) => [id, unsafeIdReason(id)]),
    ).toEqual([
      ['', 'it is empty'],
      ['../../x', 'it holds ..'],
      ['a/../b', 'it holds ..'],
      ['x..y', 'it holds ..'],
      ['/etc/passwd', 'it starts or ends with / or holds //'],
      ['a//b', 'it starts or ends with / or holds //'],
      ['a/', 'it starts or ends with / or holds //'],
      ['a\\b', 'it holds a backslash'],
      ['.verborgen', 'a part starts with a dot (a hidden file)'],
      ['map/.x', 'a part starts with a dot (a hidden file)'],
      ['a\nb', 'it holds a control character'],
      ['a\u0000b', 'it holds a control character'],
      ['a\u2028b', 'it holds a control character'],
      ['a\u0085b', 'it holds a control character'],
    ]);
  });

  it('one key for names a case-insensitive, normalising file system takes for one file', () => {
    expect(fileKey('A')).toBe(fileKey('a'));
    expect(fileKey('e\u0301')).toBe(fileKey('\u00e9'));
    expect(fileKey('a')).not.toBe(fileKey('b'));
  });

  it('lint: an id with a control character is an error, quoted so the output stays on one line', async () => {
    const dir = starterCopy();
    writeFiles(dir, { 'corpus/x.md': '---\nid: "a\\nb"\ntype: plan\ncase: leiden\n---\nTekst.\n' });
    const r = await werkscan(['lint'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(
      'corpus/x.md:2:1: error: document id "a\\nb" cannot name a file: it holds a control character (expected a file name, or folders and a file name separated by /, e.g. plannen/ams-plan) [unsafe-id]',
    );
  });
});
