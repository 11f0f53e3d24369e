/**
 * From units to the turns of an interview: labels resolved to speaker ids (through the speakers map, or
 * by the rules of docs/ingest.md without one), consecutive turns of one speaker merged, lines without a
 * label continuing the turn before them.
 */
import { InputError } from '../errors.js';
import { labelKey, RESPONDENT_ID, type SpeakerMap } from './speaker-map.js';
import { whereOf, type Unit } from './units.js';

export interface Turn {
  speaker: string;
  time?: string;
  /** Paragraphs of the turn; a page anchor is a paragraph `<!-- p. N -->`. */
  paragraphs: string[];
}

export interface Speaker {
  id: string;
  /** The label as written, for a respondent given an id here (no map): the front matter's `label`. */
  label?: string;
}

export interface TurnsResult {
  turns: Turn[];
  speakers: Speaker[];
  warnings: { message: string; line?: number; page?: number }[];
}

const INTERVIEWER = /^(?:I|interviewer|interviewster|int\.?)$/i;
/** The front matter's rule for a respondent label (docs/formats.md): one to six words. */
const LABEL_WORDS = /^[\p{L}\p{N}\-.'_]+(?: [\p{L}\p{N}\-.'_]+){0,5}$/u;

type LineUnit = Extract<Unit, { kind: 'line' }>;

/** Label → speaker, in order of first appearance. With a map every label must be in it (else exit 2, listing each). */
function resolve(units: readonly LineUnit[], map: SpeakerMap | null, file: string): Map<string, Speaker> {
  const first = new Map<string, LineUnit>();
  for (const u of units) if (u.label !== undefined && !first.has(u.label)) first.set(u.label, u);
  const out = new Map<string, Speaker>();
  if (map) {
    const ids = new Set(map.labels.values());
    const missing: [string, LineUnit][] = [];
    for (const [label, u] of first) {
      const id = map.labels.get(labelKey(label)) ?? (ids.has(label) || label === 'I' ? label : undefined);
      if (id !== undefined) out.set(label, { id });
      else missing.push([label, u]);
    }
    if (missing.length > 0) {
      const list = missing.map(([label, u]) => `"${label}" (${whereOf(u).at})`).join(', ');
      throw new InputError(`speaker${missing.length === 1 ? '' : 's'} not in ${map.file}: ${list}`, {
        file,
        line: whereOf(missing[0]![1]).line,
        hint: `expected every label of the transcript in the speakers map, e.g. "${missing[0]![0]}: R3"`,
      });
    }
    return out;
  }
  const taken = new Set<string>();
  for (const label of first.keys()) {
    const id = INTERVIEWER.test(label) ? 'I' : RESPONDENT_ID.test(label) ? label : null;
    if (id !== null) {
      out.set(label, { id });
      taken.add(id);
    }
  }
  let n = 0;
  for (const [label, u] of first) {
    if (out.has(label)) continue;
    if (!LABEL_WORDS.test(label)) {
      const { line, at } = whereOf(u);
      throw new InputError(`speaker label "${label}" (${at}) cannot stand in the corpus as it is`, { file, line, hint: 'expected --speakers MAP.yaml mapping it to an id, e.g. "' + label + ': R1"' });
    }
    do n++;
    while (taken.has(`R${n}`));
    taken.add(`R${n}`);
    out.set(label, { id: `R${n}`, label });
  }
  return new Map([...first.keys()].map((label) => [label, out.get(label)!]));
}

// Long: one walk over the units keeps the current turn, what was left out and where it started together
export function turnsOf(units: readonly Unit[], map: SpeakerMap | null, file: string): TurnsResult {
  const lines = units.filter((u): u is LineUnit => u.kind === 'line');
  const labelled = lines.find((u) => u.label !== undefined);
  if (!labelled) {
    throw new InputError('no speaker recognised: not one line starts with a speaker label', {
      file,
      hint: 'expected labels such as "I:", "R1:", "Spreker 1:", "@Jan:", "[Jan]" at the start of a paragraph (see docs/ingest.md); give --speaker-pattern for another convention, or --type document',
    });
  }
  const bySpeaker = resolve(lines, map, file);
  const turns: Turn[] = [];
  const warnings: TurnsResult['warnings'] = [];
  let before = 0;
  let firstLeftOut: LineUnit | undefined;
  const headings: string[] = [];
  let current: Turn | undefined;
  for (const u of units) {
    if (u.kind === 'page') {
      current?.paragraphs.push(`<!-- p. ${u.page} -->`);
      continue;
    }
    if (u.kind === 'heading') {
      headings.push(u.text);
      continue;
    }
    if (u.label !== undefined) {
      const speaker = bySpeaker.get(u.label)!.id;
      if (current?.speaker === speaker) current.paragraphs.push(u.text);
      else {
        current = { speaker, ...(u.time !== undefined ? { time: u.time } : {}), paragraphs: [u.text] };
        turns.push(current);
      }
      continue;
    }
    if (!current) {
      before++;
      firstLeftOut ??= u;
      continue;
    }
    const last = current.paragraphs.length - 1;
    if (u.paragraphStart || last < 0 || current.paragraphs[last]!.startsWith('<!--')) current.paragraphs.push(u.text);
    else current.paragraphs[last] = current.paragraphs[last] === '' ? u.text : `${current.paragraphs[last]!} ${u.text}`;
  }
  if (before > 0) {
    const { line, at } = whereOf(firstLeftOut!);
    warnings.push({ message: `${before} line${before === 1 ? '' : 's'} before the first speaker label left out (from ${at}): an interview's body is turns`, line, page: firstLeftOut!.page });
  }
  if (headings.length > 0) warnings.push({ message: `${headings.length} heading${headings.length === 1 ? '' : 's'} left out ("${headings[0]!.slice(0, 40)}"${headings.length > 1 ? ', …' : ''}): an interview's body is turns` });
  for (const t of turns) t.paragraphs = t.paragraphs.filter((p, i) => p !== '' || i === 0);
  return { turns, speakers: [...new Map([...bySpeaker.values()].map((s) => [s.id, s])).values()], warnings };
}
