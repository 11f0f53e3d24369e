/**
 * Matching options read from a codebook (#19.1): checked against the project (exit 2 with the place), and
 * compounds matched with OpenTaal's word list, which io/lexicon.ts reads only when a code asks for it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCodebook } from '../../src/core/autocode/compile.js';
import { codesText } from '../../src/core/autocode/code.js';
import { loadProject } from '../../src/io/read.js';
import { starterCopy, werkscan } from '../helpers/run.js';

/** The starter with `edit` applied to its codebook. */
function starterWith(edit: (yaml: string) => string): string {
  const dir = starterCopy();
  const file = path.join(dir, 'codebook/codebook.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}
const categoryLine = '  - { id: werkvormen, label: Vormen van werk in de aanpak, polarity: neutraal }';

describe('matching options in the codebook', () => {
  it('refuses a document type the project does not declare, at its line (exit 2)', async () => {
    const dir = starterWith((y) => y.replace(categoryLine, categoryLine.replace(' }', ', document_types: [plannen] }')));
    const line = readFileSync(path.join(dir, 'codebook/codebook.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('plannen')) + 1;
    const r = await werkscan(['lint'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`codebook.yaml:${line}:`);
    expect(r.stderr).toContain('names "plannen", which is not a document type of the project');
  });

  it('refuses a value that is not a choice (exit 2)', async () => {
    const dir = starterWith((y) => y.replace(categoryLine, categoryLine.replace(' }', ', order: random }')));
    const r = await werkscan(['lint'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('`order: random` is not a choice');
  });

  it('reads the lexicon only when some code matches compounds, and then matches heads of compounds', () => {
    const plain = loadProject({ cwd: starterCopy(), corpus: 'corpus', codebook: 'codebook' });
    expect(plain.codebook.lexicon).toBeUndefined();
    const dir = starterWith((y) => y.replace(categoryLine, categoryLine.replace(' }', ', compounds: head }')));
    const project = loadProject({ cwd: dir, corpus: 'corpus', codebook: 'codebook' });
    expect(project.codebook.lexicon).toBeDefined();
    // OpenTaal lists traject and begeleider: trajectbegeleiders is traject + begeleider + -s
    const book = compileCodebook({ ...project.codebook, codes: [{ ...project.codebook.codes[0]!, category: 'werkvormen', terms: ['begeleider'], not: [] }] });
    expect(codesText(book, project.codebook.codes[0]!.id, 'De trajectbegeleiders helpen.')?.surface).toBe('trajectbegeleiders');
    expect(codesText(book, project.codebook.codes[0]!.id, 'De begeleiding helpt.')).toBeNull();
  });
});
