import { chmodSync, symlinkSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, werkscan, writeFiles } from '../../helpers/run.js';

describe('werkscan privacy scans every file below the corpus (#14.7)', () => {
  it('README.md, hidden files, .csv without words and files of any extension are scanned', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'corpus/README.md': 'Vragen: j.jansen@gemeente.nl\n',
      'corpus/.notities.md': 'BSN 111222333\n',
      'corpus/sub/export.csv': '06-12345678\n',
      'corpus/x.md': 'niets\n',
    });
    const r = await werkscan(['privacy', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      ok: false,
      files: 4,
      hits: [
        { file: 'corpus/.notities.md', line: 1, column: 5, kind: 'bsn', masked: '111••••••' },
        { file: 'corpus/README.md', line: 1, column: 9, kind: 'email', masked: 'j.j•••••@••••••••.••' },
        { file: 'corpus/sub/export.csv', line: 1, column: 1, kind: 'telefoon', masked: '06-••••••••' },
      ],
      notScanned: [],
    });
  });

  it('a file over 64 MB is named as not scanned instead of read whole (exit 1)', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'corpus/x.md': 'niets\n', 'corpus/groot.txt': '' });
    truncateSync(path.join(dir, 'corpus/groot.txt'), 64 * 1024 * 1024 + 1); // sparse: no disk used
    const r = await werkscan(['privacy'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('no personal data found in 1 files\nnot scanned: corpus/groot.txt (larger than 64 MB)\n');
  });

  it('a binary file is named as not scanned, on stdout and stderr, and the scan is not clean (exit 1)', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'corpus/x.md': 'niets\n', 'corpus/interview.docx': new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0x41]), 'corpus/latin1.txt': new Uint8Array([0x63, 0x61, 0x66, 0xe9]) });
    const r = await werkscan(['privacy'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'no personal data found in 1 files\nnot scanned: corpus/interview.docx (binary file)\nnot scanned: corpus/latin1.txt (binary file (not UTF-8 text))\n',
    );
    expect(r.stderr).toBe('werkscan: not scanned: corpus/interview.docx (binary file)\nwerkscan: not scanned: corpus/latin1.txt (binary file (not UTF-8 text))\n');
  });

  it('an unreadable file is not counted as scanned: named, and exit 2; the other files are still scanned', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'corpus/a.md': 'Bel 06-12345678\n', 'corpus/b.md': 'niets\n' });
    symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'corpus/broken.md'));
    const r = await werkscan(['privacy', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.files).toBe(2);
    expect(out.hits).toHaveLength(1);
    expect(out.notScanned).toEqual([{ file: 'corpus/broken.md', reason: 'unreadable (broken link)' }]);
    expect(r.stderr).toBe('werkscan: not scanned: corpus/broken.md (unreadable (broken link))\n');
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission: unreadable (EACCES), exit 2', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'corpus/a.md': 'niets\n', 'corpus/geheim.md': 'BSN 111222333\n' });
    chmodSync(path.join(dir, 'corpus/geheim.md'), 0o000);
    const r = await werkscan(['privacy'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('no personal data found in 1 files\nnot scanned: corpus/geheim.md (unreadable (EACCES))\n');
  });
});
