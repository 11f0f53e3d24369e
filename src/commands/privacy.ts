/** `werkscan privacy [corpus]`: personal data left in the corpus; exit 1 on a hit. */
import path from 'node:path';
import { findPersonalData, mask } from '../core/checks/privacy.js';
import { lineColumn } from '../core/text/positions.js';
import { display, listDocuments, readText, requireDir } from '../io/read.js';
import { json, renderTable } from '../report/table.js';
import { parseFormat, useColor, type Context } from './context.js';

export interface PrivacyOptions {
  names?: string;
  format?: string;
  color?: boolean;
  delimiter?: string;
  bom?: boolean;
}

export function privacyCommand(ctx: Context, corpus: string | undefined, options: PrivacyOptions): number {
  const format = parseFormat(options.format);
  const root = path.resolve(ctx.cwd, corpus ?? 'corpus');
  const shownRoot = display(ctx.cwd, root);
  requireDir(root, shownRoot, 'corpus', 'expected a folder of documents, e.g. `werkscan privacy corpus/`');
  const names = options.names
    ? readText(path.resolve(ctx.cwd, options.names), options.names)
        .split('\n')
        .map((l) => l.replace(/#.*/, '').trim())
        .filter(Boolean)
    : [];
  const files = ['cases.yaml', ...listDocuments(root, shownRoot)];
  const hits = files.flatMap((rel) => {
    const file = display(ctx.cwd, path.join(root, rel));
    let text: string;
    try {
      text = readText(path.join(root, rel), file);
    } catch (e) {
      if (rel === 'cases.yaml') return [];
      throw e;
    }
    return findPersonalData(text, names).map((h) => ({ file, ...lineColumn(text, h.start), kind: h.kind, masked: mask(h.match) }));
  });
  if (format === 'json') {
    ctx.stdout.write(json({ ok: hits.length === 0, files: files.length, hits }));
  } else if (hits.length === 0) {
    ctx.stdout.write(`no personal data found in ${files.length} files${names.length ? ` (also looked for ${names.length} names)` : ''}\n`);
  } else {
    const table = {
      columns: [
        { key: 'where', header: 'file:line:column' },
        { key: 'kind', header: 'kind' },
        { key: 'masked', header: 'found (masked)' },
      ],
      sections: [{ title: '', rows: hits.map((h) => ({ where: `${h.file}:${h.line}:${h.column}`, kind: h.kind, masked: h.masked })) }],
      notes: format === 'csv' ? [] : [`${hits.length} possible personal data in ${new Set(hits.map((h) => h.file)).size} files; replace them with [naam], [adres], … before sharing the corpus`],
    };
    ctx.stdout.write(renderTable(table, format, { color: useColor(ctx, options), delimiter: options.delimiter, bom: options.bom }));
  }
  return hits.length === 0 ? 0 : 1;
}
