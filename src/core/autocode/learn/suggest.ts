/**
 * Term suggestions (`werkscan terms suggest`): the stems and stem pairs that set a code's manually coded
 * sentences apart from the other coded sentences of the corpus (weighted log-odds, log-odds.ts), each
 * with what adding it to the code's `terms` would do to automatic coding on the coded corpus.
 */
import { autoAgreement } from '../../agreement/agree.js';
import type { Code, Codebook, CorpusDocument } from '../../model.js';
import { isFunctionWord } from '../../text/function-words.js';
import { stem } from '../../text/stem.js';
import { tokenize } from '../../text/tokenize.js';
import { autoCodeCorpus } from '../code.js';
import { compileCodebook } from '../compile.js';
import { weightedLogOdds } from './log-odds.js';
import { sentenceUnits } from './units.js';

interface Counted {
  /** Per term key (a stem, or two stems with a space): count in the code's sentences and elsewhere. */
  inside: Map<string, number>;
  outside: Map<string, number>;
  nInside: number;
  nOutside: number;
  /** Per term key: how often each surface form was written. */
  surfaces: Map<string, Map<string, number>>;
}

export interface Suggestion {
  code: string;
  /** The term as a codebook would write it: the most frequent surface form. */
  term: string;
  inside: number;
  outside: number;
  delta: number;
  z: number;
  /** Automatic coding of this code on the coded corpus (turns), before and with the term. */
  before: Score;
  after: Score;
}

interface Score {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

type Doc = CorpusDocument;

/**
 * The coded sentences of a corpus as stems and lowercase surface forms, read once for every code; `content`
 * says per word whether it may be a term (not a function word: `de`, `met`).
 */
interface Sentences {
  units: { document: Doc; start: number; end: number; stems: string[]; surfaces: string[]; content: boolean[] }[];
}

function sentencesOf(documents: readonly Doc[], language: 'nl' | 'en'): Sentences {
  return {
    units: documents.flatMap((document) =>
      sentenceUnits(document).map((u) => {
        const tokens = tokenize(u.text).filter((t) => /\p{L}/u.test(t.norm));
        const surfaces = tokens.map((t) => t.text.toLowerCase());
        return { document, start: u.start, end: u.end, stems: tokens.map((t) => stem(t.norm)), surfaces, content: surfaces.map((s) => !isFunctionWord(s, language)) };
      }),
    ),
  };
}

/** Words and pairs of words of the sentences, without function words (`de`, `met`: no code's term) or pairs with one. */
function count(sentences: Sentences, code: string): Counted {
  const c: Counted = { inside: new Map(), outside: new Map(), nInside: 0, nOutside: 0, surfaces: new Map() };
  const add = (key: string, surface: string, inside: boolean) => {
    const m = inside ? c.inside : c.outside;
    m.set(key, (m.get(key) ?? 0) + 1);
    if (inside) c.nInside++;
    else c.nOutside++;
    const s = c.surfaces.get(key) ?? new Map<string, number>();
    s.set(surface, (s.get(surface) ?? 0) + 1);
    c.surfaces.set(key, s);
  };
  for (const u of sentences.units) {
    const inside = u.document.segments.some((s) => s.code === code && s.start < u.end && s.end > u.start);
    u.stems.forEach((st, k) => {
      if (!u.content[k]) return;
      add(st, u.surfaces[k]!, inside);
      if (k > 0 && u.content[k - 1]) add(`${u.stems[k - 1]!} ${st}`, `${u.surfaces[k - 1]!} ${u.surfaces[k]!}`, inside);
    });
  }
  return c;
}

/** What scoring a code needs of the codebook: its codes, and the categories and word list its matching may use. */
type ScoringBook = Pick<Codebook, 'codes'> & Partial<Pick<Codebook, 'categories' | 'lexicon'>>;

/** The most frequent surface form; among equals the first in code-unit order. */
function typical(forms: Map<string, number>): string {
  return [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0];
}

/**
 * The code's automatic coding on `documents` at the turn level, with its terms replaced by `terms`: compiled
 * as automatic coding compiles it (its category's matching options, the word list, and the code a negated
 * match goes to, which must be there for the match to leave this code).
 */
function autoScore(documents: readonly Doc[], codebook: ScoringBook, code: Code, terms: readonly string[]): Score {
  const negated = code.matching?.negated ?? codebook.categories?.find((c) => c.id === code.category)?.matching?.negated;
  const target = codebook.codes.find((c) => c.id === negated && c.id !== code.id);
  const book = compileCodebook({ ...codebook, codes: [{ ...code, terms: [...terms] }, ...(target ? [target] : [])] });
  const auto = autoCodeCorpus(documents, book, { hits: false }).segments;
  const r = autoAgreement(
    documents.map((d) => ({ document: d, a: d.segments, b: auto.get(d.id) ?? [] })),
    { unit: 'turn', codes: [code.id], groupOf: () => '' },
  );
  const s = r.codes[0]!;
  return { precision: s.precision, recall: s.recall, f1: s.f1 };
}

export interface SuggestOptions {
  /** Suggestions per code. */
  top: number;
  /** A term must occur at least this often in the code's sentences. */
  minCount: number;
  /** α_0 as a share of the corpus's words (1: the corpus itself is the prior). */
  priorShare: number;
  /** Whose function words are never suggested (the study's `language`). */
  language: 'nl' | 'en';
}

export const SUGGEST_DEFAULTS: SuggestOptions = { top: 5, minCount: 2, priorShare: 0.1, language: 'nl' };

/**
 * The `top` terms with the highest z for `code` that it does not have yet, in order of z (then term),
 * each with the precision and recall automatic coding would have with it added.
 */
export function suggestTerms(documents: readonly Doc[], codebook: ScoringBook, codeIds: readonly string[], options: SuggestOptions = SUGGEST_DEFAULTS): Suggestion[] {
  const sentences = sentencesOf(documents, options.language);
  return codeIds.flatMap((id) => suggestFor(documents, sentences, codebook, codebook.codes.find((c) => c.id === id)!, options));
}

function suggestFor(documents: readonly Doc[], sentences: Sentences, codebook: ScoringBook, code: Code, options: SuggestOptions): Suggestion[] {
  const codeId = code.id;
  const c = count(sentences, codeId);
  const total = c.nInside + c.nOutside;
  const alpha0 = total * options.priorShare;
  const have = new Set(code.terms.map((t) => tokenize(t).map((x) => stem(x.norm)).join(' ')));
  const ranked = [...c.inside]
    .filter(([key, y]) => y >= options.minCount && !have.has(key))
    .map(([key, yi]) => {
      const yj = c.outside.get(key) ?? 0;
      const alphaW = (alpha0 * (yi + yj)) / total;
      return { key, yi, yj, ...weightedLogOdds(yi, c.nInside, yj, c.nOutside, alphaW, alpha0) };
    })
    .sort((a, b) => b.z - a.z || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, options.top);
  if (ranked.length === 0) return [];
  const before = autoScore(documents, codebook, code, code.terms);
  return ranked.map((r) => {
    const term = typical(c.surfaces.get(r.key)!);
    return { code: codeId, term, inside: r.yi, outside: r.yj, delta: r.delta, z: r.z, before, after: autoScore(documents, codebook, code, [...code.terms, term]) };
  });
}
