/**
 * A disk cache of parsed YAML, so start-up does not parse an unchanged codebook and every front matter
 * again (the yaml library needs ~100 ms for a 1,700-line codebook; JSON.parse of the result, under 1 ms).
 * Entries are content-addressed (SHA-1 of the text) in the package's node_modules/.cache/werkscan;
 * any failure just means no cache. WERKSCAN_CACHE=0 turns it off (cli.ts gives each run its folder, or
 * none, and the run passes it on: to the parsers, and to worker threads in their job).
 *
 * Every edit of a codebook or of an unusual front matter adds an entry, so the folder is kept within
 * CACHE_LIMITS: the first write of a run, and every 1,024th after it, deletes the oldest entries once
 * the folder holds too many or too large a total (see evictions()).
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedYaml, YamlCache } from '../core/parse/yaml-parsed.js';
import { makeDir, namesIn } from './write.js';

/** Bump when the shape of ParsedYaml changes. */
const FORMAT = 'werkscan-yaml-1';

export interface CacheLimits {
  entries: number;
  bytes: number;
}

/**
 * 5,000 entries hold the front matters of a large corpus that the fast path declines (about 1 KB each);
 * 64 MB hold them and a few hundred versions of a large codebook (about 230 KB each).
 */
const CACHE_LIMITS: CacheLimits = { entries: 5000, bytes: 64 * 1024 * 1024 };

/** A write that prunes: the first of a run, then every PRUNE_EVERY-th. */
const PRUNE_EVERY = 1024;
/** A temporary file older than this was left by a run that died while writing it. */
const STALE_TMP_MS = 60 * 60 * 1000;

export interface CacheEntry {
  name: string;
  bytes: number;
  mtimeMs: number;
}

// @testOnly: exported for test/io/cache.test.ts
/**
 * The entries to delete, oldest first (then by name, for a stable order). Nothing while the folder is
 * within both limits; once it exceeds either, down to three quarters of both, so that the next few writes
 * do not prune again. An entry in daily use that goes is simply parsed and written again.
 */
export function evictions(entries: readonly CacheEntry[], limits: CacheLimits): string[] {
  let count = entries.length;
  let bytes = entries.reduce((sum, e) => sum + e.bytes, 0);
  if (count <= limits.entries && bytes <= limits.bytes) return [];
  const oldestFirst = [...entries].sort((a, b) => a.mtimeMs - b.mtimeMs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of oldestFirst) {
    if (count <= Math.floor(limits.entries * 0.75) && bytes <= Math.floor(limits.bytes * 0.75)) break;
    out.push(e.name);
    count--;
    bytes -= e.bytes;
  }
  return out;
}

// @testOnly: exported for test/cli/loading.test.ts, test/io/cache.test.ts
/** The file name of the entry for `text`. */
export function entryName(text: string): string {
  return `${createHash('sha1').update(FORMAT).update(text).digest('hex')}.json`;
}

// @testOnly: exported for test/io/cache.test.ts
export function diskYamlCache(dir = defaultCacheDir(), limits: CacheLimits = CACHE_LIMITS, now = Date.now): YamlCache {
  let usable = true;
  let writes = 0;
  const file = (text: string) => path.join(dir, entryName(text));
  return {
    get(text) {
      if (!usable) return undefined;
      try {
        return JSON.parse(readFileSync(file(text), 'utf8')) as ParsedYaml;
      } catch {
        return undefined;
      }
    },
    set(text, parsed) {
      if (!usable) return;
      try {
        makeDir(dir);
        const target = file(text);
        const tmp = `${target}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify(parsed));
        renameSync(tmp, target);
      } catch {
        usable = false; // read-only install: run without a cache
        return;
      }
      if (writes++ % PRUNE_EVERY === 0) prune(dir, limits, now());
    },
  };
}

// @testOnly: exported for test/io/cache.test.ts
/** Keep `dir` within `limits`; a file another process deletes first, or cannot be read, is skipped. */
export function prune(dir: string, limits: CacheLimits, nowMs: number): void {
  const entries: CacheEntry[] = [];
  for (const name of namesIn(dir)) {
    const isEntry = name.endsWith('.json');
    if (!isEntry && !name.endsWith('.tmp')) continue;
    try {
      const st = statSync(path.join(dir, name));
      if (isEntry) entries.push({ name, bytes: st.size, mtimeMs: st.mtimeMs });
      else if (nowMs - st.mtimeMs > STALE_TMP_MS) unlinkSync(path.join(dir, name));
    } catch {
      // gone meanwhile
    }
  }
  for (const name of evictions(entries, limits)) {
    try {
      unlinkSync(path.join(dir, name));
    } catch {
      // gone meanwhile
    }
  }
}

/** The cache for a run: in `dir`, or none (null). */
export function openYamlCache(dir: string | null): YamlCache | null {
  return dir === null ? null : diskYamlCache(dir);
}

/** The cache's folder, unless the environment turns it off (WERKSCAN_CACHE=0). */
export function yamlCacheDir(env: Readonly<Record<string, string | undefined>>): string | null {
  return env.WERKSCAN_CACHE === '0' ? null : defaultCacheDir();
}

function defaultCacheDir(): string {
  return fileURLToPath(new URL('../../node_modules/.cache/werkscan/', import.meta.url));
}
