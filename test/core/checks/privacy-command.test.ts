import { chmodSync, symlinkSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelNames } from '../../../src/core/checks/privacy.js';
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

describe("respondents' labels in front matter: names werkscan ingest kept without a speakers map", () => {
  it('labelNames: flow and block style, quoted or not, CRLF; not a tool\'s label, not outside the front matter', () => {
    const SOURCE = 'source: { file: x.docx, sha256: 00, converter: mammoth 1.13.0 }\n';
    const doc = (front: string, body = 'I: Vraag?\n', source = SOURCE) => `---\nid: x\ntype: interview\ncase: c\n${front}${source}---\n${body}`;
    expect(labelNames(doc('respondents:\n  - { id: R1, label: Anouk de Vries }\n  - { id: R2, label: "Peter \\"PJ\\" Jansen" }\n'))).toEqual(['Anouk de Vries', 'Peter "PJ" Jansen']);
    expect(labelNames(doc("respondents:\n  - id: R1\n    label: 'Kees van ''t Hof'\n"))).toEqual(["Kees van 't Hof"]);
    expect(labelNames(doc('respondents:\n  - { id: R1, label: Sanne Bakker }\n').replace(/\n/g, '\r\n'))).toEqual(['Sanne Bakker']);
    expect(labelNames(doc('respondents:\n  - { id: R1, label: Spreker 1 }\n  - { id: R2, label: SPEAKER_02 }\n  - { id: R3, label: Interviewer 2 }\n'))).toEqual([]);
    expect(labelNames(doc('', 'R1: mijn label: Jan de Vries\n'))).toEqual([]);
    expect(labelNames('label: Jan de Vries\n')).toEqual([]);
    // a document written by hand (no source: of ingest): its labels are the researcher's pseudonyms
    expect(labelNames(doc('respondents:\n  - { id: R1, label: Mevrouw Jansen }\n', 'I: Vraag?\n', ''))).toEqual([]);
  });

  it('privacy reports the label and the name wherever else it stands, without --names (exit 1)', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'corpus/a.md': '---\nid: a\ntype: interview\ncase: c\nrespondents:\n  - { id: R1, label: Anouk de Vries }\nsource: { file: a.docx, sha256: 00, converter: mammoth 1.13.0 }\n---\nI: Hoe gaat het?\n\nR1: Goed.\n',
      'corpus/notities.txt': 'Gesprek met Anouk de Vries verplaatst.\n',
      'corpus/b.md': '---\nid: b\ntype: interview\ncase: c\nrespondents:\n  - { id: R1, label: Spreker 1 }\nsource: { file: b.docx, sha256: 00, converter: mammoth 1.13.0 }\n---\nI: Hoe?\n\nR1: Zo.\n',
    });
    const r = await werkscan(['privacy', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).hits).toEqual([
      { file: 'corpus/a.md', line: 6, column: 22, kind: 'naam', masked: 'Ano•• •• •••••' },
      { file: 'corpus/notities.txt', line: 1, column: 13, kind: 'naam', masked: 'Ano•• •• •••••' },
    ]);
  });
});

