/** Reading ZIP files from others: within limits, only what is asked for, refusals naming the entry (#14.2). */
import { describe, expect, it } from 'vitest';
import { openZip, zip, ZipError, type ZipLimits } from '../../src/io/zip.js';
import { deflatedEntry, rawZip, storedEntry } from '../helpers/zips.js';

const small: ZipLimits = { entryBytes: 1000, totalBytes: 1000, ratio: 100, ratioFrom: 1e9 };
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ZipError);
    return [(e as ZipError).entry, (e as ZipError).message];
  }
  throw new Error('not refused');
};

describe('openZip', () => {
  it('reads what zip() writes, stored or deflated', () => {
    const z = openZip(zip([{ name: 'a.txt', data: Buffer.from('één') }, { name: 'b/c.txt', data: Buffer.from('') }]));
    expect(z.names).toEqual(['a.txt', 'b/c.txt']);
    expect(z.read('a.txt').toString('utf8')).toBe('één');
    expect(z.read('b/c.txt').length).toBe(0);
    expect(openZip(rawZip([deflatedEntry('d.txt', 'x'.repeat(500))])).read('d.txt').toString()).toBe('x'.repeat(500));
  });

  it('counts what was read against the total: 400 + 400 bytes pass, a third 400 does not', () => {
    const z = openZip(rawZip(['a', 'b', 'c'].map((n) => storedEntry(n, n.repeat(400)))), small);
    z.read('a');
    z.read('b');
    expect(refusal(() => z.read('c'))).toEqual(['c', 'entry c would bring the entries read to 0 MB, more than the limit of 0 MB in all']);
  });

  it('refuses an entry over the per-entry limit before inflating it', () => {
    const z = openZip(rawZip([storedEntry('groot', 'x'.repeat(1001))]), small);
    expect(refusal(() => z.read('groot'))[0]).toBe('groot');
  });

  it('refuses a truncated archive, an entry pointing past the data, and a name used twice', () => {
    const good = rawZip([storedEntry('a', 'abc')]);
    expect(refusal(() => openZip(good.subarray(0, good.length - 10)))).toEqual([undefined, 'not a ZIP file (no end of central directory)']);
    const twice = rawZip([storedEntry('a', 'abc'), storedEntry('a', 'def')]);
    expect(refusal(() => openZip(twice))).toEqual(['a', 'entry a appears twice']);
    const lying = rawZip([{ ...storedEntry('a', 'abc'), stored: Buffer.from('abc') }]);
    lying.writeUInt32LE(1 << 20, lying.length - 22 - 46 - 1 + 20 + 1); // central record's compressed size: 1 MB
    expect(refusal(() => openZip(lying))).toEqual(['a', "entry a points outside the archive's data"]);
  });
});
