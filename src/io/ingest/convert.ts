/**
 * Which converter reads which extension, each loaded when first needed (mammoth and the XML parser
 * are heavy; `werkscan --help` and `code` never load them).
 */
import type { Converted } from '../../core/ingest/blocks.js';

type Converter = (bytes: Uint8Array, file: string) => Promise<Converted>;

export const CONVERTERS: Readonly<Record<string, Converter>> = {
  '.docx': async (b, f) => (await import('./docx.js')).convertDocx(b, f),
  '.odt': async (b, f) => (await import('./odt.js')).convertOdt(b, f),
  '.pdf': async (b, f) => (await import('./pdf.js')).convertPdf(b, f),
  '.srt': async (b, f) => (await import('./subtitles.js')).convertSrt(b, f),
  '.vtt': async (b, f) => (await import('./subtitles.js')).convertVtt(b, f),
  '.txt': async (b, f) => (await import('./txt.js')).convertTxt(b, f),
  '.json': async (b, f) => (await import('./json.js')).convertJson(b, f),
};

/** Formats whose content is speech: an input of no given type is an interview. */
export const SPEECH = new Set(['.srt', '.vtt', '.json']);
