/**
 * Respondent identity. A respondent id names one person within a case: `R1` in two interviews of
 * amsterdam is the same person, counted once (see count/select.ts, respondentKey). So what one interview
 * says about R1 must not contradict what another says: an attribute both name with different values means
 * two people share an id, and counting them as one would be silently wrong.
 */
import type { CorpusDocument, Origin } from '../model.js';

export interface RespondentConflict {
  /** The later respondent entry (documents in corpus order). */
  at: Origin;
  args: { case: string; respondent: string; key: string; value: string; document: string; firstValue: string; firstDocument: string; first: string };
}

interface Seen {
  value: string;
  document: string;
  origin: Origin;
}

/** Every attribute of a respondent that contradicts the value an earlier interview of the same case gave it. */
export function respondentConflicts(documents: readonly CorpusDocument[]): RespondentConflict[] {
  const conflicts: RespondentConflict[] = [];
  // case id → respondent id → attribute → first value seen.
  const seen = new Map<string, Map<string, Map<string, Seen>>>();
  for (const doc of documents) {
    let ofCase = seen.get(doc.case);
    if (!ofCase) seen.set(doc.case, (ofCase = new Map()));
    for (const r of doc.respondents) {
      let attrs = ofCase.get(r.id);
      if (!attrs) ofCase.set(r.id, (attrs = new Map()));
      for (const [key, value] of Object.entries(r.attrs)) {
        const first = attrs.get(key);
        if (!first) {
          attrs.set(key, { value, document: doc.id, origin: r.origin });
        } else if (first.value !== value && first.document !== doc.id) {
          const args = { case: doc.case, respondent: r.id, key, value, document: doc.id, firstValue: first.value, firstDocument: first.document, first: `${first.origin.file}:${first.origin.line}` };
          conflicts.push({ at: r.origin, args });
        }
      }
    }
  }
  return conflicts;
}
