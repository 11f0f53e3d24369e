/**
 * #14.10: reports must not depend on the user's locale. Under LANG=da_DK.UTF-8, ICU's default collation
 * sorts "aa" as "å", after "z"; `localeCompare` without a locale followed it, so term-matches.csv came out
 * in another order and `code --check` failed on a colleague's machine. The binary is run, because the
 * default locale is fixed when Node starts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, starterCopy, writeFiles } from '../helpers/run.js';

const bin = (args: string[], cwd: string, lang: string) =>
  spawnSync(process.execPath, [path.join(repoRoot, 'bin/werkscan.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: lang, LC_ALL: lang, NO_COLOR: '1', WERKSCAN_CACHE: '0' },
  });

describe('collation', () => {
  it('Node here knows Danish collation (else this test would prove nothing)', () => {
    expect('aa'.localeCompare('b', 'da')).toBe(1);
  });

  it('term-matches.csv is the same under LANG=da_DK.UTF-8 as under C.UTF-8, and --check passes across them', () => {
    const dir = starterCopy();
    const codebook = readFileSync(path.join(dir, 'codebook/codebook.yaml'), 'utf8');
    // one term, two surface forms counted once each: their order is decided by collation alone
    writeFiles(dir, {
      'codebook/codebook.yaml': codebook.replace('terms: [capaciteit, personeelstekort*', 'terms: [capaciteit, "*kader", personeelstekort*'),
      'corpus/plannen/extra.md': '---\ntype: plan\ncase: leiden\n---\n# Plannen\n\nEr is een beleidskader en een aandachtskader.\n',
    });
    const c = bin(['code'], dir, 'C.UTF-8');
    expect(c.stderr).not.toContain('internal error');
    expect(c.status).toBe(0);
    const rows = readFileSync(path.join(dir, 'reports/term-matches.csv'), 'utf8').split(/\r?\n/).filter((l) => l.startsWith('capaciteit,*kader,'));
    expect(rows).toEqual(['capaciteit,*kader,aandachtskader,1', 'capaciteit,*kader,beleidskader,1']);
    const da = bin(['code', '--check'], dir, 'da_DK.UTF-8');
    expect(da.stderr).toBe('');
    expect(da.status).toBe(0);
  });
});
