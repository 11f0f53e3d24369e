/**
 * Speaker labels at the start of a line of a transcript. The default follows the convention MAXQDA,
 * ATLAS.ti and QualCoder share: a label of at most 63 characters followed by a colon, optionally after
 * `@` or `#` (`I:`, `Spreker 1:`, `@Jan:`); QualCoder's `[Name]` and `{Name}` too. `--speaker-pattern`
 * replaces it with the user's regular expression, which is checked before it is used (see userRule).
 */
import { InputError } from '../errors.js';

const LABEL_MAX = 63;
/** A label is looked for in the first this many characters of a line only: matching time is bounded. */
const LABEL_SCAN = 256;

export interface LabelMatch {
  label: string;
  /** The line after the label (and the blanks after it). */
  rest: string;
}

export interface LabelRule {
  match(line: string): LabelMatch | null;
  /** The user's pattern: every match is a label. The default's candidates need confirming (see isConfirmed). */
  exact: boolean;
}

const COLON = /^[@#]?([\p{L}\p{N}][^:\n]{0,62}?)[ \t]*:(?:[ \t]+|$)/u;
const BRACKETS = /^(?:\[([\p{Lu}\p{N}][^\]\n]{0,62})\]|\{([\p{Lu}\p{N}][^}\n]{0,62})\})[ \t]*:?(?:[ \t]+|$)/u;
/** Characters that make a "label" a clause of prose: `Dat zei ik toch, weet je: …`. */
const PROSE = /[?!,;"“”()[\]{}]/;

function plausible(label: string): boolean {
  return !PROSE.test(label) && label.split(/\s+/).length <= 6;
}

export const defaultRule: LabelRule = {
  exact: false,
  match(line) {
    const head = line.length > LABEL_SCAN ? line.slice(0, LABEL_SCAN) : line;
    const m = COLON.exec(head) ?? BRACKETS.exec(head);
    if (!m) return null;
    const label = (m[1] ?? m[2])!.trim();
    if (label === '' || !plausible(label) || /^\/\//.test(line.slice(m[0].length))) return null;
    return { label, rest: line.slice(m[0].length) };
  },
};

/** Labels the default accepts on sight (`I`, `R2`, `B1`, `IP`, `SPEAKER_01`, `Interviewer`); any other needs to open two lines, or be in the speakers map. */
const OBVIOUS = /^(?:[A-Z]{1,3}\d{0,3}|SPEAKER_\d{1,3}|[Ii]nterviewer|[Ii]nterviewster|[Ii]nt\.?)$/;

/**
 * Whether a candidate of the default rule is a speaker: a label the map knows, an obvious one, or one that
 * opens at least two lines of the document (a one-off `Kortom: …` is prose).
 */
export function isConfirmed(label: string, count: number, known: (label: string) => boolean): boolean {
  return known(label) || OBVIOUS.test(label) || count >= 2;
}

/** The largest user pattern accepted, in characters. */
const PATTERN_MAX = 200;

/**
 * The user's `--speaker-pattern`: a JavaScript regular expression with exactly one capture group (the
 * label), matched at the start of a line. Refused (exit 2): invalid syntax, not one group, a
 * backreference, or a quantified group that itself contains a quantifier (`(a+)+`), which can take
 * exponential time. Each line is matched on its first LABEL_SCAN characters only.
 */
export function userRule(source: string): LabelRule {
  const where = '--speaker-pattern';
  if (source.length > PATTERN_MAX) throw new InputError(`${where}: pattern longer than ${PATTERN_MAX} characters`, { hint: 'expected a short pattern such as "^([A-Z][a-z]+) >"' });
  let re: RegExp;
  try {
    re = new RegExp(source.replace(/^\^/, ''), 'uy');
  } catch (e) {
    throw new InputError(`${where}: not a valid regular expression (${(e as Error).message})`, { hint: 'expected a JavaScript regular expression with one capture group, e.g. "^([A-Z][a-z]+) >"' });
  }
  const groups = new RegExp(`${source}|`, 'u').exec('')!.length - 1;
  if (groups !== 1) throw new InputError(`${where}: the pattern has ${groups} capture groups`, { hint: 'expected exactly one: the label, e.g. "^([A-Z][a-z]+) >"; use (?:…) for other groups' });
  if (/\\[1-9]|\\k</.test(source)) throw new InputError(`${where}: backreferences are not allowed`, { hint: 'expected a pattern without \\1 or \\k<name>, which can take exponential time' });
  if (nestedQuantifier(source)) throw new InputError(`${where}: a repeated group contains a repetition, which can take exponential time`, { hint: 'expected no group like (a+)+ or (a|b*)*; repeat a character class instead, e.g. [A-Za-z ]+' });
  return {
    exact: true,
    match(line) {
      re.lastIndex = 0;
      const m = re.exec(line.length > LABEL_SCAN ? line.slice(0, LABEL_SCAN) : line);
      const label = m?.[1]?.trim();
      if (!m || !label || m[0].length === 0) return null;
      return { label: label.slice(0, LABEL_MAX), rest: line.slice(m[0].length).trimStart() };
    },
  };
}

/** Whether a group that holds a quantifier is itself followed by one (star height above 1). */
function nestedQuantifier(source: string): boolean {
  const stack: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      inClass = c !== ']';
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') stack.push(false);
    else if (c === ')') {
      const inner = stack.pop() ?? false;
      const next = source[i + 1];
      const quantified = next === '*' || next === '+' || next === '{';
      if (inner && quantified) return true;
      if (stack.length > 0 && (inner || quantified)) stack[stack.length - 1] = true;
    } else if ((c === '*' || c === '+' || c === '{') && stack.length > 0) stack[stack.length - 1] = true;
  }
  return false;
}
