/**
 * Subtitles (`.srt`, `.vtt`): one paragraph per run of cues of one speaker, its start time in `time`.
 * WebVTT voice tags (`<v Jan de Vries>`, `<v.loud Jan>`, as Microsoft Teams writes them) give the speaker;
 * other tags (`<c>`, `<i>`, `<00:00:01.000>`) are dropped, as are NOTE, STYLE and REGION blocks. Cues
 * without a voice tag keep their text as it is (a label like `Jan: …` in it is left to the recogniser),
 * each one a paragraph.
 */
import type { Block, Converted } from '../../core/ingest/blocks.js';
import { InputError } from '../../core/errors.js';
import { normalizeTime } from '../../core/ingest/timestamps.js';
import { decodeInput } from './text.js';

const TIMING = /^\s*((?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*((?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3})/;
const VOICE = /<v(?:\.[^\s>]*)?\s+([^>]{1,63})>/;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: ' ', lrm: '', rlm: '' };
const untag = (s: string) => s.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (_, e: string) => ENTITIES[e]!);

interface Cue {
  line: number;
  time: string;
  speaker?: string;
  text: string;
}

function cuesOf(text: string, file: string, vtt: boolean): Cue[] {
  const lines = text.split('\n');
  if (vtt && !/^WEBVTT(?:[ \t]|$)/.test(lines[0] ?? '')) {
    throw new InputError('not a WebVTT file: the first line is not "WEBVTT"', { file, line: 1, hint: 'expected a .vtt file starting with WEBVTT' });
  }
  const cues: Cue[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = TIMING.exec(lines[i]!);
    if (!m) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && lines[j]!.trim() !== ''; j++) body.push(lines[j]!);
    const joined = body.join('\n');
    const voice = vtt ? VOICE.exec(joined) : null;
    const said = untag(joined).split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
    if (said !== '') cues.push({ line: i + 1, time: normalizeTime(m[1]!.replace(',', '.')), ...(voice ? { speaker: voice[1]!.trim() } : {}), text: said });
    i = j;
  }
  if (cues.length === 0) throw new InputError(`no cues: not one line of the form "00:00:01${vtt ? '.' : ','}000 --> 00:00:04${vtt ? '.' : ','}000"`, { file, hint: `expected a ${vtt ? 'WebVTT' : 'SubRip'} subtitle file` });
  return cues;
}

function convert(bytes: Uint8Array, file: string, vtt: boolean): Converted {
  const blocks: Block[] = [];
  let last: (Block & { kind: 'paragraph' }) | undefined;
  for (const cue of cuesOf(decodeInput(bytes, file), file, vtt)) {
    if (last && cue.speaker !== undefined && last.speaker === cue.speaker) {
      last.text += ` ${cue.text}`;
      continue;
    }
    last = { kind: 'paragraph', text: cue.text, time: cue.time, line: cue.line, ...(cue.speaker !== undefined ? { speaker: cue.speaker } : {}) };
    blocks.push(last);
  }
  return { blocks, converter: vtt ? 'werkscan vtt' : 'werkscan srt', warnings: [] };
}

export const convertSrt = (bytes: Uint8Array, file: string) => convert(bytes, file, false);
export const convertVtt = (bytes: Uint8Array, file: string) => convert(bytes, file, true);
