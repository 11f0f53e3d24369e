/** A corpus document: YAML front matter, then a body of turns (interviews) or free text, with coded spans. */
import { InputError } from '../errors.js';
import { DOCUMENT_TYPES, type CorpusDocument, type DocumentType, type ParseNote, type Respondent, type Segment, type Turn } from '../model.js';
import { parseMarkup } from './spans.js';
import { frontMatterNotes } from './front-notes.js';
import { isBlankLine, mayStartLabel, readLabel, type LabelLine } from './labels.js';
import { codePointLength, detach } from '../text/positions.js';
import { isAsciiLetterCode, isSpaceCode } from '../text/sentences.js';
import { parseYaml, YamlReader } from './yaml.js';

export const INTERVIEWER = 'I';

export interface DocumentInput {
  /** Decoded text (BOM removed, LF line endings). */
  text: string;
  /** Path below the corpus folder, forward slashes. */
  path: string;
  /** Path for messages. */
  file: string;
}

/** Split `---` front matter from the body. */
function splitFrontMatter(text: string, file: string): { yaml: string; body: string; bodyLine: number } {
  const open = /^---[ \t]*\n/.exec(text);
  if (!open) {
    throw new InputError('front matter missing', {
      file,
      line: 1,
      column: 1,
      hint: 'expected the file to start with a line `---`, then YAML (id, type, case, …), then a closing `---`',
    });
  }
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  if (!m) {
    throw new InputError('front matter not closed', { file, line: 1, column: 1, hint: 'expected a line `---` after the front matter' });
  }
  // A copy: values parsed from it are kept with the document (ids, attributes), and a substring would
  // keep the whole file alive — with large corpora held without their text, that is most of the memory.
  const yaml = detach(rest.slice(0, m.index));
  const yamlLines = yaml.split('\n').length - (yaml.endsWith('\n') || yaml === '' ? 1 : 0);
  let body = rest.slice(m.index + m[0].length);
  if (body.startsWith('\n')) body = body.slice(1);
  return { yaml, body, bodyLine: 1 + yamlLines + 1 + 1 };
}

function scalarAttrs(map: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(map)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
  }
  return out;
}

export function parseDocument(input: DocumentInput): CorpusDocument {
  const { file, path } = input;
  const { yaml, body, bodyLine } = splitFrontMatter(input.text, file);
  const r = new YamlReader(parseYaml(yaml, file, 1));
  const front = r.map([], true);
  if (!front) {
    r.fail([], 'front matter is empty', 'expected at least `type:` and `case:`');
  }
  const id = r.string(['id'], true) ?? path.replace(/\.(md|txt)$/i, '');
  const type = r.string(['type']) as DocumentType;
  if (!DOCUMENT_TYPES.includes(type)) {
    r.fail(['type'], `unknown document type "${type}"`, `expected one of: ${DOCUMENT_TYPES.join(', ')}`);
  }
  const caseId = r.string(['case']);
  const respondents = readRespondents(r, type, file);
  const attrs = { ...scalarAttrs(front ?? {}), id, type, case: caseId };
  const { plainText, turns, segments, notes } = parseBody(body, bodyLine, { type, docId: id, file, speakers: speakersOf(respondents) });
  notes.unshift(...frontMatterNotes(front, (p) => r.src.pos(p)));
  const at = (key: string) => ({ file, ...r.src.keyPos([key]) });
  return {
    id,
    path,
    file,
    type,
    case: caseId,
    attrs,
    respondents,
    plainText,
    turns,
    segments,
    bodyLine,
    ...(notes.length > 0 ? { notes } : {}),
    origin: { case: at('case'), id: at('id') },
  };
}

/** The respondents of the front matter: ids and labels that can be speaker labels, attributes. */
function readRespondents(r: YamlReader, type: DocumentType, file: string): Respondent[] {
  const respondents: Respondent[] = [];
  const list = r.list(['respondents'], true) ?? [];
  if (list.length > 0 && type !== 'interview') {
    r.fail(['respondents'], `respondents are listed in a document of type ${type}`, 'expected `type: interview`, or no respondents');
  }
  const taken = new Set([INTERVIEWER]);
  list.forEach((_, i) => taken.add(r.string(['respondents', i, 'id'])));
  list.forEach((_, i) => {
    const m = r.map(['respondents', i])!;
    const rid = r.string(['respondents', i, 'id']);
    if (labelAt(`${rid}:`, 0) !== rid.length + 1) {
      r.fail(['respondents', i, 'id'], `respondent id "${rid}" cannot be a speaker label`, 'expected letters, digits, - or _, starting with a letter (e.g. R1)');
    }
    if (rid === INTERVIEWER) {
      r.fail(['respondents', i, 'id'], 'respondent id "I" is the interviewer\'s label', 'give the respondent another id, e.g. R1');
    }
    const label = r.string(['respondents', i, 'label'], true);
    if (label !== undefined && label !== rid) checkLabel(r, i, label, taken);
    const { line, column } = r.src.pos(['respondents', i]);
    const { label: _label, ...attrs } = scalarAttrs(m);
    respondents.push({ id: rid, ...(label !== undefined ? { label } : {}), attrs, origin: { file, line, column } });
  });
  return respondents;
}

/** A respondent's `label` must read as a label, once, and not be someone's id. */
function checkLabel(r: YamlReader, i: number, label: string, taken: Set<string>): void {
  const read = readLabel(`${label}:`, 0, label.length + 1);
  if (!read || read.name !== label || read.unusual !== '' || read.zeroWidth !== -1 || read.tight) {
    r.fail(['respondents', i, 'label'], `label "${label}" cannot be a speaker label`, 'expected one to six words (letters, digits, - . \' _) separated by single spaces, e.g. "Jan de Vries"');
  }
  if (taken.has(label)) r.fail(['respondents', i, 'label'], `label "${label}" is already the id or label of another speaker`, 'give each speaker a label of their own');
  taken.add(label);
}

/** Who a label names: `I`, each respondent id and each respondent label, to the speaker's id. */
function speakersOf(respondents: readonly Respondent[]): Map<string, string> {
  const speakers = new Map([[INTERVIEWER, INTERVIEWER]]);
  for (const r of respondents) {
    if (!speakers.has(r.id)) speakers.set(r.id, r.id);
    if (r.label !== undefined) speakers.set(r.label, r.id);
  }
  return speakers;
}

interface Chunk {
  raw: string;
  line: number;
  speaker: string | null;
  /** Length of the speaker label (`R1:`) plus following blanks, in UTF-16 units. */
  labelLength: number;
}

/**
 * Length of a speaker label `Name:` at `at` (a letter, then letters, digits, _ or -, then a colon that
 * is followed by a blank, the end of the line or the end of the text), or 0. Read character by
 * character, as it is tried on every line of every interview.
 */
export function labelAt(text: string, at: number): number {
  let i = at;
  if (!isAsciiLetterCode(text.charCodeAt(i))) return 0;
  i++;
  for (;;) {
    const c = text.charCodeAt(i);
    if (isAsciiLetterCode(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d) i++;
    else break;
  }
  if (text.charCodeAt(i) !== 0x3a) return 0;
  i++;
  if (i === text.length) return i - at;
  const next = text.charCodeAt(i);
  // a blank, or a line terminator (where `$` of a multiline regular expression matches)
  return next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d || next === 0x2028 || next === 0x2029 ? i - at : 0;
}


interface BodyContext {
  type: DocumentType;
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
function chunksOf(body: string, bodyLine: number, ctx: BodyContext, notes: ParseNote[]): Chunk[] {
  if (ctx.type !== 'interview') return [{ raw: body, line: bodyLine, speaker: null, labelLength: 0 }];
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

function parseBody(body: string, bodyLine: number, ctx: BodyContext) {
  const turns: Turn[] = [];
  const segments: Segment[] = [];
  const notes: ParseNote[] = [];
  // Without markup the plain text is the body itself (the pieces of chunksOf add up to it), and
  // without astral characters a piece's length in code points is its length. (Searches for single
  // characters are ~10× faster than /[[\]{}\\]/.)
  const markup = body.includes('[') || body.includes('\\') || body.includes(']') || body.includes('{') || body.includes('}');
  const astral = !markup && /[\uDC00-\uDFFF]/.test(body);
  let plainText = '';
  let offset = 0;
  for (const chunk of chunksOf(body, bodyLine, ctx, notes)) {
    const parsed = markup ? parseMarkup(chunk.raw, chunk.line, ctx.file) : null;
    const { plain, length, spans } = parsed ?? { plain: chunk.raw, length: astral ? codePointLength(chunk.raw) : chunk.raw.length, spans: [] };
    if (parsed) notes.push(...parsed.notes);
    if (chunk.speaker !== null) {
      // a turn ends before its trailing white space (never astral: its length in code points is its length)
      let trailing = plain.length;
      while (trailing > 0 && isSpaceCode(plain.charCodeAt(trailing - 1))) trailing--;
      const labelLength = codePointLength(chunk.raw.slice(0, chunk.labelLength));
      turns.push({ speaker: chunk.speaker, start: offset + labelLength, end: offset + length - (plain.length - trailing), line: chunk.line });
    }
    // Offsets are code points: UTF-16 indices unless the text has astral characters. A copy, as the
    // segment may outlive the text (large corpora keep documents without their text).
    const chars = spans.length > 0 && length !== plain.length ? Array.from(plain) : null;
    for (const span of spans) {
      const text = chars ? chars.slice(span.start, span.end).join('') : detach(plain.slice(span.start, span.end));
      for (const code of span.codes) {
        segments.push({
          id: '',
          document: ctx.docId,
          code,
          text,
          start: offset + span.start,
          end: offset + span.end,
          line: span.line,
          column: span.column,
          speaker: chunk.speaker,
          source: 'manual',
        });
      }
    }
    if (markup) plainText += plain;
    offset += length;
  }
  segments.forEach((s, i) => (s.id = `${ctx.docId}#${i + 1}`));
  return { plainText: markup ? plainText : body, turns, segments, notes };
}
