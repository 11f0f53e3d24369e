/**
 * OpenDocument text (`.odt`): `content.xml` read with fast-xml-parser (order kept). `text:h` is a heading
 * (its `text:outline-level`), `text:p` a paragraph, list items and table cells likewise (a table row one
 * paragraph, cells joined with ` | `); `text:s` is spaces, `text:tab` a tab, `text:line-break` a line
 * break; footnotes (`text:note`) leave their citation (`[1]`) in the text and their body as a paragraph
 * at the end. A DOCTYPE (entity declarations) is refused: no entity is expanded.
 */
import type { Block, Converted } from '../../core/ingest/blocks.js';
import { InputError } from '../../core/errors.js';
import { checkedZip } from './zipped.js';

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

const children = (n: Node, tag: string) => (n[tag] as Node[] | undefined) ?? [];
const tagOf = (n: Node) => Object.keys(n).find((k) => k !== ':@')!;

interface State {
  blocks: Block[];
  notes: string[];
  /** Automatic paragraph style → the style it is based on (LibreOffice writes a title as `P1` based on `Title`). */
  parents: Map<string, string>;
}

/** The heading level a paragraph style stands for: Title 1, Subtitle 2, Heading N; 0: body text. */
function styleLevel(style: string | undefined, st: State): number {
  const name = style === undefined ? '' : (st.parents.get(style) ?? style);
  if (name === 'Title') return 1;
  if (name === 'Subtitle') return 2;
  const h = /^Heading_20_(\d)$/.exec(name);
  return h ? Number(h[1]) : 0;
}

function automaticStyles(tree: readonly Node[], parents: Map<string, string>, depth = 0): void {
  if (depth > 4) return;
  for (const n of tree) {
    const tag = tagOf(n);
    if (tag === 'style:style') {
      const a = n[':@'] ?? {};
      if (a['@_style:name'] && a['@_style:parent-style-name']) parents.set(a['@_style:name'], a['@_style:parent-style-name']);
    } else if (tag !== '#text' && Array.isArray(n[tag])) automaticStyles(n[tag] as Node[], parents, depth + 1);
  }
}

/** The text of a paragraph's content (spans, spaces, tabs, breaks; a note's citation, its body saved). */
function inline(nodes: readonly Node[], st: State): string {
  let out = '';
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === '#text') out += String(n['#text']);
    else if (tag === 'text:s') out += ' '.repeat(Math.min(100, Number(n[':@']?.['@_text:c'] ?? 1) || 1));
    else if (tag === 'text:tab') out += '\t';
    else if (tag === 'text:line-break') out += '\n';
    else if (tag === 'text:note') {
      const body = children(n, 'text:note');
      const citation = body.find((c) => tagOf(c) === 'text:note-citation');
      const label = citation ? inline(children(citation, 'text:note-citation'), st).trim() : String(st.notes.length + 1);
      const text = body.filter((c) => tagOf(c) === 'text:note-body').flatMap((c) => children(c, 'text:note-body')).map((p) => inline(children(p, tagOf(p)), st)).join(' ');
      st.notes.push(`[${label}] ${text.trim()}`);
      out += `[${label}]`;
    } else if (tag !== 'office:annotation' && Array.isArray(n[tag])) out += inline(n[tag] as Node[], st);
  }
  return out;
}

const tidy = (s: string) => s.replace(/[ \t\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();

function walk(nodes: readonly Node[], st: State, depth = 0): void {
  if (depth > 64) return;
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === 'text:h' || tag === 'text:p') {
      const text = tidy(inline(children(n, tag), st));
      if (text === '') continue;
      const level = tag === 'text:p' ? styleLevel(n[':@']?.['@_text:style-name'], st) : 0;
      if (level > 0) st.blocks.push({ kind: 'heading', level, text: text.replace(/\n/g, ' ') });
      else if (tag === 'text:h') st.blocks.push({ kind: 'heading', level: Number(n[':@']?.['@_text:outline-level'] ?? 1) || 1, text: text.replace(/\n/g, ' ') });
      else st.blocks.push({ kind: 'paragraph', text });
    } else if (tag === 'table:table-row') {
      const cells = children(n, tag).filter((c) => tagOf(c) === 'table:table-cell').map((c) => {
        const inner: State = { blocks: [], notes: st.notes, parents: st.parents };
        walk(children(c, 'table:table-cell'), inner, depth + 1);
        return inner.blocks.map((b) => (b.kind === 'page' ? '' : b.text.replace(/\n/g, ' '))).join(' ');
      });
      if (cells.some((c) => c !== '')) st.blocks.push({ kind: 'paragraph', text: cells.join(' | ') });
    } else if (tag !== '#text' && Array.isArray(n[tag])) walk(n[tag] as Node[], st, depth + 1);
  }
}

export async function convertOdt(bytes: Uint8Array, file: string): Promise<Converted> {
  const zip = checkedZip(bytes, file, 'OpenDocument', /^content\.xml$/);
  const xml = zip.entries.get('content.xml')?.toString('utf8');
  if (xml === undefined) throw new InputError('not an OpenDocument text: no content.xml in it', { file, hint: 'expected an .odt saved by LibreOffice or Word' });
  if (/<!DOCTYPE/i.test(xml)) throw new InputError('content.xml declares a DOCTYPE, which werkscan does not read', { file, hint: 'expected an .odt as LibreOffice writes it' });
  const { XMLParser } = await import('fast-xml-parser');
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, trimValues: false, processEntities: true, htmlEntities: false });
  let tree: Node[];
  try {
    tree = parser.parse(xml) as Node[];
  } catch (e) {
    throw new InputError(`content.xml is not well-formed XML (${(e as Error).message.split('\n')[0]})`, { file, hint: 'expected an .odt that opens in LibreOffice' });
  }
  const st: State = { blocks: [], notes: [], parents: new Map() };
  automaticStyles(tree, st.parents);
  walk(tree, st);
  for (const note of st.notes) st.blocks.push({ kind: 'paragraph', text: note });
  return { blocks: st.blocks, converter: 'werkscan odt', warnings: [] };
}
