/**
 * The HTML mammoth writes for a .docx, read simply into blocks: `h1`–`h6` headings, `p` and `li`
 * paragraphs (a `br` is a line break, which the speaker recogniser sees), a table one paragraph per row
 * (cells joined with ` | `), footnotes (mammoth's list at the end, `li id="footnote-N"`) as paragraphs
 * `[N] …`, their back links (`↑`) dropped. Inline markup (`strong`, `em`, links) keeps its text only, so a
 * bold `Jan:` at the start of a paragraph reads as `Jan:`.
 */
import type { Block } from './blocks.js';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] !== '#') return NAMED[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g;
const tidy = (s: string) => s.replace(/[ \t\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();

// Long: a small state machine over the tags; splitting it would pass its state around
export function htmlBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  let text = '';
  let heading = 0;
  let skip = 0; // inside a footnote's back link
  let cell: string | null = null;
  let row: string[] | null = null;
  const flush = () => {
    const t = tidy(text);
    if (/^\[\d+\]$/.test(t) && heading === 0 && cell === null) {
      text = `${t} `; // a footnote's number, waiting for the paragraph inside its list item
      return;
    }
    if (cell !== null) cell += t === '' ? '' : (cell ? ' ' : '') + t.replace(/\n/g, ' ');
    else if (t !== '') blocks.push(heading > 0 ? { kind: 'heading', level: heading, text: t.replace(/\n/g, ' ') } : { kind: 'paragraph', text: t });
    text = '';
    heading = 0;
  };
  for (const m of html.matchAll(TAG)) {
    if (m[4] !== undefined) {
      if (skip === 0) text += decode(m[4]);
      continue;
    }
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    const attrs = m[3] ?? '';
    if (/^h[1-6]$/.test(name)) {
      flush();
      if (!closing) heading = Number(name[1]);
    } else if (name === 'p' || name === 'li' || name === 'ul' || name === 'ol' || name === 'div') {
      flush();
      const note = !closing && name === 'li' ? /id="footnote-(\d+)"/.exec(attrs) : null;
      if (note) text = `[${note[1]}] `;
    } else if (name === 'br') text += '\n';
    else if (name === 'a' && !closing && /href="#footnote-ref-\d+"/.test(attrs)) skip++;
    else if (name === 'a' && closing && skip > 0) skip--;
    else if (name === 'td' || name === 'th') {
      flush();
      if (closing) {
        row?.push(cell ?? '');
        cell = null;
      } else cell = '';
    } else if (name === 'tr') {
      flush();
      if (closing && row) {
        if (row.some((c) => c !== '')) blocks.push({ kind: 'paragraph', text: row.join(' | ') });
        row = null;
      } else if (!closing) row = [];
    }
  }
  flush();
  return blocks;
}
