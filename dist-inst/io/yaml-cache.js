/**
 * A disk cache of parsed YAML, so start-up does not parse an unchanged codebook and every front matter
 * again (the yaml library needs ~100 ms for a 1,700-line codebook; JSON.parse of the result, under 1 ms).
 * Entries are content-addressed (SHA-1 of the text) in the package's node_modules/.cache/werkscan;
 * any failure just means no cache. WERKSCAN_CACHE=0 turns it off.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
/** Bump when the shape of ParsedYaml changes. */
const FORMAT = 'werkscan-yaml-1';
export function diskYamlCache(dir = defaultDir()) {
    let usable = true;
    const file = (text) => path.join(dir, `${createHash('sha1').update(FORMAT).update(text).digest('hex')}.json`);
    return {
        get(text) {
            if (!usable)
                return undefined;
            try {
                return JSON.parse(readFileSync(file(text), 'utf8'));
            }
            catch {
                return undefined;
            }
        },
        set(text, parsed) {
            if (!usable)
                return;
            try {
                mkdirSync(dir, { recursive: true });
                const target = file(text);
                const tmp = `${target}.${process.pid}.tmp`;
                writeFileSync(tmp, JSON.stringify(parsed));
                renameSync(tmp, target);
            }
            catch {
                usable = false; // read-only install: run without a cache
            }
        },
    };
}
function defaultDir() {
    return fileURLToPath(new URL('../../node_modules/.cache/werkscan/', import.meta.url));
}
