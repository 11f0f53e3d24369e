/**
 * #14.12 (part): what werkscan prints on a terminal and about its temporary folder.
 * - colour: TERM=dumb gets none; NO_COLOR (non-empty) and --no-color switch it off; FORCE_COLOR switches it on;
 * - a file name with a newline is quoted (JSON-style) in `file:line:column`, so each message stays one line;
 * - a temporary folder that is missing or full is an input error naming it, not "internal error".
 */
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { formatPosition } from '../../src/core/errors.js';
import { repoRoot, starterCopy, tempDir, werkscan, writeFiles } from '../helpers/run.js';

class Sink {
  text = '';
  constructor(readonly isTTY: boolean) {}
  write(s: string) {
    this.text += s;
    return true;
  }
}

/** `lint` on a project with one warning, stdout a terminal; what it prints. */
async function lintOnTerminal(env: Record<string, string>, argv: string[] = []): Promise<string> {
  const dir = starterCopy();
  writeFiles(dir, { 'corpus/interviews/ams-09.md': '---\ntype: interview\ncase: amsterdam\nrespondents:\n  - { id: R1, role: x }\n---\nI: Vraag?\n' });
  const stdout = new Sink(true);
  const stderr = new Sink(true);
  await run({ argv: ['lint', ...argv], cwd: dir, env, stdout, stderr });
  return stdout.text + stderr.text;
}

const ESC = '\x1b[';

describe('colour', () => {
  it('is used on a terminal', async () => {
    expect(await lintOnTerminal({ TERM: 'xterm-256color' })).toContain(ESC);
  });
  it('is not used with TERM=dumb', async () => {
    const out = await lintOnTerminal({ TERM: 'dumb' });
    expect(out).toContain('warning');
    expect(out).not.toContain(ESC);
  });
  it('is not used with NO_COLOR or --no-color, not even with FORCE_COLOR', async () => {
    expect(await lintOnTerminal({ TERM: 'xterm', NO_COLOR: '1' })).not.toContain(ESC);
    expect(await lintOnTerminal({ TERM: 'xterm', FORCE_COLOR: '1' }, ['--no-color'])).not.toContain(ESC);
  });
  it('is used with FORCE_COLOR, also on TERM=dumb; FORCE_COLOR=0 switches it off', async () => {
    expect(await lintOnTerminal({ TERM: 'dumb', FORCE_COLOR: '1' })).toContain(ESC);
    expect(await lintOnTerminal({ TERM: 'xterm', FORCE_COLOR: '0' })).not.toContain(ESC);
  });
});

describe('file names that would break file:line:column', () => {
  it('are quoted JSON-style; ordinary names are not', () => {
    expect(formatPosition({ file: 'corpus/a\nb.md', line: 3, column: 2 })).toBe('"corpus/a\\nb.md":3:2');
    expect(formatPosition({ file: 'corpus/a"b.md', line: 3 })).toBe('"corpus/a\\"b.md":3');
    expect(formatPosition({ file: 'corpus/ams-01 (kopie).md', line: 3 })).toBe('corpus/ams-01 (kopie).md:3');
  });

  it('a lint problem in a document whose name has a newline stays on one line', async () => {
    const dir = starterCopy();
    writeFiles(dir, { 'corpus/interviews/ams\n09.md': '---\ntype: interview\ncase: nergens\nrespondents:\n  - { id: R1, role: x }\n---\nR1: Ja.\n' });
    const r = await werkscan(['lint'], dir);
    // (the message itself names the document id, which is the file name: ids are checked elsewhere, #14.1)
    expect(r.stdout.split('\n')).toContain('"corpus/interviews/ams\\n09.md":3:1: error: document interviews/ams');
  });

  it('an input error in such a file names it quoted', async () => {
    const dir = starterCopy();
    writeFiles(dir, { 'corpus/interviews/ams\n09.md': '---\ntype: [\n---\nR1: Ja.\n' });
    const r = await werkscan(['lint'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/^werkscan: "corpus\/interviews\/ams\\n09\.md":\d+(:\d+)?: /);
  });
});

const bin = (args: string[], cwd: string, env: Record<string, string>) =>
  spawnSync(process.execPath, [path.join(repoRoot, 'bin/werkscan.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', WERKSCAN_CACHE: '0', ...env } });

describe('the temporary folder of a large run', () => {
  it('missing: exit 2 naming it', () => {
    const dir = starterCopy();
    const missing = path.join(dir, 'no-such-tmp');
    const r = bin(['code', '--jobs', '2'], dir, { TMPDIR: missing });
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).toContain(`cannot write to the temporary folder ${missing} (it does not exist)`);
    expect(r.status).toBe(2);
  });

  // A full disk needs a small file system of its own: a tmpfs, which only root may mount.
  const root = process.getuid?.() === 0;
  it.skipIf(!root)('full (ENOSPC): exit 2 naming it', () => {
    const dir = starterCopy();
    const small = path.join(tempDir('werkscan-full-'), 'small');
    mkdirSync(small);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', small], { stdio: 'ignore' });
    } catch {
      return; // not allowed here (a container without CAP_SYS_ADMIN): nothing to test
    }
    try {
      try {
        writeFileSync(path.join(small, 'fill'), Buffer.alloc(128 * 1024));
      } catch {
        // full now
      }
      const r = bin(['code', '--jobs', '2'], dir, { TMPDIR: small });
      expect(r.stderr).not.toContain('internal error');
      expect(r.stderr).toContain(`cannot write to the temporary folder ${small} (no space left on the device)`);
      expect(r.status).toBe(2);
    } finally {
      execFileSync('umount', [small]);
    }
  });
});
