/**
 * Typed errors. Only the CLI edge turns them into exit codes:
 * InputError → 2 (could not run), InconsistentProject → 2 (counting refused); a failed check is a
 * command's own exit code 1.
 */

export interface SourcePosition {
  /** Path as the user should see it (relative to the working directory where possible). */
  file?: string;
  /** 1-based line. */
  line?: number;
  /** 1-based column, in Unicode code points. */
  column?: number;
}

export class InputError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** What was expected, or what to do about it. */
  readonly hint?: string;

  constructor(message: string, where: SourcePosition & { hint?: string } = {}) {
    super(message);
    this.name = 'InputError';
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
    this.hint = where.hint;
  }

  /** The same error, located in `file` (parsers of strings do not know their file name). */
  inFile(file: string, lineOffset = 0): InputError {
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
  constructor(readonly problems: readonly { rule: string; severity: string; file: string; line: number; column?: number; args: Record<string, string | number> }[]) {
    super(`the corpus or codebook has ${problems.length} consistency error${problems.length === 1 ? '' : 's'}`);
    this.name = 'InconsistentProject';
  }
}

/** A file name that would break a `file:line:column` line (a newline, another control character, a quote) is quoted. */
const UNSAFE_NAME = /[\u0000-\u001f\u007f-\u009f\u2028\u2029"]/;

/** A file name as shown before `:line:column`: as it is, or JSON-quoted where it holds such a character. */
function quoteFileName(name: string): string {
  return UNSAFE_NAME.test(name) ? JSON.stringify(name) : name;
}

/** "file:line:column" with the parts that are known (the file name quoted where it must be). */
export function formatPosition(p: SourcePosition): string {
  let s = p.file === undefined ? '' : quoteFileName(p.file);
  if (p.line !== undefined) {
    s += `${s ? ':' : ''}${p.line}`;
    if (p.column !== undefined) s += `:${p.column}`;
  }
  return s;
}

/** A --where key that no case, document or respondent has would silently select nothing. */
export function unknownAttribute(key: string, known: Iterable<string>): InputError {
  return new InputError(`--where ${key}=…: no case, document or respondent has the attribute "${key}"`, { hint: `attributes: ${[...known].sort().join(', ')}` });
}

/**
 * Several files that could not be read or parsed: a run reports them all (the first `errors.length`, in
 * the order the files are read, of `total`), so that ten broken front matters take one run to fix, not ten.
 */
export class InputErrors extends InputError {
  constructor(
    readonly errors: readonly InputError[],
    readonly total: number,
  ) {
    super(errors[0]!.message, errors[0]!);
    this.name = 'InputErrors';
  }
}

/** Collects the InputErrors of a run, keeping the first `limit`. */
export class ErrorCollector {
  readonly errors: InputError[] = [];
  total = 0;
  constructor(readonly limit = 50) {}

  /** fn(), or undefined when it throws an InputError (kept; any other error is thrown on). */
  attempt<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      this.add(e);
      return undefined;
    }
  }

  add(e: InputError): void {
    for (const one of e instanceof InputErrors ? e.errors : [e]) {
      if (this.errors.length < this.limit) this.errors.push(one);
    }
    this.total += e instanceof InputErrors ? e.total : 1;
  }

  /** Throw what was collected, if anything: one error as itself, several as InputErrors. */
  throwIfAny(): void {
    if (this.total === 1) throw this.errors[0]!;
    if (this.total > 1) throw new InputErrors(this.errors, this.total);
  }
}
