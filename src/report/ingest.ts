/** What `werkscan ingest` says: per document what it became, the totals, what was skipped and why. */

export interface IngestedRow {
  target: string;
  from: string;
  type: string;
  turns: ReadonlyMap<string, number>;
  pages?: number;
}

export interface IngestSummary {
  dryRun: boolean;
  out: string;
  files: number;
  documents: readonly IngestedRow[];
  skipped: readonly { file: string; reason: string }[];
  /** Mapped names replaced by their ids, per id. */
  replaced: ReadonlyMap<string, number>;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const perSpeaker = (m: ReadonlyMap<string, number>) => [...m].map(([id, n]) => `${id} ${n}`).join(', ');

function add(into: Map<string, number>, from: ReadonlyMap<string, number>): void {
  for (const [k, n] of from) into.set(k, (into.get(k) ?? 0) + n);
}

export function formatIngestSummary(s: IngestSummary): string {
  const lines: string[] = [];
  const verb = s.dryRun ? 'would write' : 'wrote';
  lines.push(`${verb} ${plural(s.documents.length, 'document')} into ${s.out} from ${plural(s.files, 'file')}${s.dryRun ? ' (dry run: nothing written)' : ''}`);
  const turns = new Map<string, number>();
  let pages = 0;
  for (const d of s.documents) {
    add(turns, d.turns);
    pages += d.pages ?? 0;
    const parts = [d.type, `from ${d.from}`];
    if (d.turns.size > 0) parts.push(`turns: ${perSpeaker(d.turns)}`);
    if (d.pages !== undefined) parts.push(plural(d.pages, 'page'));
    lines.push(`  ${d.target}  ${parts.join('; ')}`);
  }
  const totals = [`${plural([...turns.values()].reduce((a, b) => a + b, 0), 'turn')}${turns.size > 0 ? ` (${perSpeaker(turns)})` : ''}`];
  if (pages > 0) totals.push(plural(pages, 'page'));
  if (s.replaced.size > 0) totals.push(`names replaced by ids: ${perSpeaker(s.replaced)}`);
  lines.push(`total: ${totals.join('; ')}`);
  if (s.skipped.length > 0) {
    lines.push(`skipped ${plural(s.skipped.length, 'file')}:`);
    for (const k of s.skipped) lines.push(`  ${k.file}: ${k.reason}`);
  }
  return lines.join('\n') + '\n';
}

/** A converter's or the turn builder's warning: `file:line: message` (or `file: p. 3: message`). */
export function formatIngestWarning(file: string, w: { message: string; line?: number; page?: number }): string {
  const where = w.line !== undefined ? `${file}:${w.line}` : w.page !== undefined ? `${file}: p. ${w.page}` : file;
  return `werkscan: warning: ${where}: ${w.message}\n`;
}
