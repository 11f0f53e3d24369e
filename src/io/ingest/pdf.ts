/**
 * A stand-in: PDF support is built on another branch (issue #18) and replaces this file at merge.
 */
import type { Converted } from '../../core/ingest/blocks.js';
import { InputError } from '../../core/errors.js';

export async function convertPdf(_bytes: Uint8Array, file: string): Promise<Converted> {
  throw new InputError('PDF support not built yet', { file, hint: 'save the PDF as .docx or .txt and ingest that, or wait for a werkscan with PDF support' });
}
