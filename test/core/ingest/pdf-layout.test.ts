/** PDF layout on hand-made text items (PDF points, y upwards): what each rule of pdf-layout.ts does. */
import { describe, expect, it } from 'vitest';
import { layoutPdf } from '../../../src/core/ingest/pdf-layout.js';
import type { PdfItem, PdfPage } from '../../../src/core/ingest/pdf-lines.js';

/** An item; its width is 5 pt per character at size 10 (scaled by size). */
const item = (str: string, x: number, y: number, size = 10): PdfItem => ({ str, x, y, width: str.length * size * 0.5, size });
/** A page of 600 × 800 with a running header, a page-number footer and the given body items. */
const page = (n: number, body: PdfItem[], header = 'Plan van aanpak 2024 — gemeente Veenhoven'): PdfPage => ({
  width: 600,
  height: 800,
  items: [item(header, 50, 770, 8), ...body, item(`Pagina ${n} van 3`, 50, 30, 8)],
});
const texts = (pages: PdfPage[]) => layoutPdf(pages, 'p.pdf').blocks.map((b) => (b.kind === 'page' ? `--p${b.page}` : b.kind === 'heading' ? `#${b.level} ${b.text}` : b.text));

describe('layoutPdf', () => {
  it('gives one page anchor per page and removes the running header and the page numbers', () => {
    const pages = [1, 2, 3].map((n) => page(n, [item(`Tekst van pagina ${n}.`, 50, 700)]));
    expect(texts(pages)).toEqual(['--p1', 'Tekst van pagina 1.', '--p2', 'Tekst van pagina 2.', '--p3', 'Tekst van pagina 3.']);
  });

  it('keeps a line in the top band that is on one page only, and a repeated line outside the bands', () => {
    const pages = [1, 2, 3].map((n) => page(n, [item('Samenvatting', 50, 740), item(`Tekst ${n}.`, 50, 700)], n === 2 ? 'Bijlage bij het plan' : 'Kop'));
    // "Kop" stands on 2 of 3 pages: at least 2 and at least half; "Bijlage bij het plan" on one; "Samenvatting" (y 740 < 0.88 × 800 = 704? no: 740 > 704) is in the band on all 3 pages
    expect(texts(pages)).toEqual(['--p1', 'Tekst 1.', '--p2', 'Bijlage bij het plan', 'Tekst 2.', '--p3', 'Tekst 3.']);
    const mid = [1, 2, 3].map((n) => page(n, [item('Een vaste regel.', 50, 600), item(`Tekst ${n}.`, 50, 500)]));
    expect(texts(mid)).toEqual(['--p1', 'Een vaste regel.', 'Tekst 1.', '--p2', 'Een vaste regel.', 'Tekst 2.', '--p3', 'Een vaste regel.', 'Tekst 3.']);
  });

  it('removes page numbers in their usual shapes, on a single page too', () => {
    for (const footer of ['3', '- 3 -', '– 12 –', 'Pagina 3 van 12', 'p. 3', 'iv', '3 / 12']) {
      const p: PdfPage = { width: 600, height: 800, items: [item('Tekst van de pagina.', 50, 700), item(footer, 300, 30, 8)] };
      expect(texts([p])).toEqual(['--p1', 'Tekst van de pagina.']);
    }
    // a line that is more than a number stays
    expect(texts([{ width: 600, height: 800, items: [item('Tekst van de pagina.', 50, 700), item('3 jongeren', 300, 30)] }])).toEqual(['--p1', 'Tekst van de pagina.', '3 jongeren']);
  });

  it('joins soft-wrapped lines into a paragraph; a larger gap, an indent or a short last line starts a new one', () => {
    const body = [
      item('De gemeente wil voorkomen dat jongeren in de', 50, 700),
      item('criminaliteit belanden.', 50, 688),
      // gap 24 > 1.3 × pitch 12: a new paragraph
      item('Het team kent de jongeren bij naam en biedt een', 50, 664),
      item('baan aan.', 50, 652),
      // no gap, but the line before ended a sentence far from the right edge (50 + 240 = 290)
      item('Een nieuwe alinea zonder witregel ertussen die lang', 50, 640),
      item('doorloopt.', 50, 628),
      // indented first line
      item('Ingesprongen alinea.', 70, 616),
    ];
    expect(texts([{ width: 600, height: 800, items: body }])).toEqual([
      '--p1',
      'De gemeente wil voorkomen dat jongeren in de criminaliteit belanden.',
      'Het team kent de jongeren bij naam en biedt een baan aan.',
      'Een nieuwe alinea zonder witregel ertussen die lang doorloopt.',
      'Ingesprongen alinea.',
    ]);
  });

  it('drops a soft hyphen at a line end but keeps real ones', () => {
    const lines = ['Het plan vraagt om samen-', 'werking met de W&I-', 'afdeling en de provincie Noord-', 'Holland, het zorg-', 'en veiligheidshuis en de jaren 2023-', '2024 van de aanpak.'];
    const items = lines.map((l, i) => item(l, 50, 700 - 12 * i));
    expect(texts([{ width: 600, height: 800, items }])).toEqual([
      '--p1',
      'Het plan vraagt om samenwerking met de W&I-afdeling en de provincie Noord-Holland, het zorg- en veiligheidshuis en de jaren 2023-2024 van de aanpak.',
    ]);
  });

  it('splits a raised small footnote digit from its word as [^N], and puts the note at the end of the page', () => {
    const items = [
      item('Bewoners melden overlast', 50, 700),
      item('1', 50 + 24 * 5, 704, 6), // right after "overlast", raised 4 pt, size 6
      item(' en drugshandel rond de scholen in de wijk.', 50 + 24 * 5 + 3, 700),
      item('1 Meldingen bij het wijkteam in 2023.', 50, 80, 8),
      item('Tweede regel van de voetnoot.', 50, 70, 8),
    ];
    expect(texts([{ width: 600, height: 800, items }, { width: 600, height: 800, items: [item('Volgende pagina met gewone tekst.', 50, 700)] }])).toEqual([
      '--p1',
      'Bewoners melden overlast[^1] en drugshandel rond de scholen in de wijk.',
      '[^1]: Meldingen bij het wijkteam in 2023. Tweede regel van de voetnoot.',
      '--p2',
      'Volgende pagina met gewone tekst.',
    ]);
    // a digit on the baseline in the body font is text: "artikel 1"
    expect(texts([{ width: 600, height: 800, items: [item('Zie artikel', 50, 700), item('1.', 50 + 11 * 5 + 5, 700)] }])).toEqual(['--p1', 'Zie artikel 1.']);
  });

  it('keeps notes that repeat on every page ("Ibid.") when their marker is on the page', () => {
    const pages = [1, 2, 3].map((n) =>
      page(n, [item('Een regel met een bron', 50, 700), item(String(n), 50 + 22 * 5, 704, 6), item(' en meer tekst in de alinea.', 50 + 22 * 5 + 3, 700), item(`${n} Ibid.`, 50, 60, 8)]),
    );
    expect(texts(pages).filter((t) => t.startsWith('[^'))).toEqual(['[^1]: Ibid.', '[^2]: Ibid.', '[^3]: Ibid.']);
  });

  it('does not take the space after short last lines of full-width paragraphs for a column gutter', () => {
    const items: PdfItem[] = [];
    for (let i = 0; i < 12; i++) items.push(item(i % 4 === 3 ? 'kort.' : 'een volle regel tekst die over de hele breedte loopt en nog verder gaat', 50, 700 - 12 * i));
    items.push(item('rechts', 400, 700 - 12 * 3)); // a word far right on a short line's height
    const out = texts([{ width: 600, height: 800, items }]);
    // read row by row: "rechts" comes right after the first "kort." (a false gutter put it after all three)
    const before = out.join(' ').split('rechts')[0]!;
    expect([before.split('een volle regel').length - 1, before.split('kort.').length - 1]).toEqual([3, 1]);
  });

  it('recognises headings by glyph size, level by size rank', () => {
    const items = [
      item('Samen tegen ondermijning', 50, 740, 18),
      item('Aanpak', 50, 710, 14),
      item('Gewone tekst met de body-grootte die het vaakst voorkomt.', 50, 690),
      item('Iets grotere tekst', 50, 670, 11), // 1.1 × body: not a heading
      item('Nog een kop', 50, 650, 14),
      item('Meer gewone tekst, lang genoeg om de body te zijn.', 50, 630),
    ];
    expect(texts([{ width: 600, height: 800, items }])).toEqual(['--p1', '#1 Samen tegen ondermijning', '#2 Aanpak', 'Gewone tekst met de body-grootte die het vaakst voorkomt.', 'Iets grotere tekst', '#2 Nog een kop', 'Meer gewone tekst, lang genoeg om de body te zijn.']);
  });

  it('reads a two-column page column by column, a title over both columns first', () => {
    const items = [item('Een titel die over beide kolommen van de pagina loopt', 50, 740, 14)];
    for (let i = 0; i < 6; i++) {
      items.push(item(`links regel ${i + 1} van de linker kolom`, 50, 700 - 12 * i)); // ends at 50 + 33 × 5 = 215
      items.push(item(`rechts regel ${i + 1} van de kolom`, 320, 700 - 12 * i));
    }
    const out = texts([{ width: 600, height: 800, items }]);
    expect(out[1]).toBe('#1 Een titel die over beide kolommen van de pagina loopt');
    expect(out[2]).toMatch(/^links regel 1 .* links regel 6 van de linker kolom$/);
    expect(out[3]).toMatch(/^rechts regel 1 .* rechts regel 6 van de kolom$/);
  });

  it('refuses a PDF without a text layer with "needs OCR", and warns about a single empty page', () => {
    const empty = (): PdfPage => ({ width: 600, height: 800, items: [item(' ', 50, 700)] });
    expect(() => layoutPdf([empty(), empty()], 'scan.pdf')).toThrow('needs OCR: none of the 2 pages has a text layer (a scan?)');
    expect(() => layoutPdf([empty()], 'scan.pdf')).toThrow(expect.objectContaining({ file: 'scan.pdf', message: 'needs OCR: the page has no text layer (a scan?)' }));
    const r = layoutPdf([{ width: 600, height: 800, items: [item('Tekst van de pagina.', 50, 700)] }, empty()], 'x.pdf');
    expect(r.blocks).toEqual([{ kind: 'page', page: 1 }, { kind: 'paragraph', text: 'Tekst van de pagina.' }, { kind: 'page', page: 2 }]);
    expect(r.warnings).toEqual([{ message: 'no text on this page (an image or a scan?); only its page anchor is kept', page: 2 }]);
  });
});
