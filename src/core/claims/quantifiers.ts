/** Dutch verbal quantifiers: when "k of n" may be called "enkele", "alle", "drie", … */
import type { Bound, QuantifierRule, QuantifierTable, WordingBand } from '../model.js';
import { fold } from '../text/positions.js';
import { parseYaml, YamlReader, type YamlPath } from '../parse/yaml.js';
import type { YamlCache } from '../parse/yaml-parsed.js';

const HALF_EXCL: Bound = { share: 0.5, exclusive: true };

/** The SPEC's default table. Keys are folded (lowercase, no accents). */
export const DEFAULT_QUANTIFIERS: ReadonlyMap<string, QuantifierRule> = new Map<string, QuantifierRule>([
  ['geen', { max: { count: 0 } }],
  ['een', { min: { count: 1 }, max: { count: 1 } }],
  ['enkele', { min: { count: 2 }, max: { share: 0.5, exclusive: true } }],
  ['ongeveer de helft', { around: { share: 0.5, tolerance: 0.1 } }],
  ['meer dan de helft', { min: HALF_EXCL }],
  ['de meerderheid', { min: HALF_EXCL }],
  ['het merendeel', { min: HALF_EXCL }],
  ['bijna alle', { min: { share: 0.75 }, max: { share: 1, exclusive: true } }],
  ['alle', { min: { share: 1 } }],
]);

const UNITS = ['nul', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen'];
const TEENS = ['tien', 'elf', 'twaalf', 'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien'];
const TENS: Record<string, number> = { twintig: 20, dertig: 30, veertig: 40, vijftig: 50, zestig: 60, zeventig: 70, tachtig: 80, negentig: 90 };

// @testOnly: exported for test/core/claims/quantifiers.test.ts
/** A Dutch numeral word or digits (0–999 in words up to "negenennegentig", "honderd"), or null. */
export function numeral(word: string): number | null {
  const w = fold(word);
  if (/^\d+$/.test(w)) return Number(w);
  const u = UNITS.indexOf(w);
  if (u >= 0) return u;
  const t = TEENS.indexOf(w);
  if (t >= 0) return 10 + t;
  if (Object.hasOwn(TENS, w)) return TENS[w]!;
  if (w === 'honderd') return 100;
  const m = /^(een|twee|drie|vier|vijf|zes|zeven|acht|negen)en(twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)$/.exec(w);
  if (m) return UNITS.indexOf(m[1]!) + TENS[m[2]!]!;
  return null;
}

export function lookupQuantifier(table: QuantifierTable, name: string): QuantifierRule | null {
  const key = fold(name);
  const rule = table.get(key);
  if (rule) return rule;
  const n = numeral(key);
  return n === null ? null : { min: { count: n }, max: { count: n } };
}

function meetsMin(k: number, n: number, b: Bound): boolean {
  if ('count' in b) return k >= b.count;
  return b.exclusive ? k > b.share * n : k >= b.share * n - 1e-9;
}

function meetsMax(k: number, n: number, b: Bound): boolean {
  if ('count' in b) return k <= b.count;
  return b.exclusive ? k < b.share * n - 1e-9 : k <= b.share * n + 1e-9;
}

/** Does "k of n" bear out the quantifier? */
export function holds(rule: QuantifierRule, k: number, n: number): boolean {
  if (rule.around && Math.abs(k - rule.around.share * n) > Math.max(1, rule.around.tolerance * n) + 1e-9) return false;
  if (rule.min && !meetsMin(k, n, rule.min)) return false;
  if (rule.max && !meetsMax(k, n, rule.max)) return false;
  return true;
}

/** A bound at `path`: a whole number (a count) or { share, exclusive? }; undefined when absent. */
function readBound(r: YamlReader, path: YamlPath): Bound | undefined {
  const v = r.get(path);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return { count: v };
  if (typeof v === 'object' && !Array.isArray(v)) {
    const share = r.get([...path, 'share']);
    const exclusive = r.get([...path, 'exclusive']);
    if (typeof share === 'number' && share >= 0 && share <= 1 && (exclusive === undefined || typeof exclusive === 'boolean')) {
      return { share, exclusive: exclusive === true };
    }
  }
  return r.fail(path, `bound ${r.describe(path)} is not a count or a share`, 'expected a whole number (a count), or { share: 0.5 } with optional exclusive: true');
}

/** Parse `codebook/quantifiers.yaml` and lay it over the defaults. */
export function parseQuantifiers(text: string, file: string, base: QuantifierTable = DEFAULT_QUANTIFIERS, cache: YamlCache | null = null): QuantifierTable {
  const r = new YamlReader(parseYaml(text, file, 0, cache));
  r.map([]);
  const table = new Map(base);
  const entries = r.map(['quantifiers'])!;
  for (const name of Object.keys(entries)) {
    const path = ['quantifiers', name];
    const m = r.map(path)!;
    for (const key of Object.keys(m)) {
      if (!['min', 'max', 'around', 'tolerance'].includes(key)) {
        r.fail([...path, key], `unknown key \`${key}\` in quantifier "${name}"`, 'expected min, max, or around with tolerance');
      }
    }
    const rule: QuantifierRule = { min: readBound(r, [...path, 'min']), max: readBound(r, [...path, 'max']), origin: { file, ...r.src.keyPos(path) } };
    const around = r.get([...path, 'around']);
    if (around !== undefined) {
      const a = readBound(r, [...path, 'around']);
      const tolerance = r.get([...path, 'tolerance']) ?? 0.1;
      if (!a || !('share' in a) || typeof tolerance !== 'number') {
        return r.fail([...path, 'around'], '`around` needs a share and a numeric tolerance', 'expected around: { share: 0.5 }, tolerance: 0.1');
      }
      rule.around = { share: a.share, tolerance };
    }
    if (!rule.min && !rule.max && !rule.around) {
      r.fail(path, `quantifier "${name}" sets no bound`, 'expected min, max, or around');
    }
    table.set(fold(name), rule);
  }
  return table;
}

const share = (x: number, exclusive = false): Bound => ({ share: x, exclusive });

/**
 * werkscan's default wording where quantifiers.yaml has no `wording:`: the bands derived from the report's
 * own claims (docs/wording.md). The shipped study's quantifiers.yaml writes the same bands out.
 */
export const DEFAULT_WORDING: readonly WordingBand[] = [
  { quantifier: 'geen', words: { nl: 'geen', en: 'none' }, rule: { max: { count: 0 } } },
  { quantifier: 'één', words: { nl: 'één', en: 'one' }, rule: { min: { count: 1 }, max: { count: 1 } } },
  { quantifier: 'alle', words: { nl: 'alle', en: 'all' }, rule: { min: share(1) } },
  { quantifier: 'bijna alle', words: { nl: 'bijna alle', en: 'nearly all' }, rule: { min: share(0.8), max: share(1, true) } },
  { quantifier: 'de meeste', words: { nl: 'de meeste', en: 'most' }, rule: { min: share(0.5, true), max: share(0.8, true) } },
  { quantifier: 'ongeveer de helft', words: { nl: 'ongeveer de helft', en: 'about half' }, rule: { min: share(0.5), max: share(0.5) } },
  { quantifier: 'enkele', words: { nl: 'enkele', en: 'a few' }, rule: { min: { count: 2 }, max: share(0.5, true) } },
];

/**
 * The `wording:` list of quantifiers.yaml (docs/wording.md), or null when the file has none. Each band
 * names a quantifier of `table` (so a claim and the default speak the same language), the words per
 * report language, and min/max like a quantifier.
 */
export function parseWording(text: string, file: string, table: QuantifierTable, cache: YamlCache | null = null): WordingBand[] | null {
  const r = new YamlReader(parseYaml(text, file, 0, cache));
  if (r.get(['wording']) === undefined) return null;
  return (r.list(['wording']) ?? []).map((_, i) => {
    const path = ['wording', i];
    for (const key of Object.keys(r.map(path)!)) {
      if (!['quantifier', 'nl', 'en', 'min', 'max'].includes(key)) r.fail([...path, key], `unknown key \`${key}\` in a wording band`, 'expected quantifier, nl, en, min and max');
    }
    const quantifier = r.string([...path, 'quantifier']);
    if (!lookupQuantifier(table, quantifier)) r.fail([...path, 'quantifier'], `wording band names unknown quantifier "${quantifier}"`, 'expected a quantifier of the default table or of `quantifiers:` above');
    const rule: QuantifierRule = { min: readBound(r, [...path, 'min']), max: readBound(r, [...path, 'max']), origin: { file, ...r.src.pos(path) } };
    if (!rule.min && !rule.max) r.fail(path, `wording band "${quantifier}" sets no bound`, 'expected min, max or both');
    return { quantifier, words: { nl: r.string([...path, 'nl'], true) ?? quantifier, en: r.string([...path, 'en']) }, rule };
  });
}

/** "2 ≤ k < n/2"-style description of a rule, for tables and messages. */
export function describeRule(rule: QuantifierRule): string {
  const b = (x: Bound) => ('count' in x ? String(x.count) : x.share === 1 ? 'n' : `${x.share}·n`);
  const parts: string[] = [];
  if (rule.around) parts.push(`|k − ${rule.around.share}·n| ≤ max(1, ${rule.around.tolerance}·n)`);
  if (rule.min && rule.max && 'count' in rule.min && 'count' in rule.max && rule.min.count === rule.max.count) return `k = ${rule.min.count}`;
  if (rule.min) parts.push(`k ${'exclusive' in rule.min && rule.min.exclusive ? '>' : '≥'} ${b(rule.min)}`);
  if (rule.max) parts.push(`k ${'exclusive' in rule.max && rule.max.exclusive ? '<' : '≤'} ${b(rule.max)}`);
  return parts.join(', ');
}
