/**
 * An imported codebook or project laid out as werkscan's own files: codebook/codebook.yaml,
 * corpus/cases.yaml and one Markdown file per document. Pure: it returns paths (below their folder) and
 * texts; writing them, confined to the folders and all at once, is the I/O layer's (src/io/tree.ts).
 */
import { stringify } from 'yaml';
import { fileKey, unsafeIdReason } from '../checks/ids.js';
import { InputError } from '../errors.js';
import type { ImportedCodebook, ImportedProject } from './refi-qda/import.js';

export interface LaidOutFile {
  /** Below its folder, with forward slashes (a document whose id has folders: `plannen/zaanstad-plan.md`). */
  path: string;
  text: string;
}

export interface Layout {
  codebook: LaidOutFile[];
  corpus: LaidOutFile[];
}

function codebookYaml(cb: ImportedCodebook, title: string): string {
  return stringify(
    {
      title,
      subquestions: cb.subquestions,
      categories: cb.categories,
      codes: cb.codes.map((c) => ({ id: c.id, label: c.label, category: c.category, subquestions: c.subquestions, ...(c.parent ? { parent: c.parent } : {}), description: c.description, terms: [] })),
    },
    { lineWidth: 110 },
  );
}

export function codebookLayout(cb: ImportedCodebook, title: string): Layout {
  return { codebook: [{ path: 'codebook.yaml', text: codebookYaml(cb, title) }], corpus: [] };
}

/**
 * The project's files. Document paths come from ids that import made safe and unique; this checks it
 * again (one safe file name each, no two the same for a file system that ignores case), as the last word
 * before anything is written.
 */
export function projectLayout(project: ImportedProject, title: string): Layout {
  const corpus: LaidOutFile[] = [{ path: 'cases.yaml', text: stringify({ cases: Object.fromEntries(project.cases.map((c) => [c.id, c.attrs])) }) }];
  const taken = new Map([[fileKey('cases.yaml'), 'cases.yaml']]);
  // a document's folders may not be another document's file (`a` → a.md, `a.md/b` → a.md/b.md)
  for (const d of project.documents) for (let at = d.path.indexOf('/'); at > 0; at = d.path.indexOf('/', at + 1)) taken.set(fileKey(d.path.slice(0, at)), d.path);
  for (const d of project.documents) {
    const why = unsafeIdReason(d.path);
    const first = taken.get(fileKey(d.path));
    if (why !== null || first !== undefined || !d.path.endsWith('.md')) {
      throw new InputError(`cannot lay out document file ${JSON.stringify(d.path)}: ${why ?? (first !== undefined ? `the same file as ${JSON.stringify(first)}` : 'not a .md file')}`, {
        hint: 'expected one safe, unique file name per document; this is a bug in werkscan, please report it',
      });
    }
    taken.set(fileKey(d.path), d.path);
    corpus.push({ path: d.path, text: `---\n${d.frontMatter}\n---\n${d.body}` });
  }
  return { codebook: [{ path: 'codebook.yaml', text: codebookYaml(project.codebook, title) }], corpus };
}
