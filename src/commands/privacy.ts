/**
 * `werkscan privacy [corpus]`: personal data left in the corpus. Every file below the corpus folder is
 * scanned (READMEs, hidden files, any extension); a file that cannot be read as text is named on stdout
 * and stderr. Exit 1 on a hit or a binary file, 2 when a file cannot be read, 0 when all is clean.
 */
import path from 'node:path';
import { findPersonalData, mask } from '../core/checks/privacy.js';
import { lineColumn } from '../core/text/positions.js';
import { display, readText, requireDir } from '../io/read.js';
import { scanFiles } from '../io/scan-files.js';
import { json, renderTable } from '../report/table.js';
import { parseFormat, useColor, type Context } from './context.js';

export interface PrivacyOptions {
  names?: string;
  format?: string;
  color?: boolean;
  delimiter?: string;
  bom?: boolean;
}

/** A file name as printed: quoted when it holds a character that would break the line. */
const shown = (file: string) => (/[\u0000-\u001f"]/.test(file) ? JSON.stringify(file) : file);

interface Hit {
  file: string;
  line: number;
  column: number;
  kind: string;
  masked: string;
}

function readNames(ctx: Context, file: string | undefined): string[] {
  if (!file) return [];
  return readText(path.resolve(ctx.cwd, file), file)
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
}

export function privacyCommand(ctx: Context, corpus: string | undefined, options: PrivacyOptions): number {
  const format = parseFormat(options.format);
  const root = path.resolve(ctx.cwd, corpus ?? 'corpus');
  const shownRoot = display(ctx.cwd, root);
  requireDir(root, shownRoot, 'corpus', 'expected a folder of documents, e.g. `werkscan privacy corpus/`');
  const names = readNames(ctx, options.names);
  const hits: Hit[] = [];
  const notScanned: { file: string; reason: string }[] = [];
  let scanned = 0;
  for (const f of scanFiles(root, shownRoot)) {
    const file = display(ctx.cwd, path.join(root, f.rel));
    if ('reason' in f) {
      notScanned.push({ file, reason: f.reason });
      continue;
    }
    scanned++;
    for (const h of findPersonalData(f.text, names)) hits.push({ file, ...lineColumn(f.text, h.start), kind: h.kind, masked: mask(h.match) });
  }
  for (const n of notScanned) ctx.stderr.write(`werkscan: not scanned: ${shown(n.file)} (${n.reason})\n`);
  write(ctx, options, format, { scanned, hits, notScanned, names: names.length });
  if (notScanned.some((n) => n.reason.startsWith('unreadable'))) return 2;
  return hits.length === 0 && notScanned.length === 0 ? 0 : 1;
}

function write(
  ctx: Context,
  options: PrivacyOptions,
  format: ReturnType<typeof parseFormat>,
  r: { scanned: number; hits: Hit[]; notScanned: { file: string; reason: string }[]; names: number },
): void {
  const unscanned = r.notScanned.map((n) => `not scanned: ${shown(n.file)} (${n.reason})`);
  if (format === 'json') {
    ctx.stdout.write(json({ ok: r.hits.length === 0 && r.notScanned.length === 0, files: r.scanned, hits: r.hits, notScanned: r.notScanned }));
  } else if (r.hits.length === 0) {
    const also = r.names ? ` (also looked for ${r.names} names)` : '';
    ctx.stdout.write(`no personal data found in ${r.scanned} files${also}\n${unscanned.map((l) => l + '\n').join('')}`);
  } else {
    const table = {
      columns: [
        { key: 'where', header: 'file:line:column' },
        { key: 'kind', header: 'kind' },
        { key: 'masked', header: 'found (masked)' },
      ],
      sections: [{ title: '', rows: r.hits.map((h) => ({ where: `${h.file}:${h.line}:${h.column}`, kind: h.kind, masked: h.masked })) }],
      notes:
        format === 'csv'
          ? []
          : [`${r.hits.length} possible personal data in ${new Set(r.hits.map((h) => h.file)).size} files; replace them with [naam], [adres], … before sharing the corpus`, ...unscanned],
    };
    ctx.stdout.write(renderTable(table, format, { color: useColor(ctx, options), delimiter: options.delimiter, bom: options.bom }));
  }
}
