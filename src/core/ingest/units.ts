/**
 * The lines of a converted transcript, each with the speaker label it opens with (if any), its timestamp
 * taken out, and where it stands in the source — the first step from blocks to turns (see turns.ts).
 */
import type { Block } from './blocks.js';
import { labelKey, type SpeakerMap } from './speaker-map.js';
import { isConfirmed, type LabelRule } from './speakers.js';
import { takeTimes } from './timestamps.js';

export type Unit =
  | { kind: 'heading'; text: string; line?: number; page?: number }
  | { kind: 'page'; page: number }
  | {
      kind: 'line';
      text: string;
      /** The label this line opens with, as written; absent: it continues the turn. */
      label?: string;
      time?: string;
      line?: number;
      page?: number;
      /** The first line of a paragraph of the source (and not one that would read as a label, see unitsOf). */
      paragraphStart: boolean;
      /** It opens like a speaker label that is not confirmed (a typo of a name in the map?): read as text. */
      unconfirmed?: string;
    };

/** Where a unit stands, for a message: `{ line }` where the source has lines, else the page, else how it starts. */
export function whereOf(u: { line?: number; page?: number; text?: string }): { line?: number; at: string } {
  if (u.line !== undefined) return { line: u.line, at: `line ${u.line}` };
  if (u.page !== undefined) return { at: `page ${u.page}` };
  const text = u.text ?? '';
  return { at: `"${text.length > 30 ? `${text.slice(0, 30)}…` : text}"` };
}

interface Candidate {
  text: string;
  /** The whole line (timestamps out), for a label that turns out not to be one. */
  whole: string;
  label?: string;
  time?: string;
  line?: number;
  paragraphStart: boolean;
}

function candidates(block: Extract<Block, { kind: 'paragraph' }>, rule: LabelRule): Candidate[] {
  if (block.speaker !== undefined) {
    const { text, time } = takeTimes(block.text.replace(/\s*\n\s*/g, ' '));
    return [{ text, whole: text, label: block.speaker.trim(), time: block.time ?? time, line: block.line, paragraphStart: true }];
  }
  return block.text.split('\n').flatMap((raw, i) => {
    if (raw.trim() === '') return [];
    const { text, time } = takeTimes(raw);
    const m = rule.match(text.trim());
    const line = block.line === undefined ? undefined : block.line + i;
    // A timed block (a subtitle cue, a JSON segment) is a piece of speech: it continues the paragraph.
    const at = { time: i === 0 ? (block.time ?? time) : time, line, paragraphStart: i === 0 && block.time === undefined };
    const whole = text.trim();
    return m ? [{ text: m.rest.trim(), whole, label: m.label, ...at }] : [{ text: whole, whole, ...at }];
  });
}

/**
 * The units of a transcript. A label of the default rule counts only where it is confirmed (see
 * isConfirmed: known to the map, obvious, or opening two lines); otherwise its line is text, as written.
 */
export function unitsOf(blocks: readonly Block[], rule: LabelRule, map: SpeakerMap | null): Unit[] {
  const raw: (Unit | (Candidate & { kind: 'line'; page?: number; sourced: boolean }))[] = [];
  let page: number | undefined;
  for (const b of blocks) {
    if (b.kind === 'page') {
      page = b.page;
      raw.push(b);
    } else if (b.kind === 'heading') raw.push({ kind: 'heading', text: b.text, page });
    else for (const c of candidates(b, rule)) raw.push({ kind: 'line', ...c, page, sourced: b.speaker !== undefined });
  }
  const counts = new Map<string, number>();
  for (const u of raw) if (u.kind === 'line' && u.label !== undefined) counts.set(labelKey(u.label), (counts.get(labelKey(u.label)) ?? 0) + 1);
  const known = (label: string) => map?.labels.has(labelKey(label)) ?? false;
  return raw.map((u) => {
    if (u.kind !== 'line' || !('sourced' in u)) return u;
    const { sourced, whole, ...unit } = u;
    if (unit.label === undefined || sourced || rule.exact || isConfirmed(unit.label, counts.get(labelKey(unit.label))!, known)) return unit;
    // Written as the start of a paragraph it would read as a label again: it goes on the line before.
    const { label: _, ...rest } = unit;
    return { ...rest, text: whole, paragraphStart: false, unconfirmed: unit.label };
  });
}
