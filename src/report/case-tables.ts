/**
 * The tables of cases the project file declares (`case_tables`): per case with every attribute of `where`
 * one row; a column shows an attribute's value, or the labels of the codes coded in the case's documents.
 */
import type { CaseTable, Project } from '../core/model.js';
import { counted, type CountOptions } from '../core/count/select.js';
import type { OutputFile } from '../core/files.js';
import { renderMarkdownTable } from './table.js';

function caseTableMarkdown(project: Project, table: CaseTable, options: CountOptions): string | null {
  const matches = (attrs: Readonly<Record<string, string>>) => Object.entries(table.where).every(([k, v]) => attrs[k] === v);
  const cases = project.corpus.cases.filter((c) => matches(c.attrs));
  if (cases.length === 0) return null;
  const { coded } = counted(project, options, table.where);
  const columns = table.columns.map((col, i) => ({ key: `c${i}`, header: col.header }));
  const rows = cases.map((c) => {
    const codes = project.codebook.codes.filter((code) => coded.get(code.id)?.case.has(c.id));
    const cells = table.columns.map((col) => (col.codes ? codes.map((code) => code.label).join('; ') : (c.attrs[col.attribute!] ?? '')) || col.empty);
    return Object.fromEntries(cells.map((v, i) => [`c${i}`, v]));
  });
  return [`# ${table.title}`, '', ...(table.intro ? [table.intro.replaceAll('{n}', String(cases.length)), ''] : []), renderMarkdownTable(columns, rows)].join('\n');
}

/** Every declared case table that has cases, as report files. */
export function caseTableFiles(project: Project, options: CountOptions): OutputFile[] {
  return project.settings.caseTables.flatMap((t) => {
    const content = caseTableMarkdown(project, t, options);
    return content === null ? [] : [{ name: t.file, content }];
  });
}
