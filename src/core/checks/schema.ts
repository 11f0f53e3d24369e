/**
 * The project file's schema against the corpus: attribute values outside their declared `values`, document
 * types not in `document_types`, a comparison axis that no case or document has.
 */
import type { AttributeSchema, Attributes, CorpusDocument, Origin, Project, ProjectSettings } from '../model.js';

type Report = (rule: string, at: Origin, args: Record<string, string | number>) => void;

const allowed = (schema: AttributeSchema) => schema.values!.map((v) => v.value).join(', ');

/** Each attribute of `attrs` whose declared values do not include its value. */
function checkValues(declared: Readonly<Record<string, AttributeSchema>>, attrs: Attributes, at: (key: string) => Origin, what: Record<string, string>, report: Report): void {
  for (const [key, schema] of Object.entries(declared)) {
    const value = attrs[key];
    if (value === undefined || schema.values === null || schema.values.some((v) => v.value === value)) continue;
    report('invalid-attribute-value', at(key), { ...what, key, value, expected: allowed(schema) });
  }
}

/** Cases (in cases.yaml) and the comparison axis: the checks across the corpus. */
export function schemaProblems(project: Project, report: Report, warn: Report): void {
  const { settings, corpus } = project;
  for (const c of corpus.cases) checkValues(settings.attributes.cases, c.attrs, () => c.origin, { kind: 'case', id: c.id }, report);
  const axis = settings.comparison;
  if (axis && !corpus.cases.some((c) => c.attrs[axis.axis] !== undefined) && !corpus.documents.some((d) => d.attrs[axis.axis] !== undefined)) {
    report('unknown-axis', axis.origin, { axis: axis.axis, cases: corpus.casesFile });
  } else if (axis?.groups) {
    // a group that nothing has is an empty column in every comparison: a typo, or a second corpus
    // (a held-out set) counted with the study's project file; said, not refused
    const has = (v: string) => corpus.cases.some((c) => c.attrs[axis.axis] === v) || corpus.documents.some((d) => d.attrs[axis.axis] === v);
    for (const g of axis.groups) if (!has(g)) warn('unknown-axis-group', axis.origin, { axis: axis.axis, group: g, cases: corpus.casesFile });
  }
}

/** One document: its type, its front matter attributes, its respondents' attributes. */
export function documentSchemaProblems(doc: CorpusDocument, settings: ProjectSettings, report: Report): void {
  if (!settings.documentTypes.has(doc.type)) {
    report('unknown-document-type', doc.origin.type ?? doc.origin.id, { document: doc.id, type: doc.type, expected: [...settings.documentTypes.keys()].join(', ') });
  }
  const line = (key: string) => ({ file: doc.file, line: doc.origin.attrs?.[key] ?? doc.origin.id.line });
  checkValues(settings.attributes.documents, doc.attrs, line, { kind: 'document', id: doc.id }, report);
  for (const r of doc.respondents) checkValues(settings.attributes.respondents, r.attrs, () => r.origin, { kind: 'respondent', id: `${r.id} of document ${doc.id}` }, report);
}
