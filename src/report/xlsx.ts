/**
 * The one place that writes a workbook (workbook.ts's model) as .xlsx bytes, with exceljs, loaded when
 * `werkscan code` gets here. The same model gives the same bytes: the document dates are fixed, and the
 * zip exceljs makes (which stamps each entry with the time of writing) is packed again by fflate with a
 * fixed time.
 */
import type { Workbook } from './workbook-model.js';

/** The date in docProps/core.xml and on every zip entry. */
const FIXED = new Date(Date.UTC(2000, 0, 1));
const FORMAT = { count: '0', share: '0%', points: '+0;-0;0' } as const;

export async function xlsxBytes(book: Workbook): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'werkscan';
  wb.lastModifiedBy = 'werkscan';
  wb.created = FIXED;
  wb.modified = FIXED;
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c) => ({ header: c.header, width: c.width, style: c.kind === 'text' ? {} : { numFmt: FORMAT[c.kind] } }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
  }
  return repack(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** The zip's entries, in their order, packed again with a fixed time (local: the zip's time has no zone). */
async function repack(zipped: Uint8Array): Promise<Uint8Array> {
  const { unzipSync, zipSync } = await import('fflate');
  const mtime = new Date(2000, 0, 1);
  const entries = unzipSync(zipped);
  return zipSync(Object.fromEntries(Object.entries(entries).map(([name, data]) => [name, [data, { mtime, level: 6 }]])));
}
