/** The turns of an interview: which lines start one (speaker labels, also written unusually or garbled), and its pieces of the body. */
import { InputError } from '../errors.js';
import type { ParseNote } from '../model.js';
import { isAsciiLetterCode } from '../text/sentences.js';
import { isBlankLine, mayStartLabel, readLabel, type LabelLine } from './labels.js';

export interface Chunk {
  raw: string;
  line: number;
  speaker: string | null;
  /** Length of the speaker label (`R1:`) plus following blanks, in UTF-16 units. */
  labelLength: number;
}

export interface BodyContext {
  /** The body is speaker turns. */
  hasTurns: boolean;
  docId: string;
  file: string;
  /** Labels that name a speaker (ids and respondents' labels) → the speaker's id. */
  speakers: ReadonlyMap<string, string>;
}

/**
 * The speaker a label line starts a turn of, or null (the line continues the turn). A known label does;
 * so does any other label of the classic form (`Kees:`), one that reads as a name (`Jan de Vries:`), and
 * any label at the start of a paragraph: lint names the unknown ones. Prose in the middle of a paragraph
 * (`Dat merk je meteen: …`) continues the turn.
 */
function speakerOf(label: LabelLine, speakers: ReadonlyMap<string, string>, paragraphStart: boolean): string | null {
  const known = speakers.get(label.name);
  if (known !== undefined) return known;
  if (label.tight) return null;
  return label.plain || label.nameLike || paragraphStart ? label.written : null;
}

/**
 * The turns of an interview as pieces of the body, each from the start of its label line to the next
 * one (blank lines before the first label are pieces of their own): together exactly the body.
 */
export function chunksOf(body: string, bodyLine: number, ctx: BodyContext, notes: ParseNote[]): Chunk[] {
  if (!ctx.hasTurns) return [{ raw: body, line: bodyLine, speaker: null, labelLength: 0 }];
  const chunks: Chunk[] = [];
  let current: { from: number; line: number; speaker: string; labelLength: number } | null = null;
  let line = bodyLine;
  let paragraphStart = true;
  for (let at = 0; at <= body.length; line++) {
    const nl = body.indexOf('\n', at);
    const end = nl === -1 ? body.length : nl;
    const label = mayStartLabel(body.charCodeAt(at)) ? readLabel(body, at, end) : null;
    const speaker = label ? speakerOf(label, ctx.speakers, paragraphStart) : null;
    const bare = speaker === null ? garbledLabel(body, at, end, ctx.speakers, paragraphStart) ?? (paragraphStart ? looseLabel(body, at, end) : null) : null;
    if ((label && speaker !== null) || bare) {
      if (current) chunks.push({ raw: body.slice(current.from, at), line: current.line, speaker: current.speaker, labelLength: current.labelLength });
      if (label && speaker !== null) {
        current = { from: at, line, speaker, labelLength: label.length };
        labelNotes(label, line, ctx, notes);
      } else {
        current = { from: at, line, speaker: bare!.speaker, labelLength: bare!.length };
        if (bare!.label !== '') notes.push({ rule: 'garbled-label', line, column: 1, args: { label: bare!.label, written: bare!.written, expected: `${bare!.label}:` } });
      }
    } else if (!current) {
      if (!isBlankLine(body, at, end)) {
        throw new InputError('text before the first speaker label', {
          file: ctx.file,
          line,
          column: 1,
          hint: 'expected every line of an interview to belong to a turn that starts with a label such as `I:` or `R1:`',
        });
      }
      if (nl !== -1 || end > at) chunks.push({ raw: body.slice(at, nl === -1 ? end : nl + 1), line, speaker: null, labelLength: 0 });
    }
    paragraphStart = isBlankLine(body, at, end);
    if (nl === -1) break;
    at = nl + 1;
  }
  if (current) chunks.push({ raw: body.slice(current.from), line: current.line, speaker: current.speaker, labelLength: current.labelLength });
  return chunks;
}

/**
 * A known speaker's label garbled (`R2 [In hun…`, `R2}: …`, `-R1: …`): at the start of any line an id
 * (`I`, `R2`) followed by a blank or the end of the line; at the start of a paragraph also after up to
 * three other characters and followed by anything but a letter or digit, or a respondent's label (a
 * name) followed by a blank. Returns the speaker, the label, the line start as written and its length.
 */
function garbledLabel(body: string, at: number, end: number, speakers: ReadonlyMap<string, string>, paragraphStart: boolean): { speaker: string; label: string; written: string; length: number } | null {
  const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0;
  const isLetterOrDigit = (k: number) => k < end && /[\p{L}\p{N}]/u.test(body[k]!);
  let from = at;
  if (paragraphStart) while (from < end && from - at < 3 && !isLetterOrDigit(from)) from++;
  let i = from;
  while (i < end && isAsciiWordCode(body.charCodeAt(i))) i++;
  const word = body.slice(from, i);
  let label: string | undefined;
  if (i > from && speakers.get(word) === word && (i === end || isBlank(body.charCodeAt(i)) || (paragraphStart && !isLetterOrDigit(i)))) label = word;
  else if (paragraphStart) label = [...speakers.keys()].find((k) => k.includes(' ') && body.startsWith(k, from) && (from + k.length === end || isBlank(body.charCodeAt(from + k.length))));
  if (label === undefined) return null;
  let j = from + label.length;
  while (j < end && !isBlank(body.charCodeAt(j)) && j - from - label.length < 2 && !isLetterOrDigit(j)) j++;
  const written = body.slice(at, j);
  while (j < end && isBlank(body.charCodeAt(j))) j++;
  return { speaker: speakers.get(label)!, label, written, length: j - at };
}

/**
 * At the start of a paragraph of an interview, up to six words of any characters and a colon followed by
 * a blank (`R#2: …`, `[R1: …`): a turn of an unknown speaker (lint names it), never the text of the turn before.
 */
function looseLabel(body: string, at: number, end: number): { speaker: string; label: string; written: string; length: number } | null {
  let words = 0;
  let i = at;
  while (i < end && i - at < 80 && words <= 6) {
    const c = body.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0xa0) {
      i++;
      continue;
    }
    words++;
    while (i < end && body.charCodeAt(i) > 0x20 && body.charCodeAt(i) !== 0xa0 && body.charCodeAt(i) !== 0x3a && body.charCodeAt(i) !== 0xff1a) i++;
    if (body.charCodeAt(i) === 0x3a || body.charCodeAt(i) === 0xff1a) {
      const next = body.charCodeAt(i + 1);
      if (i > at && (i + 1 === end || next === 0x20 || next === 0x09 || next === 0xa0)) {
        let j = i + 1;
        while (j < end && (body.charCodeAt(j) === 0x20 || body.charCodeAt(j) === 0x09 || body.charCodeAt(j) === 0xa0)) j++;
        return { speaker: body.slice(at, i).trim(), label: '', written: body.slice(at, i + 1), length: j - at };
      }
      i++;
    }
  }
  return null;
}

const isAsciiWordCode = (c: number) => isAsciiLetterCode(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d;

/** A known speaker's label written in an unusual way (warning), zero-width characters in any label (error). */
function labelNotes(label: LabelLine, line: number, ctx: BodyContext, notes: ParseNote[]): void {
  const known = ctx.speakers.has(label.name);
  if (label.zeroWidth !== -1) notes.push({ rule: 'zero-width-in-label', line, column: label.zeroWidth + 1, args: { label: label.written } });
  if (known && label.unusual !== '') notes.push({ rule: 'unusual-label', line, column: 1, args: { label: label.written, how: label.unusual, expected: `${label.name}:` } });
}

