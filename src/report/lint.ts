/** Words for lint problems. Rules are data (src/core/checks/lint.ts); this is the only place they become sentences. */
import { Chalk } from 'chalk';
import type { Problem } from '../core/checks/lint.js';
import { formatPosition } from '../core/errors.js';
import { INGEST_EXTENSIONS } from '../core/ingest/formats.js';

/** A file `werkscan ingest` can turn into a document (by its extension). */
export const convertible = (file: string) => INGEST_EXTENSIONS.includes(/\.[^./\\]*$/.exec(file)?.[0]?.toLowerCase() ?? '');

type Args = Problem['args'];
const MESSAGES: Record<string, (a: Args) => string> = {
  'malformed-id': (a) => `${a.kind} id "${a.id}" is malformed (expected lowercase letters, digits and -, e.g. avg-privacy)`,
  'unsafe-id': (a) => `document id ${JSON.stringify(a.document)} cannot name a file: ${a.why} (expected a file name, or folders and a file name separated by /, e.g. plannen/ams-plan)`,
  'duplicate-id': (a) => `duplicate ${a.kind} id "${a.id}" (first at ${a.first})`,
  'unknown-polarity': (a) => `category ${a.category} has unknown polarity "${a.polarity}" (expected belemmerend, stimulerend or neutraal)`,
  'unknown-category': (a) => `code ${a.code} names unknown category "${a.category}"`,
  'unknown-subquestion': (a) => `code ${a.code} names unknown sub-question "${a.subquestion}"`,
  'unknown-parent': (a) => `code ${a.code} names unknown parent "${a.parent}"`,
  'unknown-addresses': (a) => `code ${a.code} addresses unknown code "${a.target}"`,
  'parent-cycle': (a) => `parent cycle: ${a.cycle}`,
  'code-without-subquestion': (a) => `code ${a.code} has no sub-question (expected subquestions: [DV1, …])`,
  'subquestion-without-code': (a) => `sub-question ${a.subquestion} has no code`,
  'term-never-matches': (a) => `term "${a.term}" of code ${a.code} can never match: ${a.why}`,
  'example-missed': (a) => `match example of code ${a.code} is not coded automatically: "${a.example}"`,
  'example-wrongly-coded': (a) => `nomatch example of code ${a.code} is coded automatically: "${a.example}" (term "${a.term}" matches "${a.surface}")`,
  'invalid-attribute-value': (a) => `${a.kind} ${a.id} has ${a.key}: ${a.value}, which werkscan.yaml does not allow (expected one of: ${a.expected})`,
  'unknown-document-type': (a) => `document ${a.document} has unknown type "${a.type}" (expected one of: ${a.expected}; declare more under document_types in werkscan.yaml)`,
  'missing-training-folder': (a) => `training folder ${a.folder} does not exist (expected a corpus folder of hand-coded documents, relative to the project file)`,
  'unknown-axis-group': (a) => `comparison group "${a.group}" is a value of ${a.axis} that no case (in ${a.cases}) and no document has`,
  'unknown-axis': (a) => `comparison axis "${a.axis}" is an attribute no case (in ${a.cases}) and no document has`,
  'unknown-case': (a) => `document ${a.document} names unknown case "${a.case}" (not in cases.yaml)`,
  'unknown-speaker': (a) => `speaker label ${a.label}: is not a respondent of document ${a.document} (expected one of: ${a.expected})`,
  'respondent-conflict': (a) =>
    `respondent ${a.respondent} of case ${a.case} has ${a.key}: ${a.value} in document ${a.document} but ${a.key}: ${a.firstValue} in document ${a.firstDocument} (${a.first}); one id in one case is one person — give the other person its own id`,
  'silent-respondent': (a) => `respondent ${a.respondent} of document ${a.document} never speaks`,
  'unknown-code': (a) => `code "${a.code}" is not in the codebook`,
  'finding-unknown-code': (a) => `finding ${a.finding} names unknown code "${a.code}"`,
  'finding-unknown-attribute': (a) => `finding ${a.finding} filters on unknown attribute "${a.key}" (not in cases.yaml, any front matter or respondent)`,
  'finding-unknown-quantifier': (a) => `finding ${a.finding} uses unknown quantifier "${a.quantifier}" (define it in codebook/quantifiers.yaml)`,
  'finding-unknown-value': (a) =>
    `finding ${a.finding} filters on ${a.key} "${a.value}", which no case, document or respondent has (values: ${a.values}; closest: ${a.closest})`,
  'unread-file': (a) =>
    convertible(String(a.file))
      ? 'not read: werkscan reads only .md and .txt files; `werkscan ingest` converts it into a document (then move the original out of the corpus folder)'
      : 'not read: werkscan reads only .md and .txt files (convert it to Markdown, or move it out of the corpus folder)',
  'unused-code': (a) => `code ${a.code} is never used in the corpus`,
  // Spans and speaker labels (docs/rules.md): markup that looks like coding but is not.
  'span-not-opened': (a) => `"]${a.text}" closes a span that was never opened: no coding is recorded (add [ where the coded text starts, or write \\] for a literal bracket)`,
  'attributes-not-closed': (a) => `attributes "${a.text}" are not closed on this line: no coding is recorded (expected [text]{.code} with } on the same line)`,
  'span-without-class': (a) => `span attributes ${a.text} hold no code: no coding is recorded (a code is a class with a dot, e.g. ${a.suggestion})`,
  'stray-attributes': (a) =>
    a.why === 'space'
      ? `"${a.text}" is separated from its ] by a space: no coding is recorded (remove the space: [text]${a.text})`
      : a.why === 'no-close'
        ? `"${a.text}" follows a [ that is never closed: no coding is recorded (add ] before the {: [text]${a.text})`
        : `"${a.text}" follows no [text]: no coding is recorded (expected [text]${a.text})`,
  'parenthesised-attributes': (a) => `"${a.text}" uses parentheses: no coding is recorded (write braces: {${String(a.text).replace(/^\(|\)$/g, '')}})`,
  'stray-brace': (a) => `"${a.text}" looks like the end of span attributes without their {: no coding is recorded (expected [text]{${String(a.text).replace(/\}$/, '')}})`,
  'unclosed-bracket': () => `[ is never closed in a turn that holds coded spans (close it with ], or write \\[ for a literal bracket)`,
  'unopened-bracket': () => `] closes no [ in a turn that holds coded spans (add the [, or write \\] for a literal bracket)`,
  'garbled-label': (a) => `line starts like speaker label ${a.label} but reads "${a.written}": read as a turn of ${a.label} (write ${a.expected} and a space at the start of the line)`,
  'markup-problems-omitted': (a) => `${a.count} more problems of span markup in this turn are not listed`,
  'zero-width-in-label': (a) => `speaker label ${a.label}: holds an invisible zero-width character (delete it and retype the label)`,
  'unusual-label': (a) =>
    `speaker label written as ${a.how === 'space-before-colon' ? `"${a.label} :" (space before the colon)` : a.how === 'full-width-colon' ? `"${a.label}：" (full-width colon)` : a.how === 'no-space-after-colon' ? `"${a.label}:" with no space after the colon` : `"${a.label}:" (with a prefix)`}; read as ${a.expected} (write ${a.expected})`,
  'typographic-quotes': (a) => `${a.key}: ${a.value} — the typographic quotes are part of the value (write "${a.fixed}" with straight quotes, or ${a.fixed} without quotes)`,
  'invisible-character': (a) => `${a.key}: "${a.value}" has a ${a.character} at its ${a.where}, part of the value (delete it)`,
};

export function problemMessage(p: Problem): string {
  const m = MESSAGES[p.rule];
  return m ? m(p.args) : `${p.rule} ${JSON.stringify(p.args)}`;
}

export function formatProblem(p: Problem, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const at = formatPosition(p);
  const sev = p.severity === 'error' ? c.red('error') : c.yellow('warning');
  return `${at}: ${sev}: ${problemMessage(p)} ${c.dim(`[${p.rule}]`)}`;
}

export function summarizeProblems(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
