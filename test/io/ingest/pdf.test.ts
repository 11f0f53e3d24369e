/** convertPdf on PDFs made with LibreOffice (test/fixtures/ingest/pdf/README.md says how). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertPdf } from '../../../src/io/ingest/pdf.js';
import { repoRoot } from '../../helpers/run.js';

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(repoRoot, 'test/fixtures/ingest/pdf', name)));

describe('convertPdf', () => {
  it('turns the 3-page plan into page anchors, headings and paragraphs, without running header, page numbers or glued note digits', async () => {
    const r = await convertPdf(fixture('plan.pdf'), 'plan.pdf');
    expect([r.converter, r.pages, r.warnings]).toEqual(['unpdf 1.7.0', 3, []]);
    expect(r.blocks).toEqual([
      { kind: 'page', page: 1 },
      { kind: 'heading', level: 1, text: 'Samen tegen ondermijning' },
      {
        kind: 'paragraph',
        text: 'De gemeente Veenhoven wil voorkomen dat jongeren in de criminaliteit belanden. In drie wijken melden bewoners steeds vaker overlast[^1] en zien zij dat er drugs worden verhandeld rond de scholen.',
      },
      { kind: 'heading', level: 2, text: 'Wat we willen bereiken' },
      // "samen-" was a soft hyphen at a line end; "W&I-" a real one
      {
        kind: 'paragraph',
        text: 'Het plan vraagt om samenwerking tussen de W&I-afdeling, het jongerenwerk, de politie en het onderwijs. Een vaste regievoerder houdt de voortgang bij en spreekt partners aan op hun afspraken over preventie en nazorg.',
      },
      { kind: 'paragraph', text: '[^1]: Meldingen bij het wijkteam in 2023, geteld door de afdeling Veiligheid.' },
      { kind: 'page', page: 2 },
      { kind: 'heading', level: 1, text: 'Aanpak in de wijken' },
      {
        kind: 'paragraph',
        text: 'In elke wijk komt een team van een jongerenwerker, een wijkagent en een consulent van werk en inkomen. Het team kent de jongeren bij naam en biedt hun een baan of opleiding aan voordat criminelen dat doen[^2].',
      },
      { kind: 'paragraph', text: 'Voor 2024 is 350.000 euro begroot. Het team rapporteert elk kwartaal aan de raad over het aantal jongeren dat werk heeft gevonden.' },
      { kind: 'paragraph', text: '[^2]: Zie de evaluatie van de pilot in de wijk De Hoven.' },
      { kind: 'page', page: 3 },
      { kind: 'heading', level: 1, text: 'Evaluatie' },
      { kind: 'paragraph', text: 'Na twee jaar beoordeelt een onafhankelijk bureau of de aanpak werkt. Daarbij telt niet alleen het aantal banen, maar ook of de overlast in de wijken afneemt.' },
    ]);
    const all = JSON.stringify(r.blocks);
    expect(all).not.toContain('Veenhoven –'); // the running header "Plan van aanpak ondermijning 2024 – gemeente Veenhoven"
    expect(all).not.toContain('Pagina');
    expect(all).not.toMatch(/overlast\.?1/);
  });

  it('refuses the image-only PDF with "needs OCR", naming the file', async () => {
    await expect(convertPdf(fixture('scan.pdf'), 'in/scan.pdf')).rejects.toThrow(expect.objectContaining({ name: 'InputError', file: 'in/scan.pdf', message: 'needs OCR: the page has no text layer (a scan?)' }));
  });

  it('says a password-protected or corrupt PDF is one, without a stack trace', async () => {
    await expect(convertPdf(fixture('plan-password.pdf'), 'pw.pdf')).rejects.toThrow(expect.objectContaining({ name: 'InputError', file: 'pw.pdf', message: 'the PDF is password-protected' }));
    const cut = fixture('plan.pdf').slice(0, 3000);
    await expect(convertPdf(cut, 'cut.pdf')).rejects.toThrow(expect.objectContaining({ name: 'InputError', file: 'cut.pdf', message: 'not a readable PDF (Invalid PDF structure.)' }));
    await expect(convertPdf(new TextEncoder().encode('geen pdf'), 'x.pdf')).rejects.toThrow(expect.objectContaining({ name: 'InputError', file: 'x.pdf' }));
  });
});
