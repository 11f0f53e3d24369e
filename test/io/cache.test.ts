/**
 * The YAML parse cache (src/io/cache.ts): entries come back as written, and the folder is kept within
 * its limits by deleting the oldest entries — worked out by hand below.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParsedYaml } from '../../src/core/parse/yaml-parsed.js';
import { diskYamlCache, entryName, evictions, prune, type CacheEntry } from '../../src/io/cache.js';

const root = mkdtempSync(path.join(tmpdir(), 'werkscan-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => path.join(root, `c${n++}`);

const parsed = (id: string): ParsedYaml => ({ data: { id }, positions: { value: { '': [1, 1] }, key: {} } });
const entry = (name: string, bytes: number, mtimeMs: number): CacheEntry => ({ name, bytes, mtimeMs });
/** Set a file's modification time to `seconds` after the epoch. */
const age = (file: string, seconds: number) => utimesSync(file, seconds, seconds);

describe('evictions', () => {
  const limits = { entries: 4, bytes: 1000 };

  it('deletes nothing within both limits, up to and including them', () => {
    expect(evictions([], limits)).toEqual([]);
    const four = ['a', 'b', 'c', 'd'].map((name, i) => entry(name, 250, i));
    expect(evictions(four, limits)).toEqual([]); // 4 entries, 1000 bytes: exactly at both limits
  });

  it('over the entry limit: oldest first, down to three quarters (3 entries)', () => {
    const five = [entry('e', 10, 5), entry('a', 10, 1), entry('c', 10, 3), entry('b', 10, 2), entry('d', 10, 4)];
    expect(evictions(five, limits)).toEqual(['a', 'b']);
  });

  it('over the byte limit: oldest first, down to three quarters (750 bytes)', () => {
    // 1,100 bytes: without x 500 (≤ 750), so x alone goes, though it is not the smallest
    expect(evictions([entry('x', 600, 1), entry('y', 300, 2), entry('z', 200, 3)], limits)).toEqual(['x']);
    // 1,200 bytes, oldest small: 1,200 → 1,100 → 1,000 → 400
    expect(evictions([entry('p', 100, 1), entry('q', 100, 2), entry('r', 600, 3), entry('s', 400, 4)], limits)).toEqual(['p', 'q', 'r']);
  });

  it('breaks ties in age by name, so the result does not depend on listing order', () => {
    const tied = [entry('m', 10, 7), entry('k', 10, 7), entry('l', 10, 7), entry('j', 10, 7), entry('i', 10, 7)];
    expect(evictions(tied, limits)).toEqual(['i', 'j']);
    expect(evictions([...tied].reverse(), limits)).toEqual(['i', 'j']);
  });
});

describe('diskYamlCache', () => {
  it('gives back what was set, by content, and nothing for a text never set', () => {
    const dir = freshDir();
    const cache = diskYamlCache(dir);
    cache.set('id: a\n', parsed('a'));
    expect(diskYamlCache(dir).get('id: a\n')).toEqual(parsed('a'));
    expect(diskYamlCache(dir).get('id: b\n')).toBeUndefined();
  });

  it('prunes on the first write of a run: the oldest entries go, the newest stay', () => {
    const dir = freshDir();
    const limits = { entries: 4, bytes: 1e9 };
    const first = diskYamlCache(dir, limits);
    const texts = ['id: t0\n', 'id: t1\n', 'id: t2\n', 'id: t3\n'];
    texts.forEach((t, i) => first.set(t, parsed(`t${i}`)));
    expect(readdirSync(dir)).toHaveLength(4); // within the limit: nothing pruned
    // Give them distinct ages, t0 oldest; the next run writes a fifth entry (now the newest).
    texts.forEach((t, i) => age(path.join(dir, entryName(t)), 1_000_000 + i));
    diskYamlCache(dir, limits).set('id: t4\n', parsed('t4'));
    // 5 entries > 4: down to 3, the two oldest (t0, t1) deleted
    const second = diskYamlCache(dir, limits);
    expect(['id: t0\n', 'id: t1\n', 'id: t2\n', 'id: t3\n', 'id: t4\n'].map((t) => second.get(t)?.data)).toEqual([undefined, undefined, { id: 't2' }, { id: 't3' }, { id: 't4' }]);
  });

  it('does without a cache where it cannot write', () => {
    const blocked = path.join(root, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const cache = diskYamlCache(path.join(blocked, 'cache'));
    expect(() => cache.set('id: a\n', parsed('a'))).not.toThrow();
    expect(cache.get('id: a\n')).toBeUndefined();
  });
});

describe('prune', () => {
  it('deletes temporary files left by a run that died an hour ago or more, and keeps a fresh one', () => {
    const dir = freshDir();
    diskYamlCache(dir).set('id: a\n', parsed('a'));
    const now = 2_000_000_000_000;
    writeFileSync(path.join(dir, 'old.json.1.tmp'), '{');
    writeFileSync(path.join(dir, 'new.json.2.tmp'), '{');
    age(path.join(dir, 'old.json.1.tmp'), now / 1000 - 3601);
    age(path.join(dir, 'new.json.2.tmp'), now / 1000 - 60);
    prune(dir, { entries: 10, bytes: 1e9 }, now);
    expect(existsSync(path.join(dir, 'old.json.1.tmp'))).toBe(false);
    expect(existsSync(path.join(dir, 'new.json.2.tmp'))).toBe(true);
    expect(diskYamlCache(dir).get('id: a\n')).toEqual(parsed('a'));
  });

  it('leaves other files in the folder alone, and a missing folder is no error', () => {
    const dir = freshDir();
    diskYamlCache(dir).set('id: a\n', parsed('a'));
    writeFileSync(path.join(dir, 'README'), 'mine');
    prune(dir, { entries: 0, bytes: 0 }, Date.now());
    expect(readdirSync(dir)).toEqual(['README']);
    expect(() => prune(path.join(root, 'nowhere'), { entries: 0, bytes: 0 }, Date.now())).not.toThrow();
  });
});
