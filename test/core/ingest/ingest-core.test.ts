/** The pure part of `werkscan ingest`: timestamps, speaker labels, the speakers map, pseudonyms, the writer. */
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../../src/core/ingest/document.js';
import { htmlBlocks } from '../../../src/core/ingest/html.js';
import { pseudonymiser } from '../../../src/core/ingest/pseudonymise.js';
import { parseSpeakerMap } from '../../../src/core/ingest/speaker-map.js';
import { defaultRule, userRule } from '../../../src/core/ingest/speakers.js';
import { takeTimes } from '../../../src/core/ingest/timestamps.js';
import type { Block } from '../../../src/core/ingest/blocks.js';

const p = (text: string, extra: Partial<Extract<Block, { kind: 'paragraph' }>> = {}): Block => ({ kind: 'paragraph', text, ...extra });
const doc = (blocks: Block[], map: string | null = null, rule = defaultRule) =>
  ingestDocument(
    { blocks, converter: 'test 1', warnings: [] },
    { file: 'in.txt', id: 'x', type: 'interview', turns: true, case: 'c', rule, map: map === null ? null : parseSpeakerMap(map, 'map.yaml'), source: { file: 'in.txt', sha256: 'ab' } },
  );
const body = (text: string) => text.slice(text.indexOf('\n---\n') + 5);

describe('timestamps', () => {
  it('takes the forms of transcription tools out of the text, keeping the first', () => {
    expect(takeTimes('[00:03:12] Spreker 1: Ja.')).toEqual({ text: 'Spreker 1: Ja.', time: '00:03:12' });
    expect(takeTimes('00:03:40.5 I: Goed.')).toEqual({ text: 'I: Goed.', time: '00:03:40.5' });
    expect(takeTimes('I: Zullen we beginnen? #00:01:02-5#')).toEqual({ text: 'I: Zullen we beginnen?', time: '00:01:02.5' });
    expect(takeTimes('Spreker 1 [03:12]: Nee.')).toEqual({ text: 'Spreker 1: Nee.', time: '00:03:12' });
    // a time in the middle of prose is text
    expect(takeTimes('R1: We beginnen om 10:30 uur.')).toEqual({ text: 'R1: We beginnen om 10:30 uur.' });
  });
});

describe('speaker labels', () => {
  it('reads the common convention and QualCoder brackets, not prose or a lower-case aside', () => {
    expect(defaultRule.match('@Jan de Vries: Ja.')).toEqual({ label: 'Jan de Vries', rest: 'Ja.' });
    expect(defaultRule.match('#R1: Nee.')).toEqual({ label: 'R1', rest: 'Nee.' });
    expect(defaultRule.match('[Jan] Ja.')).toEqual({ label: 'Jan', rest: 'Ja.' });
    expect(defaultRule.match('{Spreker 2}: Ja.')).toEqual({ label: 'Spreker 2', rest: 'Ja.' });
    expect(defaultRule.match('[lacht] Ja.')).toBeNull();
    expect(defaultRule.match('Dat zei ik toch, weet je: nee.')).toBeNull();
    expect(defaultRule.match(`${'a'.repeat(64)}: te lang`)).toBeNull();
    expect(defaultRule.match('https://example.org')).toBeNull();
  });

  it('a user pattern needs one group and no nested repetition, and is matched at the line start', () => {
    const rule = userRule('^([A-Z][a-z]+) >');
    expect(rule.match('Jan > Ja.')).toEqual({ label: 'Jan', rest: 'Ja.' });
    expect(rule.match('Zei Jan > Ja.')).toBeNull();
    expect(() => userRule('([a-z]+')).toThrow(/not a valid regular expression/);
    expect(() => userRule('[A-Z]+:')).toThrow(/has 0 capture groups/);
    expect(() => userRule('(a)(b)')).toThrow(/has 2 capture groups/);
    expect(() => userRule('((?:a+)+):')).toThrow(/exponential time/);
    expect(() => userRule('(a)\\1')).toThrow(/backreferences/);
  });

  it('a one-off label of the default is prose; a label the map knows, or an obvious one, counts once', () => {
    const d = doc([p('I: Hoe gaat het?'), p('Jan de Vries: Goed.'), p('Kortom: het gaat goed.'), p('I: Dank u.')]);
    // "Jan de Vries" opens one line only and is not obvious: text of I's turn, kept off a paragraph start
    // (and I's second turn follows I's first: one turn, two paragraphs)
    expect(body(d.text)).toBe('I: Hoe gaat het? Jan de Vries: Goed. Kortom: het gaat goed.\n\nDank u.\n');
    const mapped = doc([p('I: Hoe gaat het?'), p('Jan de Vries: Goed.'), p('I: Dank u.')], 'Jan de Vries: R1\n');
    expect(body(mapped.text)).toBe('I: Hoe gaat het?\n\nR1: Goed.\n\nI: Dank u.\n');
    expect([...mapped.turns]).toEqual([['I', 2], ['R1', 1]]);
  });

  it('merges consecutive turns of one speaker and keeps the first timestamp as a comment after the label', () => {
    const d = doc([p('[00:00:01] I: Vraag een.'), p('[00:00:05] I: Vraag twee.'), p('R1: Antwoord. #00:00:09-5#')]);
    expect(body(d.text)).toBe('I: <!-- 00:00:01 --> Vraag een.\n\nVraag twee.\n\nR1: <!-- 00:00:09.5 --> Antwoord.\n');
  });

  it('without a map: I and ids stand, other labels get the next free R-number and their label', () => {
    const d = doc([p('Interviewer: Vraag.'), p('Spreker 1: Ja.'), p('R1: Ook ja.'), p('Spreker 1: Nee.')]);
    expect(d.text).toContain('respondents:\n  - { id: R2, label: Spreker 1 }\n  - { id: R1 }\n');
    expect(body(d.text)).toBe('I: Vraag.\n\nR2: Ja.\n\nR1: Ook ja.\n\nR2: Nee.\n');
  });

  it('refuses a transcript without speakers, and labels missing from the map, naming their lines', () => {
    expect(() => doc([p('Gewoon tekst.', { line: 1 })])).toThrow(/no speaker recognised/);
    try {
      doc([p('I: Vraag.', { line: 1 }), p('Spreker 3: Ja.', { line: 3 }), p('Spreker 3: Nee.', { line: 5 })], 'Interviewer: I\n');
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ message: 'speaker not in map.yaml: "Spreker 3" (line 3)', file: 'in.txt', line: 3 });
    }
  });
});

describe('speakers map and pseudonyms', () => {
  const map = parseSpeakerMap('Spreker 1: I\nJan de Vries: R2\nR2: { role: jongerenwerker, domain: werk }\n', 'm.yaml');

  it('maps labels whatever their capitals and declares respondents with attributes', () => {
    expect(map.labels.get('spreker 1')).toBe('I');
    expect(map.labels.get('jan de vries')).toBe('R2');
    expect(map.respondents.get('R2')).toEqual({ role: 'jongerenwerker', domain: 'werk' });
    expect(map.names).toEqual([{ name: 'Jan de Vries', id: 'R2' }]);
  });

  it('replaces the full name (any capitals), the surname with prefix, and capitalised parts as written', () => {
    const ps = pseudonymiser(map);
    expect(ps.apply('JAN DE VRIES zei dat De Vries en Jan het wisten; de vriesvakken en jan-met-de-pet niet.')).toBe('R2 zei dat R2 en R2 het wisten; de vriesvakken en jan-met-de-pet niet.');
    expect(ps.counts.get('R2')).toBe(3);
  });

  it('refuses a bad id, attributes under a label, a label mapped twice, and a list as attribute', () => {
    expect(() => parseSpeakerMap('Jan: 1R\n', 'm.yaml')).toThrow(/"1R" cannot be a speaker id/);
    expect(() => parseSpeakerMap('Jan de Vries: { role: x }\n', 'm.yaml')).toThrow(/not a respondent id/);
    expect(() => parseSpeakerMap('Jan: R1\nJAN: R2\n', 'm.yaml')).toThrow(/mapped twice/);
    expect(() => parseSpeakerMap('R1: { role: [a, b] }\n', 'm.yaml')).toThrow(/must be a single value/);
  });
});

describe('mammoth HTML', () => {
  it('headings, paragraphs with bold labels, line breaks, tables row by row, footnotes at the end', () => {
    const html =
      '<h1>Gesprek</h1><p><strong>I:</strong> Vraag&nbsp;een &amp; twee<br />R1: ja</p><table><tr><td><p>a</p></td><td><p>b</p></td></tr></table>' +
      '<p>Zie noot<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>.</p><ol><li id="footnote-1"><p> Een bron. <a href="#footnote-ref-1">↑</a></p></li></ol>';
    expect(htmlBlocks(html)).toEqual([
      { kind: 'heading', level: 1, text: 'Gesprek' },
      { kind: 'paragraph', text: 'I: Vraag een & twee\nR1: ja' },
      { kind: 'paragraph', text: 'a | b' },
      { kind: 'paragraph', text: 'Zie noot[1].' },
      { kind: 'paragraph', text: '[1] Een bron.' },
    ]);
  });
});
