/**
 * `werkscan privacy [corpus]`: personal data left in the corpus. Every file below the corpus folder is
 * scanned (READMEs, hidden files, any extension); a file that cannot be read as text is named on stdout
 * and stderr. Exit 1 on a hit or a binary file, 2 when a file cannot be read, 0 when all is clean.
 */
import path from 'node:path';
import { findPersonalData, labelNames, mask } from '../core/checks/privacy.js';
import { lineColumn } from '../core/text/positions.js';
import { display, readText, requireDir } from '../io/read.js';
import { scanFiles } from '../io/scan-files.js';
import { privacyTable, type PrivacyHit } from '../report/privacy.js';
import { projectPaths, type Context } from './context.js';
import { parseFormat } from './options.js';
import { emitJson, emitTables, type OutputOptions } from './output.js';

export interface PrivacyOptions extends OutputOptions {
  names?: string;
}

/** A file name as printed: quoted when it holds a character that would break the line. */
const shown = (file: string) => (/[\u0000-\u001f"]/.test(file) ? JSON.stringify(file) : file);

function readNames(ctx: Context, file: string | undefined): string[] {
  if (!file) return [];
  return readText(path.resolve(ctx.cwd, file), file)
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
}

export function privacyCommand(ctx: Context, corpus: string | undefined, options: PrivacyOptions): number {
  const format = parseFormat(options.format);
  const root = path.resolve(ctx.cwd, projectPaths(ctx, corpus, {}).corpus);
  const shownRoot = display(ctx.cwd, root);
  requireDir(root, shownRoot, 'corpus', 'expected a folder of documents, e.g. `werkscan privacy corpus/`');
  const files = scanFiles(root, shownRoot);
  // names: those given, and the respondents' labels that ingest kept in the front matter (no speakers map)
  const labels = [...new Set(files.flatMap((f) => ('text' in f ? labelNames(f.text, f.rel) : [])))];
  const names = [...new Set([...readNames(ctx, options.names), ...labels])];
  const hits: PrivacyHit[] = [];
  const notScanned: { file: string; reason: string }[] = [];
  let scanned = 0;
  for (const f of files) {
    const file = display(ctx.cwd, path.join(root, f.rel));
    if ('reason' in f) {
      notScanned.push({ file, reason: f.reason });
      continue;
    }
    scanned++;
    for (const h of findPersonalData(f.text, names)) hits.push({ file, ...lineColumn(f.text, h.start), kind: h.kind, masked: mask(h.match) });
  }
  for (const n of notScanned) ctx.stderr.write(`werkscan: not scanned: ${shown(n.file)} (${n.reason})\n`);
  write(ctx, options, format, { scanned, hits, notScanned, names: names.length, labels: labels.length });
  if (notScanned.some((n) => n.reason.startsWith('unreadable'))) return 2;
  return hits.length === 0 && notScanned.length === 0 ? 0 : 1;
}

function write(
  ctx: Context,
  options: PrivacyOptions,
  format: ReturnType<typeof parseFormat>,
  r: { scanned: number; hits: PrivacyHit[]; notScanned: { file: string; reason: string }[]; names: number; labels: number },
): void {
  const unscanned = r.notScanned.map((n) => `not scanned: ${shown(n.file)} (${n.reason})`);
  if (format === 'json') {
    emitJson(ctx, { ok: r.hits.length === 0 && r.notScanned.length === 0, files: r.scanned, hits: r.hits, notScanned: r.notScanned });
  } else if (r.hits.length === 0) {
    const fromLabels = r.labels ? `, ${r.labels} of them respondents' labels in front matter` : '';
    const also = r.names ? ` (also looked for ${r.names} names${fromLabels})` : '';
    ctx.stdout.write(`no personal data found in ${r.scanned} files${also}\n${unscanned.map((l) => l + '\n').join('')}`);
  } else {
    const table = privacyTable(r.hits);
    emitTables(ctx, options, format, { ...table, notes: [...(table.notes ?? []), ...unscanned] });
  }
}
