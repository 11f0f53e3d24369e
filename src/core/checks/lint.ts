/**
 * Consistency of codebook, corpus and findings. Problems are data; `report/lint.ts` words them.
 */
import { codesText } from '../autocode/code.js';
import { compileCodebook } from '../autocode/compile.js';
import { INTERVIEWER } from '../parse/document.js';
import { POLARITIES, type Code, type CorpusDocument, type Origin, type Project, type ProjectSettings } from '../model.js';
import { defaultSettings } from '../parse/project.js';
import { documentSchemaProblems, schemaProblems } from './schema.js';
import { lookupQuantifier } from '../claims/quantifiers.js';
import { respondentConflicts } from './respondents.js';
import { unmatchedAmong } from './filters.js';
import { unsafeDocumentId } from './ids.js';
import { compareText } from '../text/collate.js';
import { markupProblems } from './markup.js';

export type Severity = 'error' | 'warning';

export interface Problem {
  rule: string;
  severity: Severity;
  file: string;
  line: number;
  column?: number;
  args: Record<string, string | number>;
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** Where a rule reports: every problem goes into one list, sorted at the end. */
interface Reporter {
  report(severity: Severity, rule: string, at: Origin, args: Problem['args']): void;
  error(rule: string, at: Origin, args: Problem['args']): void;
  /** Ids of `items`, each checked against `pattern` and for being given twice. */
  uniqueIds<T extends { id: string; origin: Origin }>(kind: string, items: readonly T[], pattern?: RegExp | null): Map<string, Origin>;
}

const where = (o: Origin) => `${o.file}:${o.line}`;

function reporter(problems: Problem[]): Reporter {
  const report: Reporter['report'] = (severity, rule, at, args) =>
    problems.push({ rule, severity, file: at.file, line: at.line, ...(at.column !== undefined ? { column: at.column } : {}), args });
  const error: Reporter['error'] = (rule, at, args) => report('error', rule, at, args);
  const uniqueIds: Reporter['uniqueIds'] = (kind, items, pattern = ID_PATTERN) => {
    const seen = new Map<string, Origin>();
    for (const item of items) {
      if (pattern && !pattern.test(item.id)) error('malformed-id', item.origin, { kind, id: item.id });
      const first = seen.get(item.id);
      if (first) error('duplicate-id', item.origin, { kind, id: item.id, first: where(first) });
      else seen.set(item.id, item.origin);
    }
    return seen;
  };
  return { report, error, uniqueIds };
}

/**
 * `terms: false` skips the checks of terms and examples (counting by hand-made codes does not need them);
 * `documents: false` skips the per-document rules (already run by lintDocument, e.g. in a worker);
 * `findings: false` skips the checks of findings.yaml (counting a corpus does not depend on them).
 */
export function lint(project: Project, options: { terms?: boolean; documents?: boolean; findings?: boolean } = {}): Problem[] {
  const problems: Problem[] = [];
  const r = reporter(problems);
  const codes = lintCodebook(project.codebook, r);
  lintCases(project, r);
  const used = lintDocuments(project, codes, r, options.documents !== false, problems);
  if (options.findings !== false) lintFindings(project, r);
  // Files in the corpus folder that are not read (a transcript saved as .docx): their coding counts for nothing.
  for (const file of project.corpus.unread ?? []) r.report('warning', 'unread-file', { file, line: 1 }, { file });
  for (const c of project.codebook.codes) {
    if (!used.has(c.id)) r.report('warning', 'unused-code', c.origin, { code: c.id });
  }
  if (options.terms !== false) checkTermsAndExamples(project, r.error);
  return sortProblems(problems);
}

/** Ids, references between sub-questions, categories and codes, polarities and cycles of parents; returns the code ids. */
function lintCodebook(codebook: Project['codebook'], r: Reporter): Map<string, Origin> {
  const { error } = r;
  const subquestions = r.uniqueIds('subquestion', codebook.subquestions, /^[A-Za-z0-9][A-Za-z0-9-]*$/);
  const categories = r.uniqueIds('category', codebook.categories);
  const codes = r.uniqueIds('code', codebook.codes);
  for (const c of codebook.categories) {
    if (!(POLARITIES as readonly string[]).includes(c.polarity)) error('unknown-polarity', c.origin, { category: c.id, polarity: c.polarity });
  }
  const usedSubquestions = new Set<string>();
  for (const c of codebook.codes) {
    const o = (k: keyof typeof c.fieldOrigins) => c.fieldOrigins[k] ?? c.origin;
    if (!categories.has(c.category)) error('unknown-category', o('category'), { code: c.id, category: c.category });
    if (c.subquestions.length === 0) error('code-without-subquestion', c.origin, { code: c.id });
    for (const s of c.subquestions) {
      usedSubquestions.add(s);
      if (!subquestions.has(s)) error('unknown-subquestion', o('subquestions'), { code: c.id, subquestion: s });
    }
    if (c.parent !== null && !codes.has(c.parent)) error('unknown-parent', o('parent'), { code: c.id, parent: c.parent });
    for (const t of c.addresses) {
      if (!codes.has(t)) error('unknown-addresses', o('addresses'), { code: c.id, target: t });
    }
  }
  for (const s of codebook.subquestions) {
    if (!usedSubquestions.has(s.id)) error('subquestion-without-code', s.origin, { subquestion: s.id });
  }
  const byId = new Map(codebook.codes.map((c) => [c.id, c]));
  for (const { code, cycle } of parentCycles(codebook.codes, byId)) {
    error('parent-cycle', code.fieldOrigins.parent ?? code.origin, { code: code.id, cycle: [...cycle, cycle[0]!].join(' → ') });
  }
  return codes;
}

function lintCases(project: Project, r: Reporter): void {
  r.uniqueIds('case', project.corpus.cases);
  for (const c of project.corpus.cases) {
    for (const n of c.notes ?? []) r.report('warning', n.rule, { file: c.origin.file, line: n.line, column: n.column }, { case: c.id, ...n.args });
  }
  // the values the project file allows, its document types and its comparison axis
  schemaProblems(project, r.error, (rule, at, args) => r.report('warning', rule, at, args));
}

/**
 * Document ids across the corpus and respondents across a case's interviews; the rest per document
 * (lintDocument, which workers run on large corpora) when `perDocument`. Returns the codes used.
 */
function lintDocuments(project: Project, codes: ReadonlyMap<string, Origin>, r: Reporter, perDocument: boolean, problems: Problem[]): Set<string> {
  const { corpus, settings } = project;
  const caseIds = new Set(corpus.cases.map((c) => c.id));
  const docIds = new Map<string, Origin>();
  const used = new Set<string>();
  for (const doc of corpus.documents) {
    const first = docIds.get(doc.id);
    if (first) r.error('duplicate-id', doc.origin.id, { kind: 'document', id: doc.id, first: where(first) });
    else docIds.set(doc.id, doc.origin.id);
    for (const s of doc.segments) used.add(s.code);
    if (perDocument) problems.push(...lintDocument(doc, caseIds, codes, settings));
  }
  for (const c of respondentConflicts(corpus.documents)) r.error('respondent-conflict', c.at, c.args);
  return used;
}

function lintFindings(project: Project, r: Reporter): void {
  const { findings } = project;
  const codeIds = new Set(project.codebook.codes.map((c) => c.id));
  const attributes = knownAttributes(project);
  r.uniqueIds('finding', findings);
  for (const f of findings) {
    for (const c of f.codes) if (!codeIds.has(c)) r.error('finding-unknown-code', f.origin, { finding: f.id, code: c });
    for (const k of Object.keys(f.among)) if (!attributes.has(k)) r.error('finding-unknown-attribute', f.origin, { finding: f.id, key: k });
    if (!lookupQuantifier(project.quantifiers, f.quantifier)) r.error('finding-unknown-quantifier', f.origin, { finding: f.id, quantifier: f.quantifier });
  }
  for (const { finding, miss } of unmatchedAmong(project, findings)) r.error('finding-unknown-value', finding.origin, { finding: finding.id, ...miss });
}

/** Stable order for output: file, line, column, rule. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => compareText(a.file, b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0) || compareText(a.rule, b.rule));
}

/** Every attribute a filter can name: of cases, documents' front matter and respondents. */
export function knownAttributes(project: Project): Set<string> {
  const attributes = new Set(['id', 'type', 'case']);
  for (const c of project.corpus.cases) for (const k of Object.keys(c.attrs)) attributes.add(k);
  for (const d of project.corpus.documents) {
    for (const k of Object.keys(d.attrs)) attributes.add(k);
    for (const r of d.respondents) for (const k of Object.keys(r.attrs)) attributes.add(k);
  }
  return attributes;
}

/** The rules that need one document only: its case, respondents, speakers and codes. */
export function lintDocument(doc: CorpusDocument, caseIds: ReadonlySet<string>, codes: ReadonlyMap<string, unknown>, settings: ProjectSettings = defaultSettings('.')): Problem[] {
  const problems: Problem[] = [];
  const report = (severity: Severity, rule: string, at: Origin, args: Problem['args']) =>
    problems.push({ rule, severity, file: at.file, line: at.line, ...(at.column !== undefined ? { column: at.column } : {}), args });
  documentSchemaProblems(doc, settings, (rule, at, args) => report('error', rule, at, args));
  problems.push(...unsafeDocumentId(doc));
  if (!caseIds.has(doc.case)) report('error', 'unknown-case', doc.origin.case, { document: doc.id, case: doc.case });
  problems.push(...markupProblems(doc));
  const respondentIds = new Map<string, Origin>();
  for (const r of doc.respondents) {
    const first = respondentIds.get(r.id);
    if (first) report('error', 'duplicate-id', r.origin, { kind: 'respondent', id: r.id, first: `${first.file}:${first.line}` });
    else respondentIds.set(r.id, r.origin);
  }
  const speakers = new Set<string>();
  for (const t of doc.turns) {
    speakers.add(t.speaker);
    if (t.speaker !== INTERVIEWER && !respondentIds.has(t.speaker)) {
      report('error', 'unknown-speaker', { file: doc.file, line: t.line, column: 1 }, { document: doc.id, label: t.speaker, expected: [INTERVIEWER, ...respondentIds.keys()].join(', ') });
    }
  }
  for (const r of doc.respondents) {
    if (!speakers.has(r.id)) report('warning', 'silent-respondent', r.origin, { document: doc.id, respondent: r.id });
  }
  for (const s of doc.segments) {
    if (!codes.has(s.code)) report('error', 'unknown-code', { file: doc.file, line: s.line, column: s.column }, { document: doc.id, code: s.code });
  }
  return problems;
}

/** Terms must compile, and automatic coding must get each code's examples right. */
function checkTermsAndExamples(project: Project, error: (rule: string, at: Origin, args: Problem['args']) => void): void {
  const book = compileCodebook(project.codebook);
  const byId = new Map(project.codebook.codes.map((c) => [c.id, c]));
  for (const bad of book.invalid) {
    const code = byId.get(bad.code)!;
    error('term-never-matches', code.fieldOrigins.terms ?? code.origin, { code: bad.code, term: bad.term, why: bad.reason });
  }
  for (const code of project.codebook.codes) {
    const at = code.fieldOrigins.examples ?? code.origin;
    for (const example of code.examples.match) {
      if (!codesText(book, code.id, example)) error('example-missed', at, { code: code.id, example });
    }
    for (const example of code.examples.nomatch) {
      const hit = codesText(book, code.id, example);
      if (hit) error('example-wrongly-coded', at, { code: code.id, example, term: hit.term, surface: hit.surface });
    }
  }
}

/** Problems that make counting meaningless: any error. */
export const errorsOf = (problems: readonly Problem[]) => problems.filter((p) => p.severity === 'error');

/**
 * Each cycle of parents once, found from the first code (in codebook order) whose chain of parents runs
 * into it. Linear in the number of codes: every code is walked once, and a walk stops at a code already
 * walked (a chain of 5,000 codes took minutes when every code walked its whole chain).
 */
function parentCycles(codes: readonly Code[], byId: ReadonlyMap<string, Code>): { code: Code; cycle: string[] }[] {
  const done = new Set<string>();
  const found: { code: Code; cycle: string[] }[] = [];
  for (const c of codes) {
    if (done.has(c.id)) continue;
    const onPath = new Map<string, number>();
    const path: string[] = [];
    let id: string | null = c.id;
    while (id !== null && byId.has(id) && !done.has(id) && !onPath.has(id)) {
      onPath.set(id, path.length);
      path.push(id);
      id = byId.get(id)!.parent;
    }
    if (id !== null && onPath.has(id)) found.push({ code: c, cycle: path.slice(onPath.get(id)) });
    for (const p of path) done.add(p);
  }
  return found;
}
