/**
 * Typed errors. Only the CLI edge turns them into exit codes:
 * InputError → 2 (could not run), InconsistentProject → 2 (counting refused); a failed check is a
 * command's own exit code 1.
 */
export class InputError extends Error {
    file;
    line;
    column;
    /** What was expected, or what to do about it. */
    hint;
    constructor(message, where = {}) {
        super(message);
        this.name = 'InputError';
        this.file = where.file;
        this.line = where.line;
        this.column = where.column;
        this.hint = where.hint;
    }
    /** The same error, located in `file` (parsers of strings do not know their file name). */
    inFile(file, lineOffset = 0) {
        return new InputError(this.message, {
            file,
            line: this.line === undefined ? undefined : this.line + lineOffset,
            column: this.column,
            hint: this.hint,
        });
    }
}
/** A counting command met a corpus with consistency errors (exit 2, pointing to `werkscan lint`). */
export class InconsistentProject extends Error {
    problems;
    constructor(problems) {
        super(`the corpus or codebook has ${problems.length} consistency error${problems.length === 1 ? '' : 's'}`);
        this.problems = problems;
        this.name = 'InconsistentProject';
    }
}
/** "file:line:column" with the parts that are known. */
export function formatPosition(p) {
    let s = p.file ?? '';
    if (p.line !== undefined) {
        s += `${s ? ':' : ''}${p.line}`;
        if (p.column !== undefined)
            s += `:${p.column}`;
    }
    return s;
}
/** A --where key that no case, document or respondent has would silently select nothing. */
export function unknownAttribute(key, known) {
    return new InputError(`--where ${key}=…: no case, document or respondent has the attribute "${key}"`, { hint: `attributes: ${[...known].sort().join(', ')}` });
}
