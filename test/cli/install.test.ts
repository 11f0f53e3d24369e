/**
 * Installing werkscan for use outside this checkout, as docs/install.md says: `npm pack`, then
 * `npm install -g` of the tarball into a temporary prefix; the installed command starts a study and counts it.
 * The package is packed from a copy of the sources (never this checkout's dist/, which other tests run).
 * Its dependencies come from the npm registry: without it (outside CI) the test skips and says why.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/run.js';

const SOURCES = ['package.json', 'README.md', 'bin', 'docs', 'src', 'templates', 'tsconfig.json', 'tsconfig.build.json'];
const NETWORK = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|network|socket hang up/i;

/**
 * npm and the installed command, without what an `npm test` around this run sets about its own package
 * (its prefixes, package and script); the user's npm settings (registry, proxy, cache) are kept.
 */
const OUTER_NPM = /^npm_(package_|lifecycle_|config_(local_prefix|global_prefix|prefix)$)/i;
function env(): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!OUTER_NPM.test(k)) out[k] = v;
  out.PATH = `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`;
  out.NO_COLOR = '1';
  return out;
}

function sh(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: env(), encoding: 'utf8', timeout: 90_000 });
}

const failed = (what: string, r: SpawnSyncReturns<string>) => `${what} exited ${r.status}:\n${r.stdout}\n${r.stderr}`;

/** A copy of what the package is built from, with a stale module in dist/ that the build must remove. */
function sourceCopy(): string {
  const dir = path.join(tempDir('werkscan-pack-'), 'werkscan');
  for (const name of SOURCES) cpSync(path.join(repoRoot, name), path.join(dir, name), { recursive: true });
  symlinkSync(realpathSync(path.join(repoRoot, 'node_modules')), path.join(dir, 'node_modules'));
  mkdirSync(path.join(dir, 'dist/moved'), { recursive: true });
  writeFileSync(path.join(dir, 'dist/moved/old-module.js'), 'export {};\n');
  return dir;
}

describe('installing the packed package', () => {
  it('npm pack, npm install -g into a prefix, then werkscan init and werkscan code', { timeout: 180_000 }, (ctx) => {
    const src = sourceCopy();
    const out = tempDir('werkscan-install-');
    // the installed package with its dependencies is ~100 MB: leave nothing behind
    ctx.onTestFinished(() => {
      rmSync(path.dirname(src), { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    });

    const pack = sh('npm', ['pack', '--json', '--pack-destination', out], src);
    expect(pack.status, failed('npm pack', pack)).toBe(0);
    const [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    expect(packed!.filename).toBe(`werkscan-${version}.tgz`);
    const shipped = packed!.files.map((f) => f.path);
    // only what a user needs: the command, its build, the study template, the docs
    expect([...new Set(shipped.map((p) => p.split('/')[0]))].sort()).toEqual(['README.md', 'bin', 'dist', 'docs', 'package.json', 'templates']);
    expect(shipped).toContain('dist/cli.js');
    expect(shipped).toContain('dist/commands/init.js');
    expect(shipped).toContain('templates/study/_gitignore');
    expect(shipped).toContain('templates/study/_github/workflows/werkscan.yml');
    expect(shipped.filter((p) => p.startsWith('dist/moved/'))).toEqual([]);
    expect(shipped.filter((p) => p.endsWith('.ts') || p.endsWith('.map'))).toEqual([]);

    const prefix = path.join(out, 'prefix');
    const install = sh('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', path.join(out, packed!.filename)], out);
    if (install.status !== 0 && process.env.CI !== 'true' && NETWORK.test(install.stderr)) {
      const reason = `npm registry not reachable, install test skipped: ${install.stderr.split('\n').find((l) => NETWORK.test(l))?.trim()}`;
      console.warn(reason);
      ctx.skip(reason);
    }
    expect(install.status, failed('npm install -g', install)).toBe(0);

    const werkscan = path.join(prefix, 'bin', 'werkscan');
    expect(sh(werkscan, ['--version'], out).stdout).toBe(`${version}\n`);
    const init = sh(werkscan, ['init', 'study'], out);
    expect(init.status, failed('werkscan init', init)).toBe(0);
    expect(init.stdout).toMatch(/^wrote 8 files to study\/:\n/);
    const study = path.join(out, 'study');
    const code = sh(werkscan, ['code'], study);
    expect(code.status, failed('werkscan code', code)).toBe(0);
    expect(code.stderr).toBe('');
    expect(code.stdout).toContain('findings: 1 reproduced, 0 known discrepancies, 0 failed\nlint: 0 errors, 0 warnings\n');
    expect(readdirSync(path.join(study, 'reports'))).toEqual(
      // at least these (with the project file read, the axis comparison is written too)
      expect.arrayContaining(['.werkscan-manifest', 'cooccurrence.csv', 'deelvragen.md', 'evidence.csv', 'findings.md', 'frequencies.csv', 'frequencies.md', 'index.html', 'matrix.csv', 'segments.csv', 'term-matches.csv']),
    );
    expect(existsSync(path.join(study, '.gitignore'))).toBe(true);
    const check = sh(werkscan, ['code', '--check'], study);
    expect(check.status, failed('werkscan code --check', check)).toBe(0);
  });
});
