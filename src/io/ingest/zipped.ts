/** The zip inside .docx and .odt, checked with werkscan's reader (io/zip.ts) before anything else reads it. */
import { InputError } from '../../core/errors.js';
import { openZip, ZipError, type ZipReader } from '../zip.js';

const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * The zip, with every entry whose name matches `inflate` inflated once within io/zip.ts's limits (a zip
 * bomb is refused here). A file that starts as an OLE compound file is an encrypted (password-protected)
 * document, or an old binary .doc: refused by name.
 */
export function checkedZip(bytes: Uint8Array, file: string, what: string, inflate: RegExp): ZipReader & { entries: Map<string, Buffer> } {
  if (OLE.every((b, i) => bytes[i] === b)) {
    throw new InputError(`password-protected, or an old binary format: not a ${what} zip file`, { file, hint: `expected an unprotected file in the current format; remove the password (or save as .docx/.odt) and ingest it again` });
  }
  try {
    const zip = openZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const entries = new Map<string, Buffer>();
    for (const name of zip.names) if (inflate.test(name)) entries.set(name, zip.read(name));
    return Object.assign(zip, { entries });
  } catch (e) {
    if (!(e instanceof ZipError)) throw e;
    throw new InputError(`damaged or not a ${what} file: ${e.message}`, { file, hint: `expected a ${what} file that opens in a word processor` });
  }
}
