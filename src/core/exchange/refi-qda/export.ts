/**
 * REFI-QDA export: the codebook as a .qdc (urn:QDA-XML:codebook:1.0) and the whole project as the
 * project.qde of a .qdpx (urn:QDA-XML:project:1.0), for ATLAS.ti, MAXQDA, NVivo and QualCoder.
 *
 * Mapping: each category becomes a non-codable top-level code holding its codes (children under their
 * parent code when it is in the same category, else named in the description: see PARENT_MARK); a code's
 * name is its id, its description the label and definition. Sub-questions become sets of codes. Cases become cases with their attributes as text variables. Each document becomes a text
 * source (its plain text, in sources/<guid>.txt) with one selection per coded span, positions in Unicode
 * code points, end exclusive. GUIDs are derived from ids, so exporting twice gives the same files.
 */
import { createHash } from 'node:crypto';
import type { Code, Codebook, Project } from '../../model.js';
import { xmlText as esc } from '../../text/xml.js';

/** A stable GUID for a name (SHA-1 based, shaped like a version-5 UUID). */
function guid(name: string): string {
  const h = createHash('sha1').update(`werkscan:${name}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

const codeGuid = (id: string) => guid(`code:${id}`);
const categoryGuid = (id: string) => guid(`category:${id}`);

/**
 * A code sits under its parent in the tree when both are in the same category. A code whose parent is in
 * another category sits in its own category (the tree says the category, as for every code), and its
 * description ends with this line naming the parent (after a blank line); werkscan's import restores it.
 */
export const PARENT_MARK = 'werkscan parent: ';

/** The <Codes> tree: categories, then root codes, then children under their parent (in the same category). */
function codesXml(codebook: Codebook, indent: string): string {
  const children = new Map<string | null, typeof codebook.codes>();
  const byId = new Map(codebook.codes.map((c) => [c.id, c]));
  const nested = (c: Code) => c.parent !== null && byId.get(c.parent)?.category === c.category;
  for (const c of codebook.codes) {
    const parent = nested(c) ? c.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const code = (c: Code, pad: string): string => {
    const elsewhere = c.parent !== null && byId.has(c.parent) && !nested(c) ? PARENT_MARK + c.parent : '';
    const description = [c.label, c.description, elsewhere].filter(Boolean).join('\n\n');
    const kids = (children.get(c.id) ?? []).map((k) => code(k, pad + '  ')).join('');
    return `${pad}<Code guid="${codeGuid(c.id)}" name="${esc(c.id)}" isCodable="true">\n${description ? `${pad}  <Description>${esc(description)}</Description>\n` : ''}${kids}${pad}</Code>\n`;
  };
  const categories = codebook.categories.map((cat) => {
    const roots = (children.get(null) ?? []).filter((c) => c.category === cat.id);
    return `${indent}<Code guid="${categoryGuid(cat.id)}" name="${esc(cat.label || cat.id)}" isCodable="false">\n${indent}  <Description>${esc(`${cat.id} (${cat.polarity})`)}</Description>\n${roots.map((c) => code(c, indent + '  ')).join('')}${indent}</Code>\n`;
  });
  const orphans = (children.get(null) ?? []).filter((c) => !codebook.categories.some((cat) => cat.id === c.category)).map((c) => code(c, indent));
  return categories.join('') + orphans.join('');
}

/** Sub-questions as sets of codes. A .qdc names a member by `guid`, a project by `targetGUID`. */
function setsXml(codebook: Codebook, indent: string, memberAttribute: 'guid' | 'targetGUID'): string {
  return codebook.subquestions
    .map((sq) => {
      const members = codebook.codes.filter((c) => c.subquestions.includes(sq.id)).map((c) => `${indent}  <MemberCode ${memberAttribute}="${codeGuid(c.id)}"/>\n`);
      return `${indent}<Set guid="${guid(`set:${sq.id}`)}" name="${esc(sq.id)}">\n${indent}  <Description>${esc(sq.text)}</Description>\n${members.join('')}${indent}</Set>\n`;
    })
    .join('');
}

export function codebookQdc(codebook: Codebook): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="werkscan">\n  <Codes>\n${codesXml(codebook, '    ')}  </Codes>\n  <Sets>\n${setsXml(codebook, '    ', 'guid')}  </Sets>\n</CodeBook>\n`;
}

/** A text source's description starts with this when it carries werkscan front matter (for a lossless import). */
export const FRONT_MATTER_MARK = 'werkscan front matter:\n';

/** The document's front matter as YAML-ish lines (scalars and respondents), without the id (the source's name). */
function frontMatterOf(d: Project['corpus']['documents'][number]): string {
  // Values as JSON strings: valid YAML, and no value is misread as a number or a date.
  const lines = Object.entries(d.attrs)
    .filter(([k]) => k !== 'id')
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  if (d.respondents.length > 0) {
    lines.push('respondents:');
    for (const r of d.respondents) lines.push(`  - { ${Object.entries(r.attrs).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')} }`);
  }
  return lines.join('\n');
}

export interface QdpxContent {
  /** project.qde */
  project: string;
  /** sources/<guid>.txt, the documents' plain text in UTF-8. */
  sources: { path: string; text: string }[];
}

export function projectQdpx(project: Project, name: string): QdpxContent {
  const { codebook, corpus } = project;
  const coders = [...new Set(corpus.documents.map((d) => d.attrs.coder ?? 'werkscan'))].sort();
  const userGuid = (coder: string) => guid(`user:${coder}`);
  const attributes = [...new Set(corpus.cases.flatMap((c) => Object.keys(c.attrs)))].sort();
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="utf-8"?>');
  out.push(`<Project xmlns="urn:QDA-XML:project:1.0" name="${esc(name)}" origin="werkscan" creatingUserGUID="${userGuid(coders[0] ?? 'werkscan')}">`);
  out.push('  <Users>');
  for (const c of coders.length ? coders : ['werkscan']) out.push(`    <User guid="${userGuid(c)}" name="${esc(c)}"/>`);
  out.push('  </Users>');
  out.push(`  <CodeBook>\n    <Codes>\n${codesXml(codebook, '      ').trimEnd()}\n    </Codes>\n  </CodeBook>`);
  if (attributes.length > 0) {
    out.push('  <Variables>');
    for (const a of attributes) out.push(`    <Variable guid="${guid(`variable:${a}`)}" name="${esc(a)}" typeOfVariable="Text"/>`);
    out.push('  </Variables>');
  }
  if (corpus.cases.length > 0) {
    out.push('  <Cases>');
    for (const c of corpus.cases) {
      out.push(`    <Case guid="${guid(`case:${c.id}`)}" name="${esc(c.id)}">`);
      for (const a of attributes) {
        const v = c.attrs[a];
        if (v !== undefined) out.push(`      <VariableValue><VariableRef targetGUID="${guid(`variable:${a}`)}"/><TextValue>${esc(v)}</TextValue></VariableValue>`);
      }
      for (const d of corpus.documents.filter((x) => x.case === c.id)) out.push(`      <SourceRef targetGUID="${guid(`source:${d.id}`)}"/>`);
      out.push('    </Case>');
    }
    out.push('  </Cases>');
  }
  const sources: QdpxContent['sources'] = [];
  if (corpus.documents.length > 0) {
    out.push('  <Sources>');
    for (const d of corpus.documents) {
      const g = guid(`source:${d.id}`);
      const user = userGuid(d.attrs.coder ?? 'werkscan');
      sources.push({ path: `sources/${g}.txt`, text: d.plainText });
      out.push(`    <TextSource guid="${g}" name="${esc(d.id)}" plainTextPath="internal://${g}.txt">`);
      out.push(`      <Description>${esc(FRONT_MATTER_MARK + frontMatterOf(d))}</Description>`);
      // One selection per distinct span; its codes as codings.
      const spans = new Map<string, string[]>();
      for (const s of d.segments) spans.set(`${s.start}:${s.end}`, [...(spans.get(`${s.start}:${s.end}`) ?? []), s.code]);
      for (const [key, codes] of spans) {
        const [start, end] = key.split(':');
        out.push(`      <PlainTextSelection guid="${guid(`selection:${d.id}:${key}`)}" startPosition="${start}" endPosition="${end}" creatingUser="${user}">`);
        for (const code of codes) out.push(`        <Coding guid="${guid(`coding:${d.id}:${key}:${code}`)}" creatingUser="${user}"><CodeRef targetGUID="${codeGuid(code)}"/></Coding>`);
        out.push('      </PlainTextSelection>');
      }
      out.push('    </TextSource>');
    }
    out.push('  </Sources>');
  }
  if (codebook.subquestions.length > 0) out.push(`  <Sets>\n${setsXml(codebook, '    ', 'targetGUID').trimEnd()}\n  </Sets>`);
  out.push('</Project>');
  return { project: out.join('\n') + '\n', sources };
}
