/**
 * The units the learned coder is trained on and codes: sentences of the coded regions of a document
 * (respondents' turns in interviews, the whole text elsewhere — as automatic coding from terms does).
 * A sentence is positive for a code when a manual segment of that code overlaps it.
 */
import type { CorpusDocument, Segment } from '../../model.js';
import { INTERVIEWER } from '../../parse/document.js';
import { codePoints } from '../../agreement/units.js';
import { splitSentences } from '../../text/sentences.js';

export interface SentenceUnit {
  document: string;
  /** Code points of the plain text, end exclusive. */
  start: number;
  end: number;
  text: string;
  speaker: string | null;
}

export type UnitDocument = Pick<CorpusDocument, 'id' | 'hasTurns' | 'turns' | 'plainText'>;

/** The sentences of the coded regions of `doc`, in text order. */
export function sentenceUnits(doc: UnitDocument): SentenceUnit[] {
  const { length, between } = codePoints(doc.plainText);
  const regions = doc.hasTurns ? doc.turns.filter((t) => t.speaker !== INTERVIEWER) : [{ start: 0, end: length, speaker: null }];
  const out: SentenceUnit[] = [];
  for (const r of regions) {
    const text = between(r.start, r.end);
    const inner = codePoints(text).between;
    for (const s of splitSentences(text)) {
      const t = inner(s.start, s.end);
      if (!/[\p{L}\p{N}]/u.test(t)) continue;
      out.push({ document: doc.id, start: r.start + s.start, end: r.start + s.end, text: t, speaker: r.speaker });
    }
  }
  return out;
}

/** The codes (of `codes`) whose manual segments overlap each unit, as indices into `codes`, ascending. */
export function unitLabels(units: readonly SentenceUnit[], segments: readonly Segment[], codes: ReadonlyMap<string, number>): number[][] {
  return units.map((u) => {
    const found = new Set<number>();
    for (const s of segments) {
      const c = codes.get(s.code);
      if (c !== undefined && s.start < u.end && s.end > u.start) found.add(c);
    }
    return [...found].sort((a, b) => a - b);
  });
}
