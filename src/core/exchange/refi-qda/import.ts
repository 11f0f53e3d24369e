/**
 * REFI-QDA import: a .qdc codebook or a .qdpx project (from werkscan, ATLAS.ti, MAXQDA, NVivo, QualCoder)
 * into werkscan's codebook.yaml, cases.yaml and Markdown documents with Pandoc spans.
 *
 * Element names are matched without their namespace (tools write urn:QDA-XML:codebook:0:4, …:1:0, …).
 * Non-codable top-level codes become categories; a codable code's category is its nearest non-codable
 * ancestor, its parent its nearest codable ancestor (or, from werkscan, the one its description names:
 * see PARENT_MARK). Sets of codes become sub-questions, sets of sources document attributes (sets.ts). A text source becomes a document whose coded selections become spans; werkscan's own exports carry their front matter in the
 * source's description, so a project makes the round trip unchanged.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from '../../errors.js';
import type { Code } from '../../model.js';
import { FRONT_MATTER_MARK, PARENT_MARK } from './export.js';
import { fileKey, unsafeIdReason } from '../../checks/ids.js';
import { attr, IdSet, list, normGuid, slugId, text, type Node } from './nodes.js';
import { readSubquestions, setAttributeLines, sourceSetAttributes } from './sets.js';

/** What a REFI-QDA codebook says of a code: a Code without werkscan's own fields (terms, examples, …). */
export type ImportedCode = Pick<Code, 'id' | 'label' | 'category' | 'subquestions' | 'parent' | 'description'>;

export interface ImportedCodebook {
  subquestions: { id: string; text: string }[];
  categories: { id: string; label: string; polarity: string }[];
  codes: ImportedCode[];
  /** Code GUID → code id. */
  byGuid: Map<string, string>;
  /** Sets left out (sets.ts). */
  warnings: string[];
}

export interface ImportedDocument {
  /** Path below the corpus folder. */
  path: string;
  /** Front matter as YAML text (without the --- lines). */
  frontMatter: string;
  body: string;
}

export interface ImportedProject {
  codebook: ImportedCodebook;
  cases: { id: string; attrs: Record<string, string> }[];
  documents: ImportedDocument[];
  warnings: string[];
}

const ARRAYS = new Set(['Code', 'Set', 'MemberCode', 'MemberSource', 'Case', 'TextSource', 'PlainTextSelection', 'Coding', 'Variable', 'VariableValue', 'SourceRef', 'User']);

function parseXml(xml: string, file: string): Node {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, parseTagValue: false, parseAttributeValue: false, trimValues: false, isArray: (name) => ARRAYS.has(name) });
  const hint = 'expected a REFI-QDA file exported by a QDA program';
  // The validator knows where the XML breaks (the parser's own errors give an offset at best).
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new InputError(`not valid XML: ${valid.err.msg}`, { file, line: valid.err.line, column: valid.err.col, hint });
  try {
    return parser.parse(xml) as Node;
  } catch (e) {
    throw new InputError(`not valid XML: ${(e as Error).message}`, { file, line: 1, column: 1, hint });
  }
}

const ID = /^[a-z0-9][a-z0-9-]*$/;
/** The last paragraph of a code's description when werkscan's export names a parent in another category (see PARENT_MARK). */
const PARENT_LINE = new RegExp(`(?:^|\\n\\n)${PARENT_MARK}([a-z0-9][a-z0-9-]*)$`);

function readCodebook(codes: Node[], sets: Node[], memberAttr: '@guid' | '@targetGUID', sources: ReadonlySet<string> | null): ImportedCodebook {
  const taken = new IdSet();
  const categories: ImportedCodebook['categories'] = [];
  const out: ImportedCode[] = [];
  const byGuid = new Map<string, string>();
  let fallback: string | null = null;
  // Codes whose description names their parent (in another category).
  const marked = new Map<ImportedCode, string>();
  const walk = (node: Node, category: string | null, parent: string | null) => {
    const name = attr(node, 'name') ?? '';
    const full = text(node.Description).trim();
    const mark = PARENT_LINE.exec(full);
    const description = mark ? full.slice(0, mark.index) : full;
    if (attr(node, 'isCodable') === 'false') {
      // werkscan writes "<category id> (<polarity>)" as a category's description
      const own = /^([a-z0-9][a-z0-9-]*) \((belemmerend|stimulerend|neutraal)\)$/.exec(description);
      const id = own && !taken.has(own[1]!) ? (taken.add(own[1]!), own[1]!) : slugId(name, taken);
      categories.push({ id, label: name, polarity: own?.[2] ?? 'neutraal' });
      for (const child of list(node.Code)) walk(child, category ?? id, parent);
      return;
    }
    if (category === null) {
      if (fallback === null) {
        fallback = slugId('geimporteerd', taken);
        categories.push({ id: fallback, label: 'Geïmporteerde codes', polarity: 'neutraal' });
      }
      category = fallback;
    }
    // werkscan writes a code's id as its name and "label\n\ndefinition" as its description
    const own = ID.test(name) && !taken.has(name);
    const id = own ? (taken.add(name), name) : slugId(name, taken);
    const split = own ? description.indexOf('\n\n') : -1;
    const imported: ImportedCode = {
      id,
      label: split > 0 ? description.slice(0, split) : name,
      category,
      subquestions: [],
      parent,
      description: split > 0 ? description.slice(split + 2) : description,
    };
    out.push(imported);
    if (mark) marked.set(imported, mark[1]!);
    byGuid.set(normGuid(attr(node, 'guid')), id);
    for (const child of list(node.Code)) walk(child, category, id);
  };
  for (const c of codes) walk(c, null, null);
  for (const [code, parent] of marked) if (code.parent === null && out.some((c) => c.id === parent)) code.parent = parent;

  const warnings: string[] = [];
  const subquestions = readSubquestions(sets, out, byGuid, memberAttr, sources, (w) => warnings.push(w));
  return { subquestions, categories, codes: out, byGuid, warnings };
}

export function importQdc(xml: string, file: string): ImportedCodebook {
  const root = parseXml(xml, file).CodeBook as Node | undefined;
  if (!root) throw new InputError('no <CodeBook> element', { file, hint: 'expected a REFI-QDA codebook (.qdc)' });
  return readCodebook(list((root.Codes as Node | undefined)?.Code), list((root.Sets as Node | undefined)?.Set), '@guid', null);
}

/** Insert spans for the selections into the text; selections that cross another are left out (warned). */
function markUp(plain: string, selections: { start: number; end: number; codes: string[] }[], warn: (s: string) => void): string {
  const chars = Array.from(plain);
  const sorted = [...selections].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof sorted = [];
  const stack: typeof sorted = [];
  for (const s of sorted) {
    if (s.start < 0 || s.end > chars.length || s.start >= s.end) {
      warn(`selection ${s.start}–${s.end} lies outside the text; left out`);
      continue;
    }
    while (stack.length && stack[stack.length - 1]!.end <= s.start) stack.pop();
    const top = stack[stack.length - 1];
    if (top && s.end > top.end) {
      warn(`selection ${s.start}–${s.end} crosses ${top.start}–${top.end}; Pandoc spans must nest, so it is left out`);
      continue;
    }
    kept.push(s);
    stack.push(s);
  }
  const opens = new Map<number, number>();
  const closes = new Map<number, string[]>();
  for (const s of kept) {
    opens.set(s.start, (opens.get(s.start) ?? 0) + 1);
    closes.set(s.end, [...(closes.get(s.end) ?? []), `]{${s.codes.map((c) => `.${c}`).join(' ')}}`]);
  }
  let out = '';
  for (let i = 0; i <= chars.length; i++) {
    // inner spans close first: they were opened last
    for (const close of (closes.get(i) ?? []).reverse()) out += close;
    out += '['.repeat(opens.get(i) ?? 0);
    const c = chars[i];
    if (c !== undefined) out += c === '[' || c === ']' ? `\\${c}` : c;
  }
  return out;
}

/**
 * A document id from a source's name: the name itself where it is a safe relative path (checks/ids.ts) of
 * letters, digits, `_`, `.`, `-` and `/` not yet taken (file names ignore case on some systems: `a` and
 * `A` are one file), else a slug; a name that looked like an id but had to change is warned about.
 * `taken` holds fileKey()s.
 */
function documentId(name: string, taken: IdSet, warn: (s: string) => void): string {
  const why = unsafeIdReason(name);
  if (why === null && /^[\w./-]+$/.test(name) && !taken.has(fileKey(name))) {
    taken.add(fileKey(name));
    return name;
  }
  const id = slugId(name, taken);
  if (/^[\w./-]+$/.test(name)) {
    warn(`${why === null ? 'the name is taken by another source (file names ignore case)' : `the name is not a safe file name (${why})`}; imported as document ${JSON.stringify(id)}`);
  }
  return id;
}

/** The project's cases with their variables, and per source GUID its case id. */
function readCases(root: Node): { cases: ImportedProject['cases']; caseOfSource: Map<string, string> } {
  const variables = new Map(list((root.Variables as Node | undefined)?.Variable).map((v) => [normGuid(attr(v, 'guid')), attr(v, 'name') ?? '']));
  const caseTaken = new IdSet();
  const caseOfSource = new Map<string, string>();
  const cases = list((root.Cases as Node | undefined)?.Case).map((c) => {
    const name = attr(c, 'name') ?? '';
    const id = ID.test(name) && !caseTaken.has(name) ? (caseTaken.add(name), name) : slugId(name, caseTaken);
    const attrs: Record<string, string> = ID.test(name) ? {} : { name };
    for (const vv of list(c.VariableValue)) {
      const key = variables.get(normGuid(attr(vv.VariableRef as Node, 'targetGUID')));
      const value = ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue'].map((k) => text(vv[k])).find((v) => v !== '');
      if (key && value !== undefined) attrs[key] = value;
    }
    for (const ref of list(c.SourceRef)) caseOfSource.set(normGuid(attr(ref, 'targetGUID')), id);
    return { id, attrs };
  });
  return { cases, caseOfSource };
}

export function importQdpx(xml: string, file: string, readSource: (path: string) => string | null): ImportedProject {
  const root = parseXml(xml, file).Project as Node | undefined;
  if (!root) throw new InputError('no <Project> element', { file, hint: 'expected project.qde inside a REFI-QDA project (.qdpx)' });
  const textSources = list((root.Sources as Node | undefined)?.TextSource);
  const sourceGuids = new Set(textSources.map((s) => normGuid(attr(s, 'guid'))));
  const sets = list((root.Sets as Node | undefined)?.Set);
  const codebook = readCodebook(list(((root.CodeBook as Node | undefined)?.Codes as Node | undefined)?.Code), sets, '@targetGUID', sourceGuids);
  const setAttributes = sourceSetAttributes(sets, sourceGuids);
  const warnings: string[] = [...codebook.warnings];
  const { cases, caseOfSource } = readCases(root);
  const docTaken = new IdSet();
  const documents: ImportedDocument[] = [];
  for (const source of textSources) {
    const g = normGuid(attr(source, 'guid'));
    const name = attr(source, 'name') ?? g;
    const warn = (s: string) => warnings.push(`${name}: ${s}`);
    const path = attr(source, 'plainTextPath');
    let plain = text(source.PlainTextContent);
    if (!plain && path) plain = readSource(path.replace(/^internal:\/\//, '')) ?? '';
    if (!plain) {
      warn('no plain text (neither PlainTextContent nor a readable plainTextPath); left out');
      continue;
    }
    plain = plain.replace(/\r\n?/g, '\n');
    const selections = list(source.PlainTextSelection).map((sel) => ({
      start: Number(attr(sel, 'startPosition')),
      end: Number(attr(sel, 'endPosition')),
      codes: list(sel.Coding)
        .map((c) => codebook.byGuid.get(normGuid(attr(c.CodeRef as Node, 'targetGUID'))))
        .filter((c): c is string => c !== undefined),
    }));
    const description = text(source.Description);
    const id = documentId(name, docTaken, warn);
    let frontMatter: string;
    if (description.startsWith(FRONT_MATTER_MARK)) {
      frontMatter = `id: ${JSON.stringify(id)}\n${description.slice(FRONT_MATTER_MARK.length)}`;
    } else {
      let caseId = caseOfSource.get(g);
      if (!caseId) {
        caseId = 'onbekend';
        if (!cases.some((c) => c.id === caseId)) cases.push({ id: caseId, attrs: { name: 'Onbekend (geen case in het project)' } });
      }
      frontMatter = `id: ${JSON.stringify(id)}\ntype: document\ncase: ${JSON.stringify(caseId)}`;
    }
    frontMatter += setAttributeLines(setAttributes, g);
    documents.push({ path: `${id}.md`, frontMatter, body: markUp(plain, selections.filter((s) => s.codes.length > 0), warn) });
  }
  return { codebook, cases, documents, warnings };
}
