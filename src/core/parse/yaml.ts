/**
 * YAML with positions: parse once, then ask where any path of the data stands,
 * so that input errors and lint problems can name file:line:column.
 */
import { createRequire } from 'node:module';
import type { Document } from 'yaml';
import { InputError } from '../errors.js';
import { parseSimpleYaml } from './yaml-fast.js';
import { pathKey, type ParsedYaml, type YamlCache, type YamlPositions } from './yaml-parsed.js';

export type YamlPath = readonly (string | number)[];

export interface YamlSource {
  /** The data as plain JavaScript (maps → objects, sequences → arrays). */
  data: unknown;
  file: string;
  /** Line and column (1-based) where the value at `path` starts; the nearest existing ancestor otherwise. */
  pos(path: YamlPath): { line: number; column: number };
  /** Where the key of the mapping entry at `path` is written (falls back to pos). */
  keyPos(path: YamlPath): { line: number; column: number };
}

/**
 * Parse `text` as YAML. `lineOffset` is added to every line (front matter starts on line 2 of its file).
 * A parse the fast path declines is looked up in `cache`, and kept there. Syntax errors and duplicate keys
 * are InputErrors at their position.
 */
export function parseYaml(text: string, file: string, lineOffset = 0, cache: YamlCache | null = null): YamlSource {
  let parsed = parseSimpleYaml(text) ?? cache?.get(text);
  if (!parsed) {
    parsed = parseFresh(text, file, lineOffset);
    cache?.set(text, parsed);
  }
  const { data, positions } = parsed;
  const lookup = (table: Record<string, [number, number]>, path: YamlPath) => {
    for (let n = path.length; n >= 0; n--) {
      const p = table[pathKey(path.slice(0, n))] ?? positions.value[pathKey(path.slice(0, n))];
      if (p) return { line: p[0] + lineOffset, column: p[1] };
    }
    return { line: 1 + lineOffset, column: 1 };
  };
  return { data, file, pos: (path) => lookup(positions.value, path), keyPos: (path) => lookup(positions.key, path) };
}

const requireHere = createRequire(import.meta.url);
/**
 * The yaml library, loaded on the first cache miss only (loading it is most of start-up when nothing
 * changed). Node's module registry keeps it once loaded: this module holds no state of its own.
 */
const yaml = () => requireHere('yaml') as typeof import('yaml');

// @testOnly: exported for test/core/parse/yaml-fast.test.ts, test/core/parse/yaml.test.ts
/** Parse with the yaml library (no fast path, no cache). */
export function parseFresh(text: string, file: string, lineOffset = 0): ParsedYaml {
  const { isNode, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  throwFirstError(doc, lineCounter, file, lineOffset);
  const at = (node: unknown): [number, number] | null => {
    if (!isNode(node) || !node.range) return null;
    const p = lineCounter.linePos(node.range[0]);
    return [p.line, p.col];
  };
  const firstAlias = checkNodes(doc.contents, (node, message) => {
    const [line, column] = at(node) ?? [1, 1];
    return new InputError(message, { file, line: line + lineOffset, column, hint: 'expected plain YAML: anchors before their aliases, a few levels of nesting' });
  });
  const positions = positionsOf(doc, at, file, lineOffset);
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }) as unknown, positions };
  } catch (e) {
    // the library's guard against aliases that expand without end ("billion laughs")
    if (!(e instanceof ReferenceError) || !/alias/i.test(e.message)) throw e;
    const [line, column] = at(firstAlias) ?? [1, 1];
    throw new InputError('aliases expand to too many values; an alias bomb?', {
      file,
      line: line + lineOffset,
      column,
      hint: 'expected plain YAML: write the values out, or use fewer aliases',
    });
  }
}

/** The library's first syntax error, as an input error at its position. */
function throwFirstError(doc: Document, lineCounter: import('yaml').LineCounter, file: string, lineOffset: number): void {
  const first = doc.errors[0];
  if (!first) return;
  const at = first.linePos?.[0] ?? lineCounter.linePos(first.pos[0]);
  const message = first.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
  const deep = /call stack/i.test(message);
  throw new InputError(deep ? `nested more than ${MAX_DEPTH} levels deep` : `invalid YAML: ${message}`, {
    file,
    line: at ? at.line + lineOffset : undefined,
    column: at?.col,
    hint: deep ? 'expected plain YAML: a few levels of nesting' : 'expected valid YAML (check indentation, colons and closing brackets)',
  });
}

/** Where every value and mapping key stands, by path; a key given twice in one mapping is an input error. */
function positionsOf(doc: Document, at: (node: unknown) => [number, number] | null, file: string, lineOffset: number): YamlPositions {
  const { isMap, isScalar, isSeq } = yaml();
  const positions: YamlPositions = { value: {}, key: {} };
  const walk = (node: unknown, path: (string | number)[]) => {
    const p = at(node);
    if (p) positions.value[pathKey(path)] = p;
    if (isMap(node)) {
      // Duplicate keys are found here with a Set: the library's own check compares every key with every
      // earlier one, and a cases.yaml of 20,000 cases took minutes.
      const keys = new Set<string>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        const child = [...path, name];
        const k = at(pair.key);
        if (keys.has(name)) {
          throw new InputError('invalid YAML: Map keys must be unique', { file, line: k ? k[0] + lineOffset : undefined, column: k?.[1], hint: `the key "${name}" is given twice in one mapping` });
        }
        keys.add(name);
        if (k) positions.key[pathKey(child)] = k;
        walk(pair.value, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    }
  };
  walk(doc.contents, []);
  return positions;
}

/** Deeper than this is refused: no werkscan file needs more than a few levels, and the parser recurses. */
const MAX_DEPTH = 100;

/**
 * Walk the document without recursion, in document order: refuse nesting deeper than MAX_DEPTH and an
 * alias to no anchor before it (what the library would throw, without a position, when converting).
 * Returns the first alias, if any.
 */
function checkNodes(root: unknown, fail: (node: unknown, message: string) => InputError): unknown {
  const { isAlias, isMap, isNode, isPair, isSeq } = yaml();
  const anchors = new Set<string>();
  let firstAlias: unknown = null;
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) throw fail(node, `nested more than ${MAX_DEPTH} levels deep`);
    if (isAlias(node)) {
      firstAlias ??= node;
      if (!anchors.has(node.source)) throw fail(node, `alias *${node.source} names no anchor before it`);
      continue;
    }
    if (isNode(node) && node.anchor) anchors.add(node.anchor);
    const children = isMap(node) || isSeq(node) ? node.items.flatMap((i) => (isPair(i) ? [i.key, i.value] : [i])) : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], depth + 1]);
  }
  return firstAlias;
}

/** A small reader for typed access to YAML data with precise errors. */
export class YamlReader {
  constructor(readonly src: YamlSource) {}

  fail(path: YamlPath, message: string, hint?: string): never {
    const { line, column } = this.src.pos(path);
    throw new InputError(message, { file: this.src.file, line, column, hint });
  }

  describe(path: YamlPath): string {
    return path.length === 0 ? 'the document' : `\`${path.join('.')}\``;
  }

  get(path: YamlPath): unknown {
    let v: unknown = this.src.data;
    for (const k of path) {
      if (v === null || typeof v !== 'object') return undefined;
      v = (v as Record<string | number, unknown>)[k];
    }
    return v;
  }

  map(path: YamlPath, optional = false): Record<string, unknown> | undefined {
    const v = this.get(path);
    if (v === undefined || v === null) {
      if (optional) return undefined;
      if (path.length === 0) this.fail(path, 'the file is empty', 'expected a mapping (key: value lines)');
      this.fail(path, `${this.describe(path)} is missing`, 'expected a mapping (key: value lines)');
    }
    if (typeof v !== 'object' || Array.isArray(v)) {
      this.fail(path, `${this.describe(path)} must be a mapping`, 'expected key: value lines');
    }
    return v as Record<string, unknown>;
  }

  list(path: YamlPath, optional = false): unknown[] | undefined {
    const v = this.get(path);
    if (v === undefined || v === null) {
      if (optional) return undefined;
      this.fail(path, `${this.describe(path)} is missing`, 'expected a list (lines starting with "- ")');
    }
    if (!Array.isArray(v)) this.fail(path, `${this.describe(path)} must be a list`, 'expected lines starting with "- " or [a, b]');
    return v;
  }

  string(path: YamlPath, optional: true): string | undefined;
  string(path: YamlPath, optional?: false): string;
  string(path: YamlPath, optional = false): string | undefined {
    const v = this.get(path);
    if (v === undefined || v === null) {
      if (optional) return undefined;
      this.fail(path, `${this.describe(path)} is missing`, 'expected a text value');
    }
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    this.fail(path, `${this.describe(path)} must be a text value`, 'expected a single value, not a list or mapping');
  }

  strings(path: YamlPath): string[] {
    const v = this.get(path);
    if (v === undefined || v === null) return [];
    if (typeof v === 'string') return [v];
    const list = this.list(path) ?? [];
    return list.map((_, i) => this.string([...path, i]));
  }
}
