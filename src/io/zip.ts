import { Inflate } from 'fflate';

/**
 * A minimal ZIP writer for .qdpx files: entries stored uncompressed, UTF-8 names, CRC-32 computed here
 * (zlib.crc32 needs Node 20.15). Readers of REFI-QDA projects (ATLAS.ti, MAXQDA, QualCoder) accept stored entries.
 */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

// @testOnly: exported for test/helpers/zips.ts, test/cli/export.test.ts
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function zip(entries: readonly { name: string; data: Uint8Array }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  // A fixed date (1980-01-01) so that the same project zips to the same bytes.
  const dosTime = 0;
  const dosDate = (0 << 9) | (1 << 5) | 1;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, Buffer.from(e.data));
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/**
 * Reading a ZIP from someone else (a .qdpx): the central directory is checked whole (every entry inside
 * the file, no two entries sharing bytes, no encryption, no ZIP64), and an entry is inflated only when
 * asked for, in small steps (fflate's streaming Inflate), within limits on its size, on the total and on
 * the compression ratio. A refusal is a ZipError naming the entry.
 */
export interface ZipLimits {
  /** Largest inflated size of one entry, in bytes. */
  entryBytes: number;
  /** Largest inflated size of all entries read, together. */
  totalBytes: number;
  /** Largest inflated size ÷ stored size of an entry larger than `ratioFrom` bytes. */
  ratio: number;
  ratioFrom: number;
}

const MB = 1024 * 1024;
const ZIP_LIMITS: ZipLimits = { entryBytes: 64 * MB, totalBytes: 256 * MB, ratio: 100, ratioFrom: MB };

export class ZipError extends Error {
  constructor(
    message: string,
    readonly entry?: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

interface Entry {
  name: string;
  method: number;
  crc: number;
  stored: number;
  size: number;
  /** The entry's bytes in the file: its local header up to the end of its data. */
  start: number;
  dataAt: number;
}

export interface ZipReader {
  /** Entry names, as written. */
  readonly names: readonly string[];
  /** The inflated bytes of an entry (counted against the limits: read each entry once). */
  read(name: string): Buffer;
}

const mb = (n: number) => `${Math.round(n / MB)} MB`;

function endOfDirectory(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  throw new ZipError('not a ZIP file (no end of central directory)');
}

/** The central directory's entries, each checked against the file (bounds, overlap, method). */
function directory(buf: Buffer): Entry[] {
  const eocd = endOfDirectory(buf);
  const count = buf.readUInt16LE(eocd + 10);
  const dirAt = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirAt === 0xffffffff) throw new ZipError('ZIP64 archives are not supported');
  if (dirAt > eocd) throw new ZipError('damaged ZIP central directory');
  const entries: Entry[] = [];
  let at = dirAt;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || buf.readUInt32LE(at) !== 0x02014b50) throw new ZipError('damaged ZIP central directory');
    const nameLength = buf.readUInt16LE(at + 28);
    const name = buf.subarray(at + 46, Math.min(eocd, at + 46 + nameLength)).toString('utf8');
    const start = buf.readUInt32LE(at + 42);
    const stored = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    if (buf.readUInt16LE(at + 8) & 1) throw new ZipError(`entry ${name} is encrypted`, name);
    if (stored === 0xffffffff || size === 0xffffffff || start === 0xffffffff) throw new ZipError(`entry ${name} needs ZIP64, which is not supported`, name);
    if (start + 30 > dirAt || buf.readUInt32LE(start) !== 0x04034b50) throw new ZipError(`entry ${name} points outside the archive's data`, name);
    const dataAt = start + 30 + buf.readUInt16LE(start + 26) + buf.readUInt16LE(start + 28);
    if (dataAt + stored > dirAt) throw new ZipError(`entry ${name} points outside the archive's data`, name);
    entries.push({ name, method: buf.readUInt16LE(at + 10), crc: buf.readUInt32LE(at + 16), stored, size, start, dataAt });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  const byStart = [...entries].sort((a, b) => a.start - b.start);
  for (let i = 1; i < byStart.length; i++) {
    const [prev, e] = [byStart[i - 1]!, byStart[i]!];
    if (e.start < prev.dataAt + prev.stored) {
      const [first, second] = entries.indexOf(prev) < entries.indexOf(e) ? [prev, e] : [e, prev];
      throw new ZipError(`entry ${second.name} shares its data with entry ${first.name}`, second.name);
    }
  }
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.name)) throw new ZipError(`entry ${e.name} appears twice`, e.name);
    seen.add(e.name);
  }
  return entries;
}

/** Check an entry's declared size against the limits, before anything is inflated. */
function admit(e: Entry, limits: ZipLimits, total: number): void {
  if (e.method !== 0 && e.method !== 8) throw new ZipError(`entry ${e.name} uses compression method ${e.method} (expected stored or deflated)`, e.name);
  if (e.method === 0 && e.size !== e.stored) throw new ZipError(`entry ${e.name} is damaged (stored with two different sizes)`, e.name);
  if (e.size > limits.entryBytes) throw new ZipError(`entry ${e.name} would inflate to ${mb(e.size)}, more than the limit of ${mb(limits.entryBytes)} per entry`, e.name);
  if (total + e.size > limits.totalBytes) throw new ZipError(`entry ${e.name} would bring the entries read to ${mb(total + e.size)}, more than the limit of ${mb(limits.totalBytes)} in all`, e.name);
  if (e.size > limits.ratioFrom && e.size > limits.ratio * e.stored) {
    throw new ZipError(`entry ${e.name} would inflate ${Math.floor(e.size / Math.max(1, e.stored))}-fold, more than the limit of ${limits.ratio}-fold`, e.name);
  }
}

const STEP = 4096;

/** Inflate an entry a few kilobytes at a time, stopping as soon as it grows past its declared size. */
function inflate(buf: Buffer, e: Entry): Buffer {
  const raw = buf.subarray(e.dataAt, e.dataAt + e.stored);
  if (e.method === 0) return Buffer.from(raw);
  const chunks: Uint8Array[] = [];
  let length = 0;
  let ended = false;
  const inflater = new Inflate((data, final) => {
    length += data.length;
    if (length > e.size) throw new ZipError(`entry ${e.name} inflates to more than its declared ${e.size} bytes`, e.name);
    chunks.push(data);
    ended ||= final;
  });
  try {
    for (let at = 0; at < raw.length && !ended; at += STEP) inflater.push(raw.subarray(at, at + STEP), at + STEP >= raw.length);
  } catch (err) {
    if (err instanceof ZipError) throw err;
    throw new ZipError(`entry ${e.name} is damaged (${(err as Error).message})`, e.name);
  }
  if (length !== e.size) throw new ZipError(`entry ${e.name} is damaged (inflates to ${length} bytes, not the declared ${e.size})`, e.name);
  return Buffer.concat(chunks, length);
}

export function openZip(buf: Buffer, limits: ZipLimits = ZIP_LIMITS): ZipReader {
  const entries = new Map(directory(buf).map((e) => [e.name, e]));
  let total = 0;
  return {
    names: [...entries.keys()],
    read(name) {
      const e = entries.get(name);
      if (!e) throw new ZipError(`no entry ${name}`, name);
      admit(e, limits, total);
      const data = inflate(buf, e);
      total += data.length;
      if (crc32(data) !== e.crc) throw new ZipError(`entry ${e.name} is damaged (CRC-32 does not match)`, e.name);
      return data;
    },
  };
}
