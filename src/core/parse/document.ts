/** A corpus document: YAML front matter, then a body of turns (interviews) or free text, with coded spans. */
import { InputError } from '../errors.js';
import { type CorpusDocument, type DocumentType, type ParseNote, type Respondent, type Segment, type Turn } from '../model.js';
import { parseMarkup } from './spans.js';
import { frontMatterNotes } from './front-notes.js';
import { readLabel } from './labels.js';
import { chunksOf, type BodyContext } from './turns.js';
import { codePointLength, detach } from '../text/positions.js';
import { isAsciiLetterCode, isSpaceCode } from '../text/sentences.js';
import { parseYaml, YamlReader } from './yaml.js';
import type { YamlCache } from './yaml-parsed.js';

export const INTERVIEWER = 'I';

export interface DocumentInput {
  /** Decoded text (BOM removed, LF line endings). */
  text: string;
  /** Path below the corpus folder, forward slashes. */
  path: string;
  /** Path for messages. */
  file: string;
  /** Where parses of unusual front matter are kept between runs (see yaml-parsed.ts). */
  yamlCache?: YamlCache | null;
  /** The project file's `document_types`: which types there are, and whose body is speaker turns; default: interview (turns), plan, document. */
  types?: ReadonlyMap<string, { turns: boolean }>;
}

const TYPES: ReadonlyMap<string, { turns: boolean }> = new Map([['interview', { turns: true }], ['plan', { turns: false }], ['document', { turns: false }]]);

/** Split `---` front matter from the body. */
export function splitFrontMatter(text: string, file: string): { yaml: string; body: string; bodyLine: number } {
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
  const r = new YamlReader(parseYaml(yaml, file, 1, input.yamlCache ?? null));
  const front = r.map([], true);
  if (!front) {
    r.fail([], 'front matter is empty', 'expected at least `type:` and `case:`');
  }
  const id = r.string(['id'], true) ?? path.replace(/\.(md|txt)$/i, '');
  // A type the project file does not declare is read as text without turns; lint names it (unknown-document-type).
  const type: DocumentType = r.string(['type']);
  const known = (input.types ?? TYPES).get(type);
  const hasTurns = known?.turns ?? false;
  const caseId = r.string(['case']);
  const respondents = readRespondents(r, type, hasTurns || known === undefined);
  const attrs = { ...scalarAttrs(front ?? {}), id, type, case: caseId };
  const { plainText, turns, segments, notes } = parseBody(body, bodyLine, { hasTurns, docId: id, file, speakers: speakersOf(respondents) });
  notes.unshift(...frontMatterNotes(front, (p) => r.src.pos(p)));
  const at = (key: string) => ({ file, ...r.src.keyPos([key]) });
  return {
    id,
    path,
    file,
    type,
    hasTurns,
    case: caseId,
    attrs,
    respondents,
    plainText,
    turns,
    segments,
    bodyLine,
    ...(notes.length > 0 ? { notes } : {}),
    origin: { case: at('case'), id: at('id'), type: at('type'), ...attrLines(front ?? {}, (k) => r.src.keyPos([k]).line) },
  };
}

/** The respondents of the front matter: ids and labels that can be speaker labels, attributes. */
/** Lines of the front matter's own attributes (id, type and case aside), for lint's messages about their values. */
function attrLines(front: Record<string, unknown>, lineOf: (key: string) => number): { attrs?: Record<string, number> } {
  let out: Record<string, number> | undefined;
  for (const [k, v] of Object.entries(front)) {
    if (k === 'id' || k === 'type' || k === 'case' || !(typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) continue;
    (out ??= {})[k] = lineOf(k);
  }
  return out ? { attrs: out } : {};
}

/** `mayHave`: the type has turns, or is unknown (then lint names the type, not its respondents). */
function readRespondents(r: YamlReader, type: DocumentType, mayHave: boolean): Respondent[] {
  const respondents: Respondent[] = [];
  const list = r.list(['respondents'], true) ?? [];
  if (list.length > 0 && !mayHave) {
    r.fail(['respondents'], `respondents are listed in a document of type ${type}`, 'expected a type whose body is speaker turns (`turns: true` in the project file; by default interview), or no respondents');
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
    respondents.push({ id: rid, ...(label !== undefined ? { label } : {}), attrs, origin: { file: r.src.file, line, column } });
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

// @testOnly: exported for test/core/parse/document.test.ts
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
