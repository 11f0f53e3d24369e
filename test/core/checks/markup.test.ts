import { describe, expect, it } from 'vitest';
import { lintDocument } from '../../../src/core/checks/lint.js';
import { parseDocument } from '../../../src/core/parse/document.js';
import { problemMessage } from '../../../src/report/lint.js';

const HEAD = '---\nid: d1\ntype: interview\ncase: c\nrespondents:\n  - { id: R1, role: consulent }\n---\n'; // body starts on line 8
const PLAN = '---\nid: p1\ntype: plan\ncase: c\n---\n'; // body starts on line 6
const codes = new Map([['wachtlijst', {}], ['werkgevers', {}]]);
const parse = (text: string) => parseDocument({ text, path: 'd1.md', file: 'd1.md' });
const lintOf = (text: string) => lintDocument(parse(text), new Set(['c']), codes);
const brief = (text: string) => lintOf(text).map((p) => [p.rule, p.severity, p.line, p.column]);

describe('looks like coding but is not (issue #13.1): each an error at the character to fix', () => {
  const one = (line: string) => HEAD + 'I: Hoe lang?\n\nR1: Ja, ' + line + ' Echt.\n'; // the fragment starts on line 10, column 9
  const cases: [string, string, number][] = [
    ['[lang{.wachtlijst}', 'stray-attributes', 14], // no ]
    ['[lang]{.wachtlijst', 'attributes-not-closed', 15], // no }
    ['[lang] {.wachtlijst}', 'stray-attributes', 16], // a space
    ['[lang]{wachtlijst}', 'span-without-class', 15], // no dot
    ['[lang]{#wachtlijst}', 'span-without-class', 15], // an id, no class
    ['[lang](.wachtlijst)', 'parenthesised-attributes', 15], // parentheses
    ['lang]{.wachtlijst}', 'span-not-opened', 13], // no [
    ['[lang].wachtlijst}', 'stray-brace', 26], // no {
    ['[lang]\u00a0{.wachtlijst}', 'stray-attributes', 16], // a no-break space
  ];
  for (const [fragment, rule, column] of cases) {
    it(`${JSON.stringify(fragment)} → ${rule} at 10:${column}, and no segment`, () => {
      expect(parse(one(fragment)).segments).toEqual([]);
      expect(brief(one(fragment))).toEqual([[rule, 'error', 10, column]]);
    });
  }

  it('names the likely fix', () => {
    const words = (fragment: string) => problemMessage(lintOf(one(fragment))[0]!);
    expect(words('[lang{.wachtlijst}')).toBe('"{.wachtlijst}" follows a [ that is never closed: no coding is recorded (add ] before the {: [text]{.wachtlijst})');
    expect(words('[lang] {.wachtlijst}')).toBe('"{.wachtlijst}" is separated from its ] by a space: no coding is recorded (remove the space: [text]{.wachtlijst})');
    expect(words('[lang]{wachtlijst}')).toBe('span attributes {wachtlijst} hold no code: no coding is recorded (a code is a class with a dot, e.g. {.wachtlijst})');
    expect(words('[lang]{#wachtlijst}')).toBe('span attributes {#wachtlijst} hold no code: no coding is recorded (a code is a class with a dot, e.g. {.wachtlijst})');
    expect(words('[lang](.wachtlijst)')).toBe('"(.wachtlijst)" uses parentheses: no coding is recorded (write braces: {.wachtlijst})');
    expect(words('[lang].wachtlijst}')).toBe('".wachtlijst}" looks like the end of span attributes without their {: no coding is recorded (expected [text]{.wachtlijst})');
  });

  it('an unclosed or unopened bracket in a turn that holds a span is an error; [lacht] and \\[naam\\] are not', () => {
    expect(brief(HEAD + 'R1: [lacht] \\[naam\\] [goed]{.wachtlijst}\n')).toEqual([]);
    expect(brief(HEAD + 'R1: ja [zeker [goed]{.wachtlijst}\n')).toEqual([['unclosed-bracket', 'error', 8, 8]]);
    expect(brief(HEAD + 'R1: ja zeker] [goed]{.wachtlijst}\n')).toEqual([['unopened-bracket', 'error', 8, 13]]);
    // without a span in the turn, a lone bracket is text ([lacht, een citaat]) — the next turn's span does not count
    expect(brief(HEAD + 'R1: ja [lacht\n\nI: [goed]{.wachtlijst}\n')).toEqual([]);
  });

  it('finds the same mistakes in plans (no turns), with the column in code points', () => {
    expect(brief(PLAN + 'Tekst.\n\n😀 [wacht] {.wachtlijst}\n')).toEqual([['stray-attributes', 'error', 8, 11]]);
    expect(brief(PLAN + 'Let op: dit [is goed]{.wachtlijst}.\n')).toEqual([]);
  });
});

describe('speaker labels (issues #13.2, #14.6)', () => {
  it('a multi-word label is a turn of its own, not the previous speaker\'s text: an unknown speaker', () => {
    const text = HEAD + 'R1: Ja.\nI: Wie helpt?\nJan de Vries: [de werkgevers]{.werkgevers}\n';
    expect(parse(text).segments.map((s) => [s.code, s.speaker])).toEqual([['werkgevers', 'Jan de Vries']]);
    expect(brief(text)).toEqual([['unknown-speaker', 'error', 10, 1]]);
  });

  it('a respondent may declare a label that stands for it in the text', () => {
    const text = '---\nid: d1\ntype: interview\ncase: c\nrespondents:\n  - { id: R1, label: "Jan de Vries", role: werkgever }\n---\nI: Wie helpt?\nJan de Vries: [de werkgevers]{.werkgevers}\n';
    const d = parse(text);
    expect(d.respondents).toEqual([{ id: 'R1', label: 'Jan de Vries', attrs: { id: 'R1', role: 'werkgever' }, origin: { file: 'd1.md', line: 6, column: 5 } }]);
    expect(d.segments.map((s) => [s.code, s.speaker, s.text])).toEqual([['werkgevers', 'R1', 'de werkgevers']]);
    expect(d.turns).toEqual([
      { speaker: 'I', start: 3, end: 13, line: 8 },
      { speaker: 'R1', start: 28, end: 41, line: 9 },
    ]);
    expect(brief(text)).toEqual([]);
  });

  it('refuses a label that cannot be one, or that is another speaker\'s', () => {
    const head = (label: string) => `---\nid: d1\ntype: interview\ncase: c\nrespondents:\n  - { id: R1, label: "${label}" }\n  - { id: R2 }\n---\nI: x\n`;
    expect(() => parse(head('Jan: de Vries'))).toThrow('label "Jan: de Vries" cannot be a speaker label');
    expect(() => parse(head('een twee drie vier vijf zes zeven'))).toThrow('cannot be a speaker label');
    expect(() => parse(head('R2'))).toThrow('label "R2" is already the id or label of another speaker');
  });

  it('accepts R1 :, R1： and a no-break space after R2: as labels; warns about the unusual ones', () => {
    const text = HEAD.replace('R1, role', 'R1, role').replace('---\nI', '---\nI') + 'I: Vraag?\nR1 : een\nI: Nog?\nR1： twee\nI: En?\nR1:\u00a0drie\n';
    const d = parse(text);
    expect(d.turns.map((t) => [t.speaker, d.plainText.slice(t.start, t.end)])).toEqual([
      ['I', 'Vraag?'],
      ['R1', 'een'],
      ['I', 'Nog?'],
      ['R1', 'twee'],
      ['I', 'En?'],
      ['R1', 'drie'],
    ]);
    expect(brief(text)).toEqual([
      ['unusual-label', 'warning', 9, 1],
      ['unusual-label', 'warning', 11, 1],
    ]);
    expect(problemMessage(lintOf(text)[0]!)).toBe('speaker label written as "R1 :" (space before the colon); read as R1: (write R1:)');
  });

  it('flags a zero-width character in a label line (and still reads the label)', () => {
    const text = HEAD + 'I: Vraag?\nR1\u200b: [ja]{.wachtlijst}\n';
    expect(parse(text).segments.map((s) => s.speaker)).toEqual(['R1']);
    expect(brief(text)).toEqual([['zero-width-in-label', 'error', 9, 3]]);
  });

  it('prose with a colon continues the turn in the middle of a paragraph, and in plans', () => {
    const text = HEAD + 'R1: Dat is zo.\nDat merk je meteen: een jongen [wacht]{.wachtlijst}.\nAchteraf denk ik: goed.\n';
    expect(parse(text).turns.map((t) => t.speaker)).toEqual(['R1']);
    expect(parse(text).segments.map((s) => s.speaker)).toEqual(['R1']);
    expect(brief(text)).toEqual([]);
    expect(brief(PLAN + 'Let op: dit is prose.\n### Pijler A: scholen\n\nWat ik bedoel: meer.\n')).toEqual([]);
  });

  it('a known label garbled by one character is read as that speaker\'s turn, and named', () => {
    const text = (line: string) => HEAD + 'I: Vraag?\n\n' + line + ' [ja]{.wachtlijst}\n';
    for (const [line, written] of [['R1', 'R1'], ['R1}:', 'R1}:'], ['-R1:', '-R1:']]) {
      expect(parse(text(line!)).segments.map((s) => s.speaker), line).toEqual(['R1']);
      expect(brief(text(line!)), line).toEqual([['garbled-label', 'error', 10, 1]]);
      expect(problemMessage(lintOf(text(line!))[0]!)).toBe(`line starts like speaker label R1 but reads "${written}": read as a turn of R1 (write R1: and a space at the start of the line)`);
    }
    // at the start of a paragraph, anything short before a colon is a turn (of an unknown speaker)
    expect(brief(text('R#1:'))).toEqual([
      ['unknown-speaker', 'error', 10, 1],
      ['silent-respondent', 'warning', 6, 5],
    ]);
  });

  it('at the start of a paragraph in an interview, words and a colon are a label', () => {
    const text = HEAD + 'R1: Dat is zo.\n\nrespondent twee: [lang]{.wachtlijst}\n';
    expect(parse(text).segments.map((s) => s.speaker)).toEqual(['respondent twee']);
    expect(brief(text)).toEqual([['unknown-speaker', 'error', 10, 1]]);
  });
});

describe('front matter values with typographic quotes or invisible characters (issue #13.8)', () => {
  it('warns at the value, and keeps the value as written', () => {
    const text = '---\nid: ‘d1’\ntype: interview\ncase: c\nrespondents:\n  - { id: R1, role: “consulent” }\n---\nR1: ja\n';
    const d = parse(text);
    expect(d.id).toBe('‘d1’');
    expect(d.respondents[0]!.attrs.role).toBe('“consulent”');
    const problems = lintDocument(d, new Set(['c']), codes);
    expect(problems.map((p) => [p.rule, p.severity, p.line, p.column])).toEqual([
      ['typographic-quotes', 'warning', 2, 5],
      ['typographic-quotes', 'warning', 6, 21],
    ]);
    expect(problemMessage(problems[1]!)).toBe('respondents[0].role: “consulent” — the typographic quotes are part of the value (write "consulent" with straight quotes, or consulent without quotes)');
  });

  it('names a no-break space at either end and a zero-width character anywhere', () => {
    const text = '---\nid: d1\ntype: plan\ncase: c\ncoder: "\u00a0anna"\ndomain: "werk\u200b"\n---\nTekst.\n';
    const problems = lintOf(text);
    expect(problems.map((p) => [p.rule, p.line, p.column])).toEqual([
      ['invisible-character', 5, 8],
      ['invisible-character', 6, 9],
    ]);
    expect(problems.map(problemMessage)).toEqual([
      'coder: "\\u00A0anna" has a no-break space U+00A0 at its start, part of the value (delete it)',
      'domain: "werk\\u200B" has a zero-width space U+200B at its end, part of the value (delete it)',
    ]);
    expect(parse(text).attrs.coder).toBe('\u00a0anna');
  });

  it('leaves ’s-Hertogenbosch alone (an apostrophe, not quotes around the value)', () => {
    expect(lintOf('---\nid: d1\ntype: plan\ncase: c\nplace: ’s-Hertogenbosch\n---\nTekst.\n')).toEqual([]);
  });
});
