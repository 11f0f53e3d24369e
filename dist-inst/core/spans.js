/**
 * Pandoc bracketed spans: `[text]{.code-a .code-b}`, nested, with `\[` and `\]` as literal brackets.
 * A `[` that is not closed by `]{…}` is plain text (`[lacht]`, `[naam]`).
 * Offsets count Unicode code points of the plain text, end exclusive.
 */
import { InputError } from './errors.js';
import { codePointLength } from './text.js';
const ATTR_TOKEN = /^(?:\.[^\s.{}]+|#[^\s{}]+|[A-Za-z_][\w-]*=(?:"[^"]*"|\S+))$/;
/** Parse the attribute block that starts at `i` (a `{`), or return null when it is not one. */
function attributeBlock(raw, i, where, file) {
    if (raw[i] !== '{')
        return null;
    const close = raw.indexOf('}', i + 1);
    const newline = raw.indexOf('\n', i + 1);
    if (close === -1 || (newline !== -1 && newline < close))
        return null;
    const tokens = raw.slice(i + 1, close).trim().split(/\s+/).filter(Boolean);
    const valid = tokens.length > 0 && tokens.every((t) => ATTR_TOKEN.test(t));
    if (!valid) {
        if (tokens.some((t) => t.startsWith('.'))) {
            const { line, column } = where();
            throw new InputError(`malformed span attributes {${raw.slice(i + 1, close)}}`, {
                file,
                line,
                column,
                hint: 'expected code ids as classes, e.g. {.capaciteit .avg-privacy}',
            });
        }
        return null;
    }
    return { end: close + 1, codes: tokens.filter((t) => t.startsWith('.')).map((t) => t.slice(1)) };
}
/**
 * Remove span markup from `raw` (one turn, or a whole document without turns).
 * `firstLine` is the file line on which `raw` starts; `raw` starts at the beginning of that line.
 */
export function parseMarkup(raw, firstLine, file) {
    if (!raw.includes('[') && !raw.includes('\\'))
        return { plain: raw, length: codePointLength(raw), spans: [] };
    const escapes = new Set();
    const pairs = [];
    const stack = [];
    const positionOf = (index) => {
        let line = firstLine;
        let lineStart = 0;
        for (let k = raw.indexOf('\n'); k !== -1 && k < index; k = raw.indexOf('\n', k + 1)) {
            line++;
            lineStart = k + 1;
        }
        return { line, column: codePointLength(raw.slice(lineStart, index)) + 1 };
    };
    for (let i = 0; i < raw.length; i++) {
        const c = raw[i];
        if (c === '\\' && (raw[i + 1] === '[' || raw[i + 1] === ']')) {
            escapes.add(i);
            i++;
        }
        else if (c === '[') {
            stack.push(i);
        }
        else if (c === ']' && stack.length > 0) {
            const open = stack.pop();
            const attrs = attributeBlock(raw, i + 1, () => positionOf(i + 1), file);
            if (attrs) {
                pairs.push({ open, close: i, attrEnd: attrs.end, codes: attrs.codes });
                i = attrs.end - 1;
            }
        }
    }
    // Second pass: emit everything but the markup, noting plain offsets of each span's ends.
    const skip = new Map(); // raw index → raw index to continue at
    for (const i of escapes)
        skip.set(i, i + 1);
    const openAt = new Map();
    const closeAt = new Map();
    for (const p of pairs) {
        skip.set(p.open, p.open + 1);
        skip.set(p.close, p.attrEnd);
        openAt.set(p.open, p);
        closeAt.set(p.close, p);
    }
    const starts = new Map();
    const ends = new Map();
    let out = '';
    let cps = 0;
    let from = 0;
    const indices = [...skip.keys()].sort((a, b) => a - b);
    for (const i of indices) {
        const piece = raw.slice(from, i);
        out += piece;
        cps += codePointLength(piece);
        const o = openAt.get(i);
        if (o)
            starts.set(o, cps);
        const c = closeAt.get(i);
        if (c)
            ends.set(c, cps);
        from = skip.get(i);
    }
    const rest = raw.slice(from);
    out += rest;
    cps += codePointLength(rest);
    const spans = pairs
        .sort((a, b) => a.open - b.open)
        .map((p) => ({ codes: p.codes, start: starts.get(p), end: ends.get(p), ...positionOf(p.open) }));
    return { plain: out, length: cps, spans };
}
