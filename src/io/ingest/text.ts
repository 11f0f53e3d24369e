/** Text files of transcription tools: decoded (UTF-8, or UTF-16 with a byte-order mark) with the file named on an error. */
import { decodeText, normalizeNewlines } from '../../core/text/positions.js';

export function decodeInput(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return normalizeNewlines(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return normalizeNewlines(new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  return decodeText(bytes, file);
}
