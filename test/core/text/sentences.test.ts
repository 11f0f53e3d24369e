import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/core/text/sentences.js';

function split(text: string): string[] {
  const cps = Array.from(text);
  return splitSentences(text).map((s) => cps.slice(s.start, s.end).join(''));
}

describe('splitSentences', () => {
  it('splits on . ! ? … before a capital, and at the end', () => {
    expect(split('Dat klopt. Werkt het? Ja! Nou… Misschien.')).toEqual([
      'Dat klopt.', 'Werkt het?', 'Ja!', 'Nou…', 'Misschien.',
    ]);
  });

  it('does not split after Dutch abbreviations', () => {
    expect(split('Er zijn o.a. jongerenwerkers bij betrokken. Zij doen bijv. huisbezoeken.')).toEqual([
      'Er zijn o.a. jongerenwerkers bij betrokken.', 'Zij doen bijv. huisbezoeken.',
    ]);
    expect(split('Een fiets z.g.a.n. Voor de verkoop, d.w.z. Marktplaats. Dhr. Jansen en Prof. Smit.')).toEqual([
      'Een fiets z.g.a.n. Voor de verkoop, d.w.z. Marktplaats.', 'Dhr. Jansen en Prof. Smit.',
    ]);
    expect(split('Het gaat m.b.t. de AVG, i.p.v. W&I, t.a.v. Nr. 5, ca. 30 enz. Klaar.')).toHaveLength(1);
  });

  it('does not split after initials or inside numbers', () => {
    expect(split('Volgens J.D. de Jong is het 3.5 keer zo veel. Dat is veel.')).toEqual([
      'Volgens J.D. de Jong is het 3.5 keer zo veel.', 'Dat is veel.',
    ]);
    expect(split('Wethouder A. Bakker zei het. Klopt.')).toEqual(['Wethouder A. Bakker zei het.', 'Klopt.']);
  });

  it('does not split before a lowercase word', () => {
    expect(split('Hoezo? omdat het moet.')).toEqual(['Hoezo? omdat het moet.']);
  });

  it('keeps closing quotes with the sentence and splits before opening quotes and digits', () => {
    expect(split('Hij zei: "Dat gaat niet." "Waarom niet?" 2023 was anders.')).toEqual([
      'Hij zei: "Dat gaat niet."', '"Waarom niet?"', '2023 was anders.',
    ]);
  });

  it('splits on blank lines but not on a single line break', () => {
    expect(split('Een zin die\ndoorloopt\n\nNieuwe alinea zonder punt\n  \n\nEn nog een')).toEqual([
      'Een zin die\ndoorloopt', 'Nieuwe alinea zonder punt', 'En nog een',
    ]);
  });

  it('returns code-point offsets without surrounding whitespace', () => {
    const text = '  😀 Eerste zin. 𝒳 tweede? Derde.  ';
    expect(splitSentences(text)).toEqual([
      { start: 2, end: 15 },
      { start: 16, end: 25 },
      { start: 26, end: 32 },
    ]);
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n ')).toEqual([]);
  });
});
