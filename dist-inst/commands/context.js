/** What every command gets: where it runs, where it writes, and the options all counting commands share. */
import { availableParallelism } from 'node:os';
import { autoCodeCorpus, compileCodebook } from '../core/autocode.js';
import { InconsistentProject, InputError, unknownAttribute } from '../core/errors.js';
import { errorsOf, knownAttributes, lint } from '../core/lint.js';
import { loadProject } from '../io/load.js';
import { FORMATS } from '../report/formats.js';
export function parseWhere(list) {
    const out = {};
    for (const item of list) {
        const i = item.indexOf('=');
        if (i <= 0)
            throw new InputError(`--where ${item}: expected key=value`, { hint: 'e.g. --where line=botoc (repeat --where for more keys)' });
        out[item.slice(0, i).trim()] = item.slice(i + 1).trim();
    }
    return out;
}
export function parseSource(value) {
    const v = value ?? 'manual';
    if (v !== 'manual' && v !== 'auto' && v !== 'any')
        throw new InputError(`--source ${v}: unknown source`, { hint: 'expected manual, auto or any' });
    return v;
}
export function parseFormat(value) {
    const v = value ?? 'table';
    if (!FORMATS.includes(v))
        throw new InputError(`--format ${v}: unknown format`, { hint: `expected one of: ${FORMATS.join(', ')}` });
    return v;
}
/** Colour only for a terminal, and never with NO_COLOR or --no-color. */
export function useColor(ctx, options) {
    return ctx.stdout.isTTY === true && options.color !== false && ctx.env.NO_COLOR === undefined;
}
export function enumOption(name, value, allowed, fallback) {
    if (value === undefined)
        return fallback;
    if (!allowed.includes(value))
        throw new InputError(`${name} ${value}: not a valid choice`, { hint: `expected one of: ${allowed.join(', ')}` });
    return value;
}
export function load(ctx, corpus, options) {
    return loadProject({ cwd: ctx.cwd, corpus: corpus ?? 'corpus', codebook: options.codebook });
}
/**
 * Load, and refuse to count a project with consistency errors, or filter on an attribute nothing has.
 * Terms and findings are not checked here: counting hand-made codes depends on neither, and a second
 * corpus (another coder's, a held-out set) may be counted with a codebook whose findings are about the first.
 */
export function loadConsistent(ctx, corpus, options, check = { findings: false }) {
    const project = load(ctx, corpus, options);
    const errors = errorsOf(lint(project, { terms: false, findings: check.findings }));
    if (errors.length > 0)
        throw new InconsistentProject(errors);
    checkWhere(project, options.where ?? []);
    return project;
}
/** A --where key that no case, document or respondent has would silently select nothing. */
export function checkWhere(project, where) {
    const known = knownAttributes(project);
    for (const key of Object.keys(parseWhere(where))) {
        if (!known.has(key))
            throw unknownAttribute(key, known);
    }
}
/** Automatic segments per document, computed only when a count asks for source auto or any. */
export function autoSegments(project, needed) {
    return needed ? autoCodeCorpus(project.corpus.documents, compileCodebook(project.codebook)).segments : undefined;
}
/** Above this many bytes of documents, work document by document (bounded memory). */
export const STREAM_BYTES = 5 * 1024 * 1024;
/**
 * Above this many bytes, also on a second thread. Below it a second thread costs more than it gives
 * (it needs ~0.3 s to start, and on the 2-core machine measured two busy threads run ~1.3× as fast as
 * one, not 2×): at 10 MB one thread takes 0.70 s and two 0.84 s, at 30 MB both ~1.3 s, at 100 MB
 * one 2.9 s and two 2.3 s.
 */
export const PARALLEL_BYTES = 32 * 1024 * 1024;
export function jobsFor(value, bytes) {
    if (value === undefined)
        return bytes > PARALLEL_BYTES ? Math.min(2, availableParallelism()) : 1;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 64)
        throw new InputError(`--jobs ${value}: expected a whole number from 1 to 64`);
    return n;
}
/** Progress on stderr, at most once a second, only on a terminal; the line is erased by the next output. */
export function progressReporter(ctx) {
    if (!ctx.stderr.isTTY)
        return undefined;
    let last = 0;
    return (done, total) => {
        if (Date.now() - last < 1000)
            return;
        last = Date.now();
        ctx.stderr.write(`\rwerkscan: ${done}/${total} documents\x1b[K`);
    };
}
/** Erase a progress line, if one was written. */
export function clearProgress(ctx) {
    if (ctx.stderr.isTTY)
        ctx.stderr.write('\r\x1b[K');
}
