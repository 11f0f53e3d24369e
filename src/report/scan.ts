/**
 * `werkscan scan`: the checklist of one plan as a terminal table, Markdown or one HTML page, in the
 * study's language (the labels and definitions it shows are the codebook's, so the frame is too).
 */
import type { Evidence, ScanResult, ScanStatus } from '../core/scan/checklist.js';
import { esc } from './html/escape.js';
import type { Table } from './table.js';
import type { Language } from './words.js';

/** What found the checklist's sentences (`scan --source`). */
export type ScanSource = 'auto' | 'learned' | 'auto+learned';

interface ScanWords {
  title: (plan: string) => string;
  status: Record<ScanStatus, string>;
  mark: Record<ScanStatus, string>;
  item: string;
  state: string;
  where: string;
  why: string;
  counters: string;
  topic: (label: string, status: string, k: number, n: number, heading: boolean) => string;
  summary: (present: number, mentioned: number, missing: number) => string;
  /** What found the sentences, and what that misses: per `--source`. */
  limits: (source: ScanSource) => string;
  line: (n: number) => string;
  page: (n: number) => string;
}

const WORDS: Record<Language, ScanWords> = {
  nl: {
    title: (plan) => `Scan van ${plan}`,
    status: { present: 'aanwezig', mentioned: 'genoemd', missing: 'ontbreekt' },
    mark: { present: '✓', mentioned: '~', missing: '✗' },
    item: 'Aanbeveling of factor',
    state: 'Stand',
    where: 'Waar',
    why: 'Waarom het ertoe doet',
    counters: 'Voorkomt',
    topic: (label, status, k, n, heading) => `${label}: ${status} (${k} van ${n} zinnen${heading ? ', met een eigen kop' : ''}).`,
    summary: (p, m, x) => `${p} aanwezig, ${m} alleen genoemd, ${x} ontbreken.`,
    limits: (source) =>
      `${
        source === 'auto'
          ? 'Gevonden met de termen van het codeboek en eventuele eigen codering in het plan: een aanbeveling die het plan in andere woorden uitwerkt, staat hier als ontbrekend.'
          : `Gevonden met ${source === 'learned' ? '' : 'de termen van het codeboek, '}de geleerde codeerder (getraind op de handmatige codering van de studie) en eventuele eigen codering in het plan: hij herkent zinnen die lijken op wat de onderzoekers zo codeerden, en kan zich vergissen; wat het plan in heel andere woorden uitwerkt, kan als ontbrekend staan.`
      } "Genoemd": alleen in een kop, een opsomming of een korte zin.`,
    line: (n) => `r. ${n}`,
    page: (n) => `p. ${n}`,
  },
  en: {
    title: (plan) => `Scan of ${plan}`,
    status: { present: 'present', mentioned: 'mentioned', missing: 'missing' },
    mark: { present: '✓', mentioned: '~', missing: '✗' },
    item: 'Recommendation or factor',
    state: 'Status',
    where: 'Where',
    why: 'Why it matters',
    counters: 'Prevents',
    topic: (label, status, k, n, heading) => `${label}: ${status} (${k} of ${n} sentences${heading ? ', with a heading of its own' : ''}).`,
    summary: (p, m, x) => `${p} present, ${m} only mentioned, ${x} missing.`,
    limits: (source) =>
      `${
        source === 'auto'
          ? "Found with the codebook's terms and any coding in the plan itself: a recommendation the plan works out in other words shows as missing."
          : `Found with ${source === 'learned' ? '' : "the codebook's terms, "}the learned coder (trained on the study's hand coding) and any coding in the plan itself: it recognises sentences like those the researchers coded so, and can be wrong; what the plan works out in quite other words can show as missing.`
      } "Mentioned": only in a heading, a list or a short sentence.`,
    line: (n) => `l. ${n}`,
    page: (n) => `p. ${n}`,
  },
};

/** Where a sentence is: its line, its page (PDF), or nothing (a converted Word file). */
const at = (w: ScanWords, e: Evidence) => (e.line !== null ? w.line(e.line) : e.page !== undefined ? w.page(e.page) : '');
const quoted = (w: ScanWords, e: Evidence) => (at(w, e) ? `${at(w, e)}: ` : '');

const ORDER: Record<ScanStatus, number> = { missing: 0, mentioned: 1, present: 2 };

/** One table per plan: missing first (what to add), then mentioned, then present. */
export function scanTable(r: ScanResult, file: string, lang: Language, source: ScanSource = 'auto'): Table {
  const w = WORDS[lang];
  const items = [...r.items].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  const notes = [w.summary(r.counts.present, r.counts.mentioned, r.counts.missing), w.limits(source)];
  if (r.topic) notes.unshift(w.topic(r.topic.label, w.status[r.topic.status], r.topic.sentences, r.topic.of, r.topic.heading));
  return {
    title: w.title(file),
    columns: [
      { key: 'mark', header: '' },
      { key: 'item', header: w.item },
      { key: 'state', header: w.state },
      { key: 'where', header: w.where },
      { key: 'counters', header: w.counters },
    ],
    sections: [
      {
        title: '',
        rows: items.map((i) => ({
          mark: w.mark[i.status],
          item: i.label,
          state: w.status[i.status],
          where: [...new Set(i.evidence.map((e) => at(w, e)).filter(Boolean))].join(', '),
          counters: i.addresses.map((a) => a.label).join('; '),
        })),
      },
    ],
    notes,
  };
}

const md = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1');

/** The checklist as Markdown: per item its status, why it matters, what it prevents and the sentences. */
export function scanMarkdown(r: ScanResult, file: string, lang: Language, source: ScanSource = 'auto'): string {
  const w = WORDS[lang];
  const out = [`# ${md(w.title(file))}`, ''];
  if (r.topic) out.push(md(w.topic(r.topic.label, w.status[r.topic.status], r.topic.sentences, r.topic.of, r.topic.heading)), '');
  out.push(md(w.summary(r.counts.present, r.counts.mentioned, r.counts.missing)), '', `_${md(w.limits(source))}_`, '');
  for (const status of ['missing', 'mentioned', 'present'] as const) {
    const items = r.items.filter((i) => i.status === status);
    if (items.length === 0) continue;
    out.push(`## ${w.mark[status]} ${w.status[status]} (${items.length})`, '');
    for (const i of items) {
      out.push(`- **${md(i.label)}** — ${md(i.why)}`);
      if (i.addresses.length > 0) out.push(`  ${w.counters}: ${i.addresses.map((a) => md(a.label)).join('; ')}.`);
      for (const e of i.evidence) out.push(`  - ${quoted(w, e)}“${md(e.text)}”`);
    }
    out.push('');
  }
  return out.join('\n');
}


/** One self-contained page (no script, no network): the same content as the Markdown. */
export function scanHtml(results: readonly { file: string; result: ScanResult }[], lang: Language, source: ScanSource = 'auto'): string {
  const w = WORDS[lang];
  const body = results.map(({ file, result: r }) => {
    const parts = [`<h1>${esc(w.title(file))}</h1>`];
    if (r.topic) parts.push(`<p class="topic">${esc(w.topic(r.topic.label, w.status[r.topic.status], r.topic.sentences, r.topic.of, r.topic.heading))}</p>`);
    parts.push(`<p>${esc(w.summary(r.counts.present, r.counts.mentioned, r.counts.missing))}</p>`, `<p class="limits">${esc(w.limits(source))}</p>`);
    for (const status of ['missing', 'mentioned', 'present'] as const) {
      const items = r.items.filter((i) => i.status === status);
      if (items.length === 0) continue;
      parts.push(`<h2 class="${status}">${esc(w.mark[status])} ${esc(w.status[status])} (${items.length})</h2><ul>`);
      for (const i of items) {
        const counters = i.addresses.length > 0 ? `<div class="counters">${esc(w.counters)}: ${esc(i.addresses.map((a) => a.label).join('; '))}</div>` : '';
        const ev = i.evidence.map((e) => `<li>${esc(quoted(w, e))}<q>${esc(e.text)}</q></li>`).join('');
        parts.push(`<li class="${status}"><strong>${esc(i.label)}</strong><div class="why">${esc(i.why)}</div>${counters}${ev ? `<ul class="evidence">${ev}</ul>` : ''}</li>`);
      }
      parts.push('</ul>');
    }
    return `<section>${parts.join('\n')}</section>`;
  });
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(results.length === 1 ? w.title(results[0]!.file) : 'werkscan scan')}</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;max-width:50rem;margin:1rem auto;padding:0 1rem;color:#222}
h2.missing{color:#a61b1b}h2.mentioned{color:#8a5a00}h2.present{color:#1b6e2a}
li{margin:.5rem 0}.why{color:#444}.counters{font-size:.9em;color:#555}.limits{font-size:.9em;color:#555;font-style:italic}
ul.evidence{font-size:.9em;color:#333}q{font-style:italic}
@media print{body{max-width:none}}
</style></head><body>
${body.join('\n')}
</body></html>
`;
}
