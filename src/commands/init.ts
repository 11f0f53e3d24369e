/**
 * `werkscan init [dir]`: a new study from templates/study/ (shipped in the package): project file,
 * codebook, claims, cases, an interview and a plan, .gitignore and a CI example. Refuses a folder that is
 * not empty unless --force, and even then writes only the files that are missing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../core/errors.js';
import { display } from '../io/read.js';
import { readTemplate, writeMissing, type TemplateFile } from '../io/scaffold.js';
import type { Context } from './context.js';

export interface InitOptions {
  force?: boolean;
}

/** The package's root: two folders up from src/commands/ and from dist/commands/ alike. */
const packageRoot = () => fileURLToPath(new URL('../../', import.meta.url));

/** The study template, with `{{version}}` replaced by this werkscan's version (the CI example installs it). */
function studyTemplate(): TemplateFile[] {
  const root = packageRoot();
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return readTemplate(path.join(root, 'templates', 'study')).map((f) => ({ ...f, text: f.text.replaceAll('{{version}}', version) }));
}

/** Entries of the target folder that make it "not empty": all but a `.git` (a folder just made with `git init`). */
function contents(abs: string, shown: string): string[] {
  let st;
  try {
    st = statSync(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new InputError(`cannot read ${shown} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { hint: 'expected a new or empty folder' });
  }
  if (!st.isDirectory()) throw new InputError(`${shown} exists and is not a folder`, { hint: 'name a new or empty folder: werkscan init my-study' });
  return readdirSync(abs).filter((name) => name !== '.git').sort();
}

export function initCommand(ctx: Context, dir: string | undefined, options: InitOptions): number {
  const abs = path.resolve(ctx.cwd, dir ?? '.');
  const shown = display(ctx.cwd, abs);
  const there = contents(abs, shown);
  if (there.length > 0 && options.force !== true) {
    const some = there.slice(0, 3).join(', ') + (there.length > 3 ? `, … (${there.length} in all)` : '');
    throw new InputError(`${shown} is not empty (${some}); init writes a new study only into a new or empty folder`, {
      hint: `name a new folder (werkscan init my-study), or pass --force to add the missing files to ${shown} (existing files are kept)`,
    });
  }
  const show = (rel: string) => (shown === '.' ? rel : `${shown}/${rel}`);
  const { written, kept } = writeMissing(abs, studyTemplate(), show);
  const out = ctx.stdout;
  out.write(written.length === 0 ? `wrote nothing to ${shown}/: every file of the study is there already\n` : `wrote ${written.length} file${written.length === 1 ? '' : 's'} to ${shown}/:\n`);
  for (const f of written) out.write(`  ${show(f)}\n`);
  if (kept.length > 0) {
    out.write(`kept ${kept.length} file${kept.length === 1 ? '' : 's'} that ${kept.length === 1 ? 'is' : 'are'} there already (not overwritten):\n`);
    for (const k of kept) out.write(`  ${show(k.path)}${k.why === 'exists' ? '' : ` (${k.why})`}\n`);
  }
  out.write(nextSteps(shown, kept.length > 0));
  return 0;
}

function nextSteps(shown: string, mixed: boolean): string {
  const lines = [
    '',
    'Next steps:',
    ...(shown === '.' ? [] : [`  cd ${/\s/.test(shown) ? JSON.stringify(shown) : shown}`]),
    `  werkscan lint        check project file, codebook, corpus and claims${mixed ? ' (the kept files may not fit the new ones)' : ''}`,
    '  werkscan code        count the coding and write reports/',
    '  werkscan findings    check the claims in codebook/findings.yaml',
    '  Then replace the example codes, cases, documents and claims with your own, and commit reports/:',
    '  the CI example (.github/workflows/werkscan.yml) fails when reports/ is not current.',
    '',
  ];
  return lines.join('\n');
}
