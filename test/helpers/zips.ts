/** Hostile ZIP files, built in memory: deflated entries that inflate far beyond their size, lying headers, shared data. */
import { constants, deflateRawSync } from 'node:zlib';
import { crc32 } from '../../src/io/zip.js';

/** A raw DEFLATE stream that inflates to `mib` MiB of zero bytes: one flushed 1 MiB block repeated (about 1 KB each). */
export function zeroStream(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array<Buffer>(mib).fill(block), deflateRawSync(Buffer.alloc(0))]);
}

export interface RawEntry {
  name: string;
  /** The bytes as stored in the archive (deflated where method is 8). */
  stored: Buffer;
  method: 0 | 8;
  /** Declared inflated size and CRC (a liar's header may say anything). */
  size: number;
  crc: number;
}

export const storedEntry = (name: string, data: string | Buffer): RawEntry => {
  const b = Buffer.from(data);
  return { name, stored: b, method: 0, size: b.length, crc: crc32(b) };
};

export const deflatedEntry = (name: string, data: string | Buffer): RawEntry => {
  const b = Buffer.from(data);
  return { name, stored: deflateRawSync(b), method: 8, size: b.length, crc: crc32(b) };
};

/**
 * A ZIP of `entries`; `aliases` adds central-directory records that point at the local header of an
 * earlier entry (the "many entries, one stream" bomb): [name, index of the entry whose data it reuses].
 */
export function rawZip(entries: readonly RawEntry[], aliases: readonly [string, number][] = []): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  const central = (e: RawEntry, name: Buffer, at: number) => {
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(e.crc, 16);
    c.writeUInt32LE(e.stored.length, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(at, 42);
    centrals.push(c, name);
  };
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const l = Buffer.alloc(30);
    l.writeUInt32LE(0x04034b50, 0);
    l.writeUInt16LE(20, 4);
    l.writeUInt16LE(0x0800, 6);
    l.writeUInt16LE(e.method, 8);
    l.writeUInt32LE(e.crc, 14);
    l.writeUInt32LE(e.stored.length, 18);
    l.writeUInt32LE(e.size, 22);
    l.writeUInt16LE(name.length, 26);
    locals.push(l, name, e.stored);
    offsets.push(offset);
    central(e, name, offset);
    offset += 30 + name.length + e.stored.length;
  }
  for (const [name, i] of aliases) central(entries[i]!, Buffer.from(name, 'utf8'), offsets[i]!);
  const size = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** A project.qde with text sources: [name, plain text inline | null for a sources/<name>.txt file]. */
export function projectQde(sources: readonly [string, string | null][], cases = ''): string {
  const src = sources
    .map(([name, plain], i) => {
      const g = `00000000-0000-0000-0000-${String(i + 1).padStart(12, '0')}`;
      const esc = name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
      return plain === null
        ? `<TextSource guid="${g}" name="${esc}" plainTextPath="internal://${esc}.txt"/>`
        : `<TextSource guid="${g}" name="${esc}"><PlainTextContent>${plain}</PlainTextContent></TextSource>`;
    })
    .join('');
  return `<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="t"><CodeBook><Codes><Code guid="00000000-0000-0000-0000-0000000000AA" name="iets" isCodable="true"/></Codes></CodeBook>${cases}<Sources>${src}</Sources></Project>`;
}
