/**
 * PDF → blocks for `werkscan ingest`, through unpdf (pdf.js). This file only reads the text items of each
 * page; the layout rules (page anchors, running headers, paragraphs, headings, footnotes, columns) are pure
 * and live in src/core/ingest/pdf-layout.ts. Documented in docs/pdf.md.
 */
import { InputError } from '../../core/errors.js';
import type { Converted } from '../../core/ingest/blocks.js';
import { layoutPdf } from '../../core/ingest/pdf-layout.js';
import type { PdfItem, PdfPage } from '../../core/ingest/pdf-lines.js';

/** Larger PDFs are refused (exit 2) before any page is read: split them first. */
const MAX_PAGES = 5000;
/** A page with more text items than this is refused (exit 2, naming the page): no real page has them. */
const MAX_ITEMS_PER_PAGE = 100_000;
const UNPDF = 'unpdf 1.7.0';

/** pdf.js's own error, said as what the user can do about it. */
function explain(e: unknown, file: string): InputError {
  const name = (e as { name?: string } | null)?.name;
  if (name === 'PasswordException') return new InputError('the PDF is password-protected', { file, hint: 'save a copy without a password and ingest that' });
  const detail = e instanceof Error || (e && typeof e === 'object' && 'message' in e) ? String((e as { message: unknown }).message) : String(e);
  return new InputError(`not a readable PDF (${detail})`, { file, hint: 'expected a PDF file; open and re-save it, or export it again from its program' });
}

export async function convertPdf(bytes: Uint8Array, file: string): Promise<Converted> {
  const { getDocumentProxy } = await import('unpdf');
  // pdf.js may take over the buffer it is given: hand it a copy. verbosity 0: no warnings on stderr.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false }).catch((e: unknown) => {
    throw explain(e, file);
  });
  try {
    if (pdf.numPages > MAX_PAGES) throw new InputError(`the PDF has ${pdf.numPages} pages, more than the limit of ${MAX_PAGES}`, { file, hint: 'split it into parts and ingest each' });
    const pages: PdfPage[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      let page;
      let content;
      try {
        page = await pdf.getPage(n);
        content = await page.getTextContent();
      } catch (e) {
        throw explain(e, `${file}, page ${n}`);
      }
      if (content.items.length > MAX_ITEMS_PER_PAGE) {
        throw new InputError(`page ${n} has ${content.items.length} text items, more than the limit of ${MAX_ITEMS_PER_PAGE}`, { file, hint: 'expected a text document, not a drawing or a table of millions of cells' });
      }
      const view = page.getViewport({ scale: 1 });
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str === '') continue;
        const [, , c, d, x, y] = it.transform as number[];
        items.push({ str: it.str, x: x!, y: y!, width: it.width, size: Math.round(Math.hypot(c!, d!) * 10) / 10 });
      }
      pages.push({ width: view.width, height: view.height, items });
      page.cleanup();
    }
    const { blocks, warnings } = layoutPdf(pages, file);
    return { blocks, converter: UNPDF, pages: pages.length, warnings };
  } finally {
    await pdf.destroy();
  }
}
