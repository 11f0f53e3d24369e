/** Import's writes: all or none, and never two files that are one (#14.11). */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { writeTrees } from '../../src/io/tree.js';
import { tempDir } from '../helpers/run.js';

const show = (dir: string) => (abs: string) => path.relative(dir, abs);

describe('writeTrees', () => {
  it('a file that cannot be written half-way leaves the folders as they were, and no temporary folder', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'corpus'));
    writeFileSync(path.join(dir, 'corpus/a.md'), 'oud');
    const cb = { abs: path.join(dir, 'cb'), files: [{ path: 'codebook.yaml', text: 'x' }] };
    // `sub` is written as a file, then sub/x.md needs it as a folder: the third write fails (EEXIST)
    const files = ['a.md', 'sub', 'sub/x.md', 'c.md'].map((p) => ({ path: p, text: 'nieuw' }));
    expect(() => writeTrees([cb, { abs: path.join(dir, 'corpus'), files }], { force: true, show: show(dir) })).toThrow(/^cannot write the imported files \(EEXIST\); nothing was changed$/);
    // a name too long for the file system: refused while looking, also without a trace
    const long = [{ path: 'a.md', text: 'nieuw' }, { path: `${'x'.repeat(300)}.md`, text: 'te lang' }];
    expect(() => writeTrees([cb, { abs: path.join(dir, 'corpus'), files: long }], { force: true, show: show(dir) })).toThrow(/^cannot write the imported files \(ENAMETOOLONG\); nothing was changed$/);
    expect(readdirSync(dir)).toEqual(['corpus']);
    expect(readdirSync(path.join(dir, 'corpus'))).toEqual(['a.md']);
    expect(readFileSync(path.join(dir, 'corpus/a.md'), 'utf8')).toBe('oud');
  });

  it('two names for one file (A.md and a.md, é composed and not) are an error, before anything is written', () => {
    const dir = tempDir();
    for (const [x, y] of [
      ['A.md', 'a.md'],
      ['\u00e9.md', 'e\u0301.md'],
    ]) {
      const f = () => writeTrees([{ abs: path.join(dir, 'corpus'), files: [{ path: x!, text: '1' }, { path: y!, text: '2' }] }], { force: false, show: show(dir) });
      expect(f).toThrow(InputError);
      expect(f).toThrow(`two files of the import would be one file: corpus/${x} and corpus/${y}`);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a path that climbs out, even when the caller did not check', () => {
    const dir = tempDir();
    expect(() => writeTrees([{ abs: path.join(dir, 'corpus'), files: [{ path: '../x.md', text: '1' }] }], { force: true, show: show(dir) })).toThrow(
      'refusing to write "../x.md": not a plain path below the target folder',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes subfolders, into a folder that exists and one that does not', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'corpus'));
    writeTrees(
      [
        { abs: path.join(dir, 'corpus'), files: [{ path: 'plannen/p.md', text: 'p' }] },
        { abs: path.join(dir, 'nieuw/cb'), files: [{ path: 'codebook.yaml', text: 'c' }] },
      ],
      { force: false, show: show(dir) },
    );
    expect(readFileSync(path.join(dir, 'corpus/plannen/p.md'), 'utf8')).toBe('p');
    expect(readFileSync(path.join(dir, 'nieuw/cb/codebook.yaml'), 'utf8')).toBe('c');
    expect(readdirSync(dir).sort()).toEqual(['corpus', 'nieuw']);
    expect(readdirSync(path.join(dir, 'nieuw'))).toEqual(['cb']);
  });
});
