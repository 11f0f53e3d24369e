/**
 * #14.9: werkscan read files whole, without a limit: `corpus/x.md -> /dev/zero` read 5.3 GB in 32 s, and a
 * link to a FIFO waited for a writer for ever. Only regular files are read, of at most MAX_FILE_BYTES.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, ftruncateSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/io/read.js';
import { starterCopy, werkscan } from '../helpers/run.js';

/** A sparse file of `size` bytes (no disk space used). */
function sparse(abs: string, size: number): void {
  const fd = openSync(abs, 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
}

describe('file limits', () => {
  it('is 64 MB', () => {
    expect(MAX_FILE_BYTES).toBe(67_108_864);
  });

  it('a document linked to /dev/zero is refused at once (exit 2), not read', async () => {
    const dir = starterCopy();
    symlinkSync('/dev/zero', path.join(dir, 'corpus/interviews/x.md'));
    const t = Date.now();
    const r = await werkscan(['code'], dir);
    expect(Date.now() - t).toBeLessThan(5000);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'werkscan: corpus/interviews/x.md: a character device, not a regular file: werkscan reads only regular files\n  remove it (or the link to it), or move it out of the folder werkscan reads\n',
    );
  });

  it('a document linked to a FIFO is refused, without waiting for a writer', async () => {
    const dir = starterCopy();
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    symlinkSync(path.join(dir, 'pipe'), path.join(dir, 'corpus/interviews/x.md'));
    const r = await werkscan(['lint'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('werkscan: corpus/interviews/x.md: a named pipe (FIFO), not a regular file');
  }, 10_000);

  it('a codebook linked to /dev/zero is refused too', async () => {
    const dir = starterCopy();
    execFileSync('rm', [path.join(dir, 'codebook/codebook.yaml')]);
    symlinkSync('/dev/zero', path.join(dir, 'codebook/codebook.yaml'));
    const r = await werkscan(['lint'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('werkscan: codebook/codebook.yaml: a character device, not a regular file');
  });

  it('a document of 64 MB and one byte is refused with its size (exit 2)', async () => {
    const dir = starterCopy();
    sparse(path.join(dir, 'corpus/interviews/groot.md'), MAX_FILE_BYTES + 1);
    const r = await werkscan(['lint'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('werkscan: corpus/interviews/groot.md: file too large: 64.0 MB; werkscan reads files of at most 64 MB');
  });
});
