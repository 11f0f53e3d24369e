/** `werkscan privacy [corpus]`: personal data left in the corpus; exit 1 on a hit. */
import path from 'node:path';
import { findPersonalData, mask } from '../core/checks/privacy.js';
import { lineColumn } from '../core/text/positions.js';
import { display, listDocuments, readText, requireDir } from '../io/read.js';
import { privacyTable } from '../report/privacy.js';
import type { Context } from './context.js';
import { parseFormat } from './options.js';
import { emitJson, emitTables, type OutputOptions } from './output.js';

export interface PrivacyOptions extends OutputOptions {
  names?: string;
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
  if (format === 'json') emitJson(ctx, { ok: hits.length === 0, files: files.length, hits });
  else if (hits.length === 0) ctx.stdout.write(`no personal data found in ${files.length} files${names.length ? ` (also looked for ${names.length} names)` : ''}\n`);
  else emitTables(ctx, options, format, privacyTable(hits));
  return hits.length === 0 ? 0 : 1;
}
