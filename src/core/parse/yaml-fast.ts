/**
 * A fast path for the YAML that front matter is nearly always made of: `key: value` lines, and lists of
 * respondents as `- { id: R1, role: … }` or `- id: R1` blocks, with plain or simply quoted scalars.
 * It gives exactly what the yaml library gives (data and positions; a test compares the two on
 * generated input) and returns null for anything else — comments after values, numbers, anchors,
 * escapes, duplicate keys, block scalars — which then goes to the yaml library.
 *
 * Why: a large corpus has one front matter per document, and the yaml library needs ~25 µs for each
 * (a quarter of the time of automatic coding on 100 MB), the on-disk parse cache a file per document.
 */
import { pathKey, type ParsedYaml, type YamlPositions } from './yaml-parsed.js';

const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** A plain scalar that the core schema reads as a string in block and flow context alike. */
const PLAIN = /^[\p{L}\p{N}_][\p{L}\p{N}\p{M} _./()'+&-]*$/u;
const NOT_STRING = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const DOUBLE = /^"([^"\\]*)"$/;
const SINGLE = /^'([^']*)'$/;

type Scalar = string;
interface Ctx {
  positions: YamlPositions;
}

/** A scalar as the core schema reads it, when it is certainly a string; null otherwise. */
function scalar(raw: string): Scalar | null {
  const q = DOUBLE.exec(raw) ?? SINGLE.exec(raw);
  if (q) return q[1]!;
  if (!PLAIN.test(raw) || NOT_STRING.test(raw)) return null;
  return raw;
}

/** Split `key: value` (the value may be empty; restCol is where it starts, 0-based); null when it is not one. */
function pair(text: string): { key: string; rest: string; restCol: number } | null {
  const colon = text.indexOf(':');
  if (colon <= 0) return null;
  const key = text.slice(0, colon);
  if (!KEY.test(key) || NOT_STRING.test(key)) return null;
  const after = text.slice(colon + 1);
  if (after !== '' && after[0] !== ' ') return null;
  const rest = after.trim();
  return { key, rest, restCol: colon + 1 + (after.length - after.trimStart().length) };
}

/** `{ k: v, k: v }` at line `line`, column `col` (0-based) of its `{`; null when not simple. */
function flowMap(ctx: Ctx, raw: string, line: number, col: number, path: (string | number)[]): Record<string, string> | null {
  if (!raw.startsWith('{') || !raw.endsWith('}')) return null;
  const inner = raw.slice(1, -1);
  if (inner.trim() === '') return null;
  const out: Record<string, string> = {};
  let offset = 1;
  const base = `${pathKey(path)}\u0000`;
  for (const part of inner.split(',')) {
    const lead = part.length - part.trimStart().length;
    const p = pair(part.trim());
    if (!p || p.rest === '' || Object.hasOwn(out, p.key)) return null;
    const value = scalar(p.rest);
    if (value === null) return null;
    out[p.key] = value;
    const keyCol = col + offset + lead;
    const key = base + p.key; // = pathKey([...path, p.key])
    ctx.positions.key[key] = [line, keyCol + 1];
    ctx.positions.value[key] = [line, keyCol + p.restCol + 1];
    offset += part.length + 1;
  }
  ctx.positions.value[pathKey(path)] = [line, col + 1];
  return out;
}

/**
 * Parse `text` if it is simple front matter; null sends it to the yaml library. Long: the hot path of
 * loading a corpus, one pass over the lines kept in one piece (it runs once per document).
 */
export function parseSimpleYaml(text: string): ParsedYaml | null {
  // Only spaces and line breaks as white space (String.trim knows more than YAML does), no comments.
  if (/[^\S \n]/.test(text) || text.includes('#')) return null;
  const lines = text.split('\n');
  const ctx: Ctx = { positions: { value: {}, key: {} } };
  const data: Record<string, unknown> = {};
  let i = 0;
  const blank = (s: string) => s.trim() === '';
  while (i < lines.length && blank(lines[i]!)) i++;
  if (i === lines.length) return null;
  ctx.positions.value[''] = [i + 1, 1];
  while (i < lines.length) {
    const line = lines[i]!;
    if (blank(line)) {
      i++;
      continue;
    }
    if (line[0] === ' ') return null;
    const p = pair(line.trimEnd());
    if (!p || Object.hasOwn(data, p.key)) return null;
    ctx.positions.key[pathKey([p.key])] = [i + 1, 1];
    if (p.rest !== '') {
      const value = scalar(p.rest);
      if (value === null) return null;
      data[p.key] = value;
      ctx.positions.value[pathKey([p.key])] = [i + 1, p.restCol + 1];
      i++;
      continue;
    }
    // `key:` then a block sequence of flow maps or block maps.
    i++;
    const items: unknown[] = [];
    let dashCol = -1;
    let firstLine = 0;
    while (i < lines.length) {
      const item = lines[i]!;
      if (blank(item)) {
        i++;
        continue;
      }
      const indent = item.length - item.trimStart().length;
      if (!item.startsWith('- ', indent) && item.trim() !== '-') {
        if (indent === 0) break;
        return null;
      }
      if (dashCol === -1) {
        dashCol = indent;
        firstLine = i + 1;
      } else if (indent !== dashCol) return null;
      const path = [p.key, items.length];
      const body = item.slice(indent + 1).trimStart();
      const bodyCol = item.length - body.length;
      if (body.trimEnd() === '') return null;
      if (body.startsWith('{')) {
        const m = flowMap(ctx, body.trimEnd(), i + 1, bodyCol, path);
        if (!m) return null;
        items.push(m);
        i++;
        continue;
      }
      // `- k: v` and then `  k: v` lines aligned with the first key.
      const map: Record<string, string> = {};
      ctx.positions.value[pathKey(path)] = [i + 1, bodyCol + 1];
      let first = true;
      while (i < lines.length) {
        const cur = lines[i]!;
        if (!first) {
          if (blank(cur)) return null;
          const ind = cur.length - cur.trimStart().length;
          if (ind < bodyCol) break;
          if (ind !== bodyCol) return null;
        }
        const kv = pair((first ? body : cur.slice(bodyCol)).trimEnd());
        if (!kv || kv.rest === '' || Object.hasOwn(map, kv.key)) return null;
        const value = scalar(kv.rest);
        if (value === null) return null;
        map[kv.key] = value;
        ctx.positions.key[pathKey([...path, kv.key])] = [i + 1, bodyCol + 1];
        ctx.positions.value[pathKey([...path, kv.key])] = [i + 1, bodyCol + kv.restCol + 1];
        first = false;
        i++;
      }
      items.push(map);
    }
    if (items.length === 0) return null;
    data[p.key] = items;
    ctx.positions.value[pathKey([p.key])] = [firstLine, dashCol + 1];
  }
  return { data, positions: ctx.positions };
}
