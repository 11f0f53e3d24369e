/** Run werkscan in-process, or as the built binary, and capture what it prints. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const starter = path.join(repoRoot, 'examples/starter');

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

class Sink {
  text = '';
  constructor(readonly isTTY = false) {}
  write(s: string) {
    this.text += s;
    return true;
  }
}

export async function werkscan(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Result> {
  const stdout = new Sink();
  const stderr = new Sink();
  const code = await run({ argv: args, cwd, env, stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** The built binary, as a user runs it (needs `npm run build`, which `npm test` does first). */
export function werkscanBin(args: string[], cwd: string): Result {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/werkscan.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'werkscan-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A copy of the starter project (corpus/ and codebook/) in a fresh temporary folder. */
export function starterCopy(): string {
  const dir = tempDir();
  cpSync(path.join(starter, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
  cpSync(path.join(starter, 'codebook'), path.join(dir, 'codebook'), { recursive: true });
  cpSync(path.join(starter, 'werkscan.yaml'), path.join(dir, 'werkscan.yaml'));
  return dir;
}

/** Write files (path → content) below `dir`. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

/** A message must never carry a stack trace. */
export const hasStackTrace = (s: string) => /\n\s+at .+:\d+:\d+\)?/.test(s) || /Error: .*\n\s+at /.test(s);
