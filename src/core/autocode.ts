/**
 * Automatic coding from codebook `terms`: each sentence in which a term of a code occurs becomes an
 * automatic segment (source `auto`) of that code, unless the sentence also holds one of the code's
 * `not:` terms. Interviewer turns are not coded (questions would echo the codes they ask about).
 *
 * The codebook is compiled once into an index from stems to the terms that start with them, so a
 * document costs one pass over its tokens however many terms there are.
 */
import type { Code, Codebook, CorpusDocument, Segment } from './model.js';
import { splitSentences } from './text/sentences.js';
import { stem } from './text/stem.js';
import { compileTerm, type CompiledTerm, type TermWord } from './text/terms.js';
import { tokenize, type Token } from './text/tokenize.js';
import { INTERVIEWER } from './document.js';
import { lineIndex } from './text.js';

interface IndexedTerm {
  code: number;
  term: CompiledTerm;
  negative: boolean;
}

export interface CompiledCodebook {
  codes: readonly Code[];
  /** Terms whose first word is a plain word, by that word's stem. */
  byStem: Map<string, IndexedTerm[]>;
  /** Terms whose first word has a wildcard. */
  wildcards: IndexedTerm[];
  /** Terms that did not compile, with the reason (lint reports them). */
  invalid: { code: string; term: string; reason: string }[];
}

export function compileCodebook(codebook: Pick<Codebook, 'codes'>): CompiledCodebook {
  const byStem = new Map<string, IndexedTerm[]>();
  const wildcards: IndexedTerm[] = [];
  const invalid: CompiledCodebook['invalid'] = [];
  codebook.codes.forEach((c, code) => {
    const add = (term: string, negative: boolean) => {
      let compiled: CompiledTerm;
      try {
        compiled = compileTerm(term);
      } catch (e) {
        invalid.push({ code: c.id, term, reason: (e as Error).message });
        return;
      }
      const first = compiled.words[0];
      if (!first) return;
      const entry = { code, term: compiled, negative };
      if (first.kind === 'wildcard') wildcards.push(entry);
      else {
        let list = byStem.get(first.stem);
        if (!list) byStem.set(first.stem, (list = []));
        list.push(entry);
      }
    };
    for (const t of c.terms) add(t, false);
    for (const t of c.not) add(t, true);
  });
  return { codes: codebook.codes, byStem, wildcards, invalid };
}

export interface TermHit {
  code: string;
  term: string;
  /** The matched words as written in the text. */
  surface: string;
}

export interface AutoResult {
  segments: Segment[];
  hits: TermHit[];
}

const wordMatches = (w: TermWord, token: Token, tokenStem: string) =>
  w.kind === 'stem' ? w.stem === tokenStem : w.pattern.test(token.norm.replace(/-/g, ''));

/** Regions of a document that are coded: respondents' turns in interviews, the whole text elsewhere. */
function regions(doc: Pick<CorpusDocument, 'type' | 'turns' | 'plainText'>): { start: number; end: number; speaker: string | null; line: number }[] {
  if (doc.type === 'interview') return doc.turns.filter((t) => t.speaker !== INTERVIEWER).map((t) => ({ ...t }));
  return [{ start: 0, end: Array.from(doc.plainText).length, speaker: null, line: 1 }];
}

/** Automatic coding of one document. `lineOf` maps a code-point offset of the plain text to a file line. */
export function autoCode(doc: Pick<CorpusDocument, 'id' | 'type' | 'turns' | 'plainText'>, book: CompiledCodebook, lineOf: (offset: number) => number = () => 0): AutoResult {
  const chars = Array.from(doc.plainText);
  const segments: Segment[] = [];
  const hits: TermHit[] = [];
  const wildcardMemo = new Map<string, IndexedTerm[]>();
  for (const region of regions(doc)) {
    const regionChars = chars.slice(region.start, region.end);
    for (const sentence of splitSentences(regionChars.join(''))) {
      const sText = regionChars.slice(sentence.start, sentence.end).join('');
      const tokens = tokenize(sText);
      const stems = tokens.map((t) => stem(t.norm));
      const found = new Map<number, TermHit[]>();
      const negative = new Set<number>();
      tokens.forEach((tok, i) => {
        let wild = wildcardMemo.get(tok.norm);
        if (!wild) wildcardMemo.set(tok.norm, (wild = book.wildcards.filter((e) => wordMatches(e.term.words[0]!, tok, stems[i]!))));
        for (const e of [...(book.byStem.get(stems[i]!) ?? []), ...wild]) {
          const words = e.term.words;
          if (i + words.length > tokens.length) continue;
          let ok = true;
          for (let j = 1; j < words.length && ok; j++) ok = wordMatches(words[j]!, tokens[i + j]!, stems[i + j]!);
          if (!ok) continue;
          if (e.negative) {
            negative.add(e.code);
            continue;
          }
          const surface = tokens.slice(i, i + words.length).map((t) => t.text).join(' ');
          let list = found.get(e.code);
          if (!list) found.set(e.code, (list = []));
          list.push({ code: book.codes[e.code]!.id, term: e.term.term, surface });
        }
      });
      const start = region.start + sentence.start;
      for (const [code, list] of [...found].sort((a, b) => a[0] - b[0])) {
        if (negative.has(code)) continue;
        hits.push(...list);
        segments.push({
          id: '',
          document: doc.id,
          code: book.codes[code]!.id,
          text: sText,
          start,
          end: region.start + sentence.end,
          line: lineOf(start),
          column: 0,
          speaker: region.speaker,
          source: 'auto',
        });
      }
    }
  }
  segments.forEach((s, i) => (s.id = `${doc.id}~${i + 1}`));
  return { segments, hits };
}

/** Automatic coding of a whole corpus: segments per document id, and every term hit. */
export function autoCodeCorpus(documents: readonly CorpusDocument[], book: CompiledCodebook): { segments: Map<string, Segment[]>; hits: TermHit[] } {
  const segments = new Map<string, Segment[]>();
  const hits: TermHit[] = [];
  for (const doc of documents) {
    const lineAt = lineIndex(doc.plainText);
    const r = autoCode(doc, book, (offset) => doc.bodyLine + lineAt(offset) - 1);
    segments.set(doc.id, r.segments);
    hits.push(...r.hits);
  }
  return { segments, hits };
}

/** Does automatic coding give `code` to `text`? With the term that matched, for messages. */
export function codesText(book: CompiledCodebook, code: string, text: string): TermHit | null {
  const doc = { id: 'example', type: 'document' as const, turns: [], plainText: text };
  return autoCode(doc, book).hits.find((h) => h.code === code) ?? null;
}
