/**
 * Matching options (#19.1, src/core/autocode/options.ts): compounds by a lexicon, order-free terms within a
 * clause, negation scope, document types, and the interviewer's question as context for a short answer.
 * Every expectation is worked out by hand from the rules in docs/formats.md ("Matching options").
 */
import { describe, expect, it } from 'vitest';
import { autoCode } from '../../../src/core/autocode/code.js';
import { compileCodebook } from '../../../src/core/autocode/compile.js';
import { compoundParts } from '../../../src/core/text/compound.js';
import type { Code, Matching, Turn } from '../../../src/core/model.js';

const code = (id: string, terms: string[], matching?: Omit<Matching, 'origins'>, not: string[] = []) =>
  ({ id, terms, not, category: 'c', ...(matching ? { matching: { ...matching, origins: {} } } : {}) }) as unknown as Code;
const plain = (plainText: string, type?: string) => ({ id: 'd', hasTurns: false, turns: [], plainText, ...(type ? { type } : {}) });
const codesOf = (book: ReturnType<typeof compileCodebook>, text: string, type?: string) => autoCode(plain(text, type), book).segments.map((s) => [s.code, s.text]);

// A small lexicon, as io/lexicon.ts would give from OpenTaal's word list.
const lexicon = new Set(['traject', 'begeleider', 'beleid', 'medewerker', 'werk', 'gever', 'netwerk', 'casus', 'regisseur', 'gesprek']);

describe('compoundParts', () => {
  it('splits where both parts are words of at least three letters, with a linking element or an inflected head', () => {
    expect(compoundParts('trajectbegeleiders', lexicon)).toEqual({ modifiers: ['traject'], heads: ['begeleiders'] });
    // beleid+s+medewerker: the modifier is given as written and without its -s-
    expect(compoundParts('beleidsmedewerker', lexicon)).toEqual({ modifiers: ['beleids', 'beleid'], heads: ['medewerker'] });
    // casus+gesprekken: gesprekken is gesprek with an undoubled k before -en
    expect(compoundParts('casusgesprekken', lexicon)).toEqual({ modifiers: ['casus'], heads: ['gesprekken'] });
    // "begeleider" alone: no split leaves two words; "werkje" is too short (< 6 letters)
    expect(compoundParts('begeleider', lexicon)).toBeNull();
    expect(compoundParts('werkje', lexicon)).toBeNull();
  });
});

describe('compounds', () => {
  it('matches a term as the head or the modifier of a closed compound, as the code says', () => {
    const book = compileCodebook({
      codes: [code('coach', ['begeleider'], { compounds: 'head' }), code('beleid', ['beleid'], { compounds: 'modifier' }), code('plain', ['medewerker'])],
      lexicon,
    });
    // trajectbegeleiders: head begeleiders → coach; beleidsmedewerker: modifier beleid → beleid, head
    // medewerker but code "plain" does not match compounds → nothing
    expect(codesOf(book, 'De trajectbegeleiders helpen.')).toEqual([['coach', 'De trajectbegeleiders helpen.']]);
    expect(codesOf(book, 'Een beleidsmedewerker belde.')).toEqual([['beleid', 'Een beleidsmedewerker belde.']]);
    // a head term does not match a modifier: begeleidersoverleg is not in the lexicon anyway; "begeleider" itself matches
    expect(codesOf(book, 'De begeleider belde.')).toEqual([['coach', 'De begeleider belde.']]);
  });

  it('matches no compound parts without a lexicon', () => {
    const book = compileCodebook({ codes: [code('coach', ['begeleider'], { compounds: 'head' })] });
    expect(codesOf(book, 'De trajectbegeleiders helpen.')).toEqual([]);
  });
});

describe('order: free', () => {
  const book = compileCodebook({ codes: [code('samen', ['samen werken'], { order: 'free' }), code('fixed', ['goed contact'])] });

  it('matches the words of a term in any order within one clause (a separable verb)', () => {
    expect(codesOf(book, 'Wij werken daar goed samen.')).toEqual([['samen', 'Wij werken daar goed samen.']]);
    // "contact … goed" is not adjacent and the code keeps its order: no match for fixed
    expect(codesOf(book, 'Het contact was goed.')).toEqual([]);
  });

  it('does not match across a clause boundary (a comma, or a conjunction)', () => {
    expect(codesOf(book, 'Wij werken hard, samen met hen.')).toEqual([]);
    expect(codesOf(book, 'Wij werken hard maar samen lukt het niet.')).toEqual([]);
  });
});

describe('negated', () => {
  const book = compileCodebook({
    codes: [
      code('capaciteit', ['capaciteit'], { negated: 'exclude' }),
      code('vertrouwen', ['vertrouwen'], { negated: 'wantrouwen' }),
      code('wantrouwen', ['wantrouw*']),
      code('werk', ['werk']),
    ],
  });

  it('drops a match with a negation in its clause when the code says exclude', () => {
    expect(codesOf(book, 'Capaciteit is geen probleem.')).toEqual([]);
    expect(codesOf(book, 'Capaciteit is een probleem.')).toEqual([['capaciteit', 'Capaciteit is een probleem.']]);
    // the negation is in another clause (after the comma): the match stands
    expect(codesOf(book, 'Capaciteit is krap, niet alles lukt.')).toEqual([['capaciteit', 'Capaciteit is krap, niet alles lukt.']]);
  });

  it('gives a negated match to the code `negated` names', () => {
    expect(codesOf(book, 'Ze hebben geen vertrouwen in de gemeente.')).toEqual([['wantrouwen', 'Ze hebben geen vertrouwen in de gemeente.']]);
    expect(codesOf(book, 'Ze hebben vertrouwen in de gemeente.')).toEqual([['vertrouwen', 'Ze hebben vertrouwen in de gemeente.']]);
  });

  it('leaves codes without the option alone', () => {
    expect(codesOf(book, 'Er is geen werk.')).toEqual([['werk', 'Er is geen werk.']]);
  });
});

describe('document_types', () => {
  const book = compileCodebook({ codes: [code('plan-werk', ['werk'], { documentTypes: ['plan'] }), code('werk', ['werk'])] });

  it('codes a scoped code only in documents of its types; a text without a type (a codebook example) takes every code', () => {
    expect(codesOf(book, 'Werk telt.', 'interview')).toEqual([['werk', 'Werk telt.']]);
    expect(codesOf(book, 'Werk telt.', 'plan')).toEqual([['plan-werk', 'Werk telt.'], ['werk', 'Werk telt.']]);
    expect(codesOf(book, 'Werk telt.')).toEqual([['plan-werk', 'Werk telt.'], ['werk', 'Werk telt.']]);
  });
});

describe('question', () => {
  const book = compileCodebook({
    codes: [code('samenwerking', ['samenwerking'], { question: true, negated: 'geen-samenwerking' }), code('geen-samenwerking', ['langs elkaar']), code('werk', ['werk'])],
  });
  // I: [0, 40) "Hoe is de samenwerking met W&I op werk?" R: [41, …)
  const interview = (answer: string) => {
    const q = 'Hoe is de samenwerking met W&I op werk?';
    const plainText = `${q}\n${answer}`;
    const turns: Turn[] = [
      { speaker: 'I', start: 0, end: q.length, line: 1 },
      { speaker: 'R1', start: q.length + 1, end: plainText.length, line: 2 },
    ];
    return autoCode({ id: 'd', hasTurns: true, turns, plainText }, book).segments.map((s) => [s.code, s.text, s.start]);
  };

  it('gives a short answer the codes with `question: true` that the question holds (not the others)', () => {
    expect(interview('Goed.')).toEqual([['samenwerking', 'Goed.', 40]]);
  });

  it('applies a negation in the answer to the question\'s match', () => {
    expect(interview('Nee, nauwelijks.')).toEqual([['geen-samenwerking', 'Nee, nauwelijks.', 40]]);
  });

  it('gives a longer answer (more than eight words) only its own codes', () => {
    expect(interview('Het gaat wel, we zien elkaar soms op het stadhuis.')).toEqual([]);
  });
});
