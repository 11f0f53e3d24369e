/** Reading the corpus and codebook folders from disk. The parsing itself is pure (src/core). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseCases } from '../core/cases.js';
import { parseCodebook } from '../core/codebook.js';
import { parseDocument } from '../core/document.js';
import { InputError } from '../core/errors.js';
import { parseFindings } from '../core/findings.js';
import { DEFAULT_QUANTIFIERS, parseQuantifiers } from '../core/quantifiers.js';
import { decodeText, normalizeNewlines } from '../core/text.js';
/** How a path is shown to the user: relative to the working directory. */
export function display(cwd, p) {
    const rel = path.relative(cwd, p);
    return rel === '' ? '.' : rel;
}
globalThis.__rt=0;process.on('exit',()=>process.stderr.write('readText ms '+globalThis.__rt.toFixed(0)+'\n'));
export function readText(abs, shown) {
 const __t=performance.now(); try { return readText0(abs, shown);} finally { globalThis.__rt+=performance.now()-__t; }
}
import { openSync as __o, readSync as __r, closeSync as __c } from 'node:fs';
let __buf = Buffer.allocUnsafeSlow(1<<20);
function readFast(abs) { const fd = __o(abs, 'r'); try { let n = 0; for (;;) { if (n === __buf.length) { const b = Buffer.allocUnsafeSlow(n * 2); __buf.copy(b); __buf = b; } const r = __r(fd, __buf, n, __buf.length - n, null); if (r === 0) break; n += r; } return process.env.L1 ? __buf.latin1Slice(0, n) : __buf.utf8Slice(0, n); } finally { __c(fd); } }
function readText0(abs, shown) {
    let text;
    try {
        text = process.env.FAST ? readFast(abs) : readFileSync(abs, 'utf8');
    }
    catch (e) {
        const code = e.code;
        throw new InputError(code === 'ENOENT' ? 'file not found (or a broken link)' : `cannot read file (${code ?? 'unknown error'})`, {
            file: shown,
            hint: code === 'EACCES' ? 'expected a readable file; check its permissions' : 'expected a readable UTF-8 text file',
        });
    }
    // Node's own UTF-8 reader is fast but replaces bad bytes with U+FFFD; only then decode strictly, to
    // name the offending byte (or accept a genuine U+FFFD).
    return text.includes('\uFFFD') ? decodeText(readFileSync(abs), shown) : normalizeNewlines(text);
}
export function requireDir(abs, shown, what, hint) {
    let ok = false;
    try {
        ok = statSync(abs).isDirectory();
    }
    catch {
        ok = false;
    }
    if (!ok)
        throw new InputError(`${what} folder not found: ${shown}`, { hint });
}
const isDocument = (name) => /\.(md|txt)$/i.test(name) && !/^readme\.(md|txt)$/i.test(name);
/** Every document file below `root`, sorted, as paths relative to root with forward slashes. */
export function listDocuments(root, shown) {
    const out = [];
    const walk = (dir, rel) => {
        let entries;
        try {
            entries = readdirSync(dir, { withFileTypes: true });
        }
        catch (e) {
            throw new InputError(`cannot read folder (${e.code ?? 'error'})`, { file: path.join(shown, rel) || shown });
        }
        for (const entry of entries) {
            if (entry.name.startsWith('.') || entry.name === 'node_modules')
                continue;
            const childRel = rel ? `${rel}/${entry.name}` : entry.name;
            if (entry.isDirectory())
                walk(path.join(dir, entry.name), childRel);
            // Links are followed when read; a broken one is then reported as unreadable.
            else if ((entry.isFile() || entry.isSymbolicLink()) && isDocument(entry.name))
                out.push(childRel);
        }
    };
    walk(root, '');
    return out.sort();
}
/** The documents of a corpus folder (no cases.yaml needed): for `agree`, whose second coding may be a bare folder. */
export function loadDocuments(cwd, dir) {
    const abs = path.resolve(cwd, dir);
    const shown = display(cwd, abs);
    requireDir(abs, shown, 'corpus', 'expected a folder of coded documents');
    return listDocuments(abs, shown).map((rel) => {
        const file = display(cwd, path.join(abs, rel));
        return parseDocument({ text: readText(path.join(abs, rel), file), path: rel, file });
    });
}
export function loadProject(paths) {
    const corpusAbs = path.resolve(paths.cwd, paths.corpus);
    const codebookAbs = path.resolve(paths.cwd, paths.codebook);
    const show = (p) => display(paths.cwd, p);
    requireDir(corpusAbs, show(corpusAbs), 'corpus', 'expected a folder with cases.yaml and the documents; give its path, e.g. `werkscan code corpus/`');
    requireDir(codebookAbs, show(codebookAbs), 'codebook', 'expected a folder with codebook.yaml; pass --codebook <dir>');
    const casesFile = path.join(corpusAbs, 'cases.yaml');
    if (!existsSync(casesFile)) {
        throw new InputError('cases.yaml not found', {
            file: show(casesFile),
            hint: 'every corpus needs a cases.yaml: `cases:` with one entry per case, e.g. `amsterdam: { name: Amsterdam, kind: gemeente, line: botoc }`',
        });
    }
    const cases = parseCases(readText(casesFile, show(casesFile)), show(casesFile));
    const documents = (paths.documents === false ? [] : listDocuments(corpusAbs, show(corpusAbs))).map((rel) => {
        const abs = path.join(corpusAbs, rel);
        const file = show(abs);
        return parseDocument({ text: readText(abs, file), path: rel, file });
    });
    const codebookFile = path.join(codebookAbs, 'codebook.yaml');
    const codebook = parseCodebook(readText(codebookFile, show(codebookFile)), show(codebookFile));
    const optional = (name) => {
        const abs = path.join(codebookAbs, name);
        try {
            statSync(abs);
        }
        catch {
            return null;
        }
        return { text: readText(abs, show(abs)), file: show(abs) };
    };
    const q = optional('quantifiers.yaml');
    const f = optional('findings.yaml');
    return {
        corpus: { root: show(corpusAbs), casesFile: show(casesFile), cases, documents },
        codebook,
        quantifiers: q ? parseQuantifiers(q.text, q.file) : DEFAULT_QUANTIFIERS,
        findings: f ? parseFindings(f.text, f.file) : [],
        findingsFile: f?.file ?? null,
    };
}
