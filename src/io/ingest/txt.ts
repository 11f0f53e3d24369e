/**
 * Plain-text transcripts (`.txt`): paragraphs separated by blank lines, each line kept (the speaker
 * recogniser reads line by line). Otter.ai's export is read too: a paragraph whose first line is a
 * speaker, two spaces and a time (`Speaker 1  0:03`, `Jan de Vries  1:02:15`) is that speaker's turn.
 * Labels with a colon (`I: …`, f4/f5transkript's `I: … #00:01:02-5#`) are left to the recogniser.
 */
import type { Block, Converted } from '../../core/ingest/blocks.js';
import { normalizeTime } from '../../core/ingest/timestamps.js';
import { decodeInput } from './text.js';

const OTTER_HEADER = /^(\S.{0,62}?) {2,}((?:\d{1,2}:)?\d{1,2}:\d{2})\s*$/;

function paragraphsOf(text: string, firstLine = 1): Block[] {
  const blocks: Block[] = [];
  const lines = text.split('\n');
  let start = -1;
  const flush = (end: number) => {
    if (start < 0) return;
    const chunk = lines.slice(start, end);
    const header = OTTER_HEADER.exec(chunk[0]!);
    if (header && chunk.length > 1) {
      blocks.push({ kind: 'paragraph', text: chunk.slice(1).join('\n'), speaker: header[1]!, time: normalizeTime(header[2]!), line: firstLine + start + 1 });
    } else blocks.push({ kind: 'paragraph', text: chunk.join('\n'), line: firstLine + start });
    start = -1;
  };
  lines.forEach((line, i) => {
    if (line.trim() === '') flush(i);
    else if (start < 0) start = i;
  });
  flush(lines.length);
  return blocks;
}

export function convertTxt(bytes: Uint8Array, file: string): Converted {
  return { blocks: paragraphsOf(decodeInput(bytes, file)), converter: 'werkscan txt', warnings: [] };
}
