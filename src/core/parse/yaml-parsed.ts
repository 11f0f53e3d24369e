/**
 * What a YAML parse gives, whichever parser made it (the fast path of yaml-fast.ts or the yaml library in
 * yaml.ts), and the cache that keeps it between runs (installed by the I/O layer, passed to parseYaml).
 */

/** Positions of every value and mapping key, by path (keys joined with NUL), as raw 1-based [line, column]. */
export interface YamlPositions {
  value: Record<string, [number, number]>;
  key: Record<string, [number, number]>;
}

/** A parsed YAML text, as a cache can keep it (plain JSON). */
export interface ParsedYaml {
  data: unknown;
  positions: YamlPositions;
}

/** Somewhere to keep parses between runs (parsing YAML is the slow part of start-up); null: no cache. */
export interface YamlCache {
  get(text: string): ParsedYaml | undefined;
  set(text: string, parsed: ParsedYaml): void;
}

/** The key of a path in YamlPositions. */
export const pathKey = (path: readonly (string | number)[]) => path.join('\u0000');
