/**
 * Word (`.docx`) through mammoth's HTML (headings, lists, bold labels, tables, footnotes; read by
 * core/ingest/html.ts). Before mammoth sees the file its zip is checked with werkscan's own reader
 * (io/zip.ts): the entries mammoth reads must inflate within limits, so a zip bomb is refused, not
 * unpacked. A password-protected Word file is not a zip but an OLE compound file: refused by name.
 * Images are not read (their bytes would only be thrown away).
 */
import { createRequire } from 'node:module';
import type { Converted } from '../../core/ingest/blocks.js';
import { InputError } from '../../core/errors.js';
import { htmlBlocks } from '../../core/ingest/html.js';
import { checkedZip } from './zipped.js';

const version = () => (createRequire(import.meta.url)('mammoth/package.json') as { version: string }).version;

export async function convertDocx(bytes: Uint8Array, file: string): Promise<Converted> {
  const zip = checkedZip(bytes, file, 'Word', /\.(?:xml|rels)$/);
  if (!zip.names.includes('word/document.xml')) throw new InputError('not a Word document: no word/document.xml in it', { file, hint: 'expected a .docx saved by Word or LibreOffice' });
  const mammoth = (await import('mammoth')).default;
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), ignoreEmptyParagraphs: true, externalFileAccess: false },
    );
  } catch (e) {
    throw new InputError(`cannot read this Word document (${(e as Error).message.split('\n')[0]})`, { file, hint: 'expected a .docx that Word or LibreOffice opens; re-save it there' });
  }
  const warnings = result.messages.filter((m) => m.type === 'error').map((m) => ({ message: `mammoth: ${m.message}` }));
  return { blocks: htmlBlocks(result.value), converter: `mammoth ${version()}`, warnings };
}
