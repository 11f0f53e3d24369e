/**
 * Whether a project can be counted. Both ways of counting call assertCountable: in memory, with every
 * document; document by document (src/pipeline/stream.ts), with the documents without their text and
 * the per-document problems its threads found. So both refuse exactly the same projects.
 */
import { InconsistentProject } from '../errors.js';
import type { Attributes, Project } from '../model.js';
import { errorsOf, knownAttributes, lint, sortProblems, type Problem } from './lint.js';
import { checkWhere } from './filters.js';

export interface CountableCheck {
  /** Check findings.yaml too (`findings`; counting a corpus does not depend on them). */
  findings: boolean;
  /** The per-document problems (lintDocument), when they were found elsewhere (in worker threads). */
  documentProblems?: readonly Problem[];
}

/**
 * Refuse a project with consistency errors (terms aside: counting hand-made codes does not depend on
 * them), and a --where that names an attribute or value nothing has.
 */
export function assertCountable(project: Project, where: Attributes, check: CountableCheck): void {
  const options = { terms: false, findings: check.findings };
  const problems = check.documentProblems === undefined ? lint(project, options) : sortProblems([...lint(project, { ...options, documents: false }), ...check.documentProblems]);
  const errors = errorsOf(problems);
  if (errors.length > 0) throw new InconsistentProject(errors);
  checkWhere(project, where, knownAttributes(project));
}
