/** Words for lint problems. Rules are data (src/core/checks/lint.ts); this is the only place they become sentences. */
import { Chalk } from 'chalk';
import type { Problem } from '../core/checks/lint.js';
import { formatPosition } from '../core/errors.js';

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
  'invalid-case-attribute': (a) => `case ${a.case} has ${a.key}: ${a.value} (expected one of: ${a.expected})`,
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
  'unread-file': () => 'not read: werkscan reads only .md and .txt files (convert it to Markdown, or move it out of the corpus folder)',
  'unused-code': (a) => `code ${a.code} is never used in the corpus`,
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
