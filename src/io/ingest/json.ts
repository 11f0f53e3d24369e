/**
 * JSON of speech-to-text tools: OpenAI Whisper's and WhisperX's `{ "segments": [{ "start", "end",
 * "text", "speaker"? }] }` (WhisperX writes `speaker` after diarisation: `SPEAKER_00`). One paragraph per
 * run of segments of one speaker, its start in `time`. Any other shape is exit 2 naming what is missing.
 */
import type { Block, Converted } from '../../core/ingest/blocks.js';
import { InputError } from '../../core/errors.js';
import { lineColumn } from '../../core/text/positions.js';
import { secondsToTime } from '../../core/ingest/timestamps.js';
import { decodeInput } from './text.js';

const SHAPE = 'expected Whisper/WhisperX JSON: { "segments": [{ "start": 0.0, "end": 2.5, "text": "…", "speaker": "SPEAKER_00" }] }';

function parse(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message);
    const pos = at ? lineColumn(text, Number(at[1])) : {};
    throw new InputError(`not valid JSON (${(e as Error).message.replace(/ in JSON at position \d+.*$/, '')})`, { file, ...pos, hint: SHAPE });
  }
}

export function convertJson(bytes: Uint8Array, file: string): Converted {
  const data = parse(decodeInput(bytes, file), file) as { segments?: unknown };
  if (data === null || typeof data !== 'object' || !Array.isArray(data.segments)) throw new InputError('no "segments" list', { file, hint: SHAPE });
  const blocks: Block[] = [];
  let last: (Block & { kind: 'paragraph' }) | undefined;
  data.segments.forEach((seg: unknown, i) => {
    const s = seg as { start?: unknown; text?: unknown; speaker?: unknown };
    if (s === null || typeof s !== 'object' || typeof s.text !== 'string' || typeof s.start !== 'number') {
      throw new InputError(`segments[${i}] has no "text" and numeric "start"`, { file, hint: SHAPE });
    }
    const text = s.text.trim();
    const speaker = typeof s.speaker === 'string' ? s.speaker : undefined;
    if (text === '') return;
    if (last && speaker !== undefined && last.speaker === speaker) last.text += ` ${text}`;
    else {
      last = { kind: 'paragraph', text, time: secondsToTime(s.start), ...(speaker !== undefined ? { speaker } : {}) };
      blocks.push(last);
    }
  });
  if (blocks.length === 0) throw new InputError('no text: every segment is empty', { file, hint: SHAPE });
  return { blocks, converter: 'werkscan whisper-json', warnings: [] };
}
