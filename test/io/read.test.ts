/**
 * readText (src/io/read.ts) reads every file through one reused buffer and decodes ASCII as Latin-1:
 * the text must be exactly what a plain UTF-8 read gives, whatever the size and order of the files.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { readText } from '../../src/io/read.js';

const dir = mkdtempSync(path.join(tmpdir(), 'werkscan-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('readText', () => {
  it('gives the text of ASCII and UTF-8 files, large and small in turn', () => {
    const line = 'Werk en inkomen: de coördinator van het café, ’s avonds 🙂 bereikbaar.\n';
    const texts = [
      'plain ASCII text\n',
      line,
      line.repeat(80_000), // ~6 MB: the buffer grows, and is let go afterwards
      'x'.repeat(70_000), // ASCII past the first buffer size
      'klein\n',
      line.repeat(1000),
    ];
    texts.forEach((t, i) => expect(readText(file(`t${i}.md`, t), `t${i}.md`)).toBe(t));
  });

  it('drops a byte order mark, turns CRLF and CR into LF, and keeps a genuine U+FFFD', () => {
    expect(readText(file('bom.md', '\uFEFFa\r\nb\rc\n'), 'bom.md')).toBe('a\nb\nc\n');
    expect(readText(file('fffd.md', 'vervangen: \uFFFD\n'), 'fffd.md')).toBe('vervangen: \uFFFD\n');
  });

  it('names the first invalid byte', () => {
    expect(() => readText(file('latin1.md', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])), 'latin1.md')).toThrow(/not valid UTF-8: byte offset 3 \(0xe9\)/);
  });

  it('reports a missing file and a folder as input errors', () => {
    mkdirSync(path.join(dir, 'map.md'));
    const error = (p: string) => {
      try {
        readText(p, path.basename(p));
      } catch (e) {
        return e;
      }
      return null;
    };
    const missing = error(path.join(dir, 'nergens.md'));
    expect(missing).toBeInstanceOf(InputError);
    expect((missing as InputError).message).toBe('file not found (or a broken link)');
    const folder = error(path.join(dir, 'map.md'));
    expect(folder).toBeInstanceOf(InputError);
    expect((folder as InputError).message).toBe('expected a file, found a folder');
  });
});
