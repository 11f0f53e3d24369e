/**
 * One converted input as a corpus document (docs/ingest.md): front matter with id, type, case, the
 * respondents of an interview and where it came from, then the body — turns for a type with turns,
 * headings and paragraphs otherwise — with the speakers map's names replaced by their ids.
 */
import type { Block, Converted } from './blocks.js';
import { pseudonymiser, type Pseudonymiser } from './pseudonymise.js';
import { isToolLabel, type SpeakerMap } from './speaker-map.js';
import type { LabelRule } from './speakers.js';
import { turnsOf, type Speaker, type Turn } from './turns.js';
import { unitsOf, whereOf } from './units.js';

export interface DocumentOptions {
  /** The input as shown in messages. */
  file: string;
  id: string;
  type: string;
  /** The type's body is speaker turns. */
  turns: boolean;
  case: string;
  rule: LabelRule;
  map: SpeakerMap | null;
  source: { file: string; sha256: string };
}

export interface IngestedDocument {
  id: string;
  type: string;
  text: string;
  /** Turns per speaker id, in order of first appearance (empty for a type without turns). */
  turns: Map<string, number>;
  /** Names of the map replaced, per id. */
  replaced: ReadonlyMap<string, number>;
  warnings: { message: string; line?: number; page?: number }[];
}

/** A YAML scalar: plain where that reads back as the same text, else double-quoted (JSON is valid YAML). */
function yamlScalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const plain = /^[\p{L}\p{N}_][\p{L}\p{N}_ ./@+-]*$/u.test(value) && !/ $/.test(value);
  const special = /^(?:true|false|yes|no|on|off|null|~|[-+]?(?:\d[\d_]*)?(?:\.\d*)?(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(value);
  return plain && !special && !/\d{4}-\d\d-\d\d/.test(value) ? value : JSON.stringify(value);
}

const flow = (entries: [string, string | number | boolean][]) => `{ ${entries.map(([k, v]) => `${yamlScalar(k)}: ${yamlScalar(v)}`).join(', ')} }`;

function frontMatter(o: DocumentOptions, converter: string, speakers: readonly Speaker[]): string {
  const lines = ['---', `id: ${yamlScalar(o.id)}`, `type: ${yamlScalar(o.type)}`, `case: ${yamlScalar(o.case)}`];
  const respondents = speakers.filter((s) => s.id !== 'I');
  if (respondents.length > 0) {
    lines.push('respondents:');
    for (const r of respondents) {
      const attrs = Object.entries(o.map?.respondents.get(r.id) ?? {});
      lines.push(`  - ${flow([['id', r.id], ...(r.label !== undefined ? ([['label', r.label]] as [string, string][]) : []), ...attrs])}`);
    }
  }
  lines.push(`source: ${flow([['file', o.source.file], ['sha256', o.source.sha256], ['converter', converter]])}`, '---');
  return lines.join('\n') + '\n';
}

/** Text as the body may hold it: brackets followed by `{` would read as a coded span, so they are escaped. */
function bodyText(text: string, pseudo: Pseudonymiser): string {
  const out = pseudo.apply(text);
  return out.includes(']{') ? out.replace(/[[\]]/g, '\\$&') : out;
}

/**
 * Paragraphs of a turn; one that starts with a speaker's id (a name replaced by it: "R1 zegt …") would read
 * as a garbled label at a line start, so it goes on the paragraph before it.
 */
function turnParagraphs(t: Turn, pseudo: Pseudonymiser, ids: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const p of t.paragraphs) {
    const text = p.startsWith('<!--') ? p : bodyText(p, pseudo);
    const startsWithId = /^[\p{L}\p{N}_-]+/u.exec(text);
    if (out.length > 0 && startsWithId && ids.has(startsWithId[0])) out[out.length - 1] += ` ${text}`;
    else out.push(text);
  }
  return out;
}

function turnsBody(turns: readonly Turn[], pseudo: Pseudonymiser, ids: ReadonlySet<string>): string {
  return turns
    .map((t) => {
      const [first, ...rest] = turnParagraphs(t, pseudo, ids);
      const head = `${t.speaker}:${t.time !== undefined ? ` <!-- ${t.time} -->` : ''}${first ? ` ${first}` : ''}`;
      return [head, ...rest].join('\n\n');
    })
    .join('\n\n');
}

function plainBody(blocks: readonly Block[], pseudo: Pseudonymiser): string {
  return blocks
    .map((b) => {
      if (b.kind === 'page') return `<!-- p. ${b.page} -->`;
      if (b.kind === 'heading') return `${'#'.repeat(Math.min(6, Math.max(1, b.level)))} ${bodyText(b.text.replace(/\s+/g, ' ').trim(), pseudo)}`;
      const text = b.text.split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
      const said = b.speaker !== undefined ? `${b.speaker}: ${text}` : text;
      return `${b.time !== undefined ? `<!-- ${b.time} --> ` : ''}${bodyText(said, pseudo)}`;
    })
    .filter((s) => s.trim() !== '')
    .join('\n\n');
}

export function ingestDocument(converted: Converted, o: DocumentOptions): IngestedDocument {
  const pseudo = pseudonymiser(o.map);
  const warnings = [...converted.warnings];
  if (!o.turns) {
    const body = plainBody(converted.blocks, pseudo);
    return { id: o.id, type: o.type, text: `${frontMatter(o, converted.converter, [])}${body}\n`, turns: new Map(), replaced: pseudo.counts, warnings };
  }
  const units = unitsOf(converted.blocks, o.rule, o.map);
  // said, not silent: a typo of a mapped name ("Mariek Bos:") would otherwise join the turn before
  for (const u of units) {
    if (u.kind !== 'line' || u.unconfirmed === undefined) continue;
    const where = whereOf(u);
    warnings.push({ message: `${where.line === undefined ? `${where.at}: ` : ''}"${u.unconfirmed}:" looks like a speaker label, but it is ${o.map ? 'not in the speakers map' : 'no id'} and opens no other line; read as text of the turn before (add it to the speakers map if it is a speaker)`, ...(where.line !== undefined ? { line: where.line } : {}) });
  }
  const result = turnsOf(units, o.map, o.file);
  warnings.push(...result.warnings);
  const turns = new Map<string, number>();
  for (const t of result.turns) turns.set(t.speaker, (turns.get(t.speaker) ?? 0) + 1);
  const body = turnsBody(result.turns, pseudo, new Set(['I', ...result.speakers.map((s) => s.id), ...(o.map?.labels.values() ?? [])]));
  const speakers = result.speakers.map((s) => (s.label !== undefined ? { ...s, label: pseudo.apply(s.label) } : s));
  // a name kept as a label is personal data in the corpus: said now (werkscan privacy reports it too)
  for (const s of speakers) {
    if (s.label !== undefined && !isToolLabel(s.label)) warnings.push({ message: `${s.id} keeps its label "${s.label}" in the front matter: if that is a person's name, ingest again with --speakers (docs/ingest.md) to replace it by ${s.id}` });
  }
  return { id: o.id, type: o.type, text: `${frontMatter(o, converted.converter, speakers)}${body}\n`, turns, replaced: pseudo.counts, warnings };
}

/** Whether the default rule (or the user's) finds a speaker in these blocks: an input of no given type is an interview then. */
export function hasSpeakers(blocks: readonly Block[], rule: LabelRule, map: SpeakerMap | null): boolean {
  return unitsOf(blocks, rule, map).some((u) => u.kind === 'line' && u.label !== undefined);
}

/** A document id from an input's file name (names of the map already replaced): `Interview R2 (def).docx` → `interview-r2-def`. */
export function documentId(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, '');
  const slug = base.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
  return slug === '' ? 'document' : slug;
}

/**
 * The type of an input the user gave no --type for: speech (speakers found, or a subtitle or JSON
 * transcript) is `interview`, else `document`; a study that does not declare that name but has exactly
 * one type of the kind (turns or not) gets that one (the starter declares `interview` and `plan`).
 * Null: the study has none or several, and --type must say.
 */
export function defaultType(types: ReadonlyMap<string, { turns: boolean }>, speech: boolean): string | null {
  const usual = speech ? 'interview' : 'document';
  if (types.has(usual)) return usual;
  const kind = [...types].filter(([, t]) => t.turns === speech).map(([name]) => name);
  return kind.length === 1 ? kind[0]! : null;
}
