/**
 * Personal data left in a text: e-mail addresses, Dutch phone numbers, BSNs that pass the elfproef, IBANs
 * that pass the mod-97 check, a postcode with a house number, and names the researcher lists.
 * Checksums, the Dutch number plan and the words before a number keep ordinary numbers (years, amounts,
 * invoice and order numbers, ISBNs) from being reported. Linear in the text.
 */
import { elfproef, findBsns, findPhones, type Span } from './privacy/numbers.js';
import { findAddresses, findEmails, findIbans, ibanValid } from './privacy/patterns.js';
import { isToolLabel } from '../ingest/speaker-map.js';
import { splitFrontMatter } from '../parse/document.js';
import { parseYaml } from '../parse/yaml.js';

export { elfproef, ibanValid };

export type PersonalDataKind = 'email' | 'telefoon' | 'bsn' | 'iban' | 'adres' | 'naam';

export interface PersonalData {
  kind: PersonalDataKind;
  /** UTF-16 offsets in the text, end exclusive. */
  start: number;
  end: number;
  match: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function findNames(text: string, names: readonly string[]): Span[] {
  const wanted = names.map((n) => n.trim()).filter(Boolean);
  if (wanted.length === 0) return [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${wanted.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Detectors in order of precedence: where two overlap, the earlier one keeps the text. */
export function findPersonalData(text: string, names: readonly string[] = []): PersonalData[] {
  const detectors: [PersonalDataKind, (t: string) => Span[]][] = [
    ['email', findEmails],
    ['iban', findIbans],
    ['telefoon', findPhones],
    ['bsn', findBsns],
    ['adres', findAddresses],
    ['naam', (t) => findNames(t, names)],
  ];
  const taken = new Uint8Array(text.length);
  const hits: PersonalData[] = [];
  for (const [kind, find] of detectors) {
    for (const { start, end } of find(text)) {
      if (taken.subarray(start, end).includes(1)) continue;
      taken.fill(1, start, end);
      hits.push({ kind, start, end, match: text.slice(start, end) });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * The respondents' `label`s in the front matter of a document `werkscan ingest` wrote (its `source:` has a
 * `converter`) — ingest keeps a speaker's label there when it had no speakers map (`label: Jan de Vries`) —
 * that are not a tool's label (`Spreker 1`, `SPEAKER_00`). The privacy scan looks for them in every file,
 * as it does for the names given with --names. A label in a document written by hand is a pseudonym the
 * researcher chose (docs/formats.md), not looked for; a file whose front matter does not parse has none.
 */
export function labelNames(text: string, file = 'document'): string[] {
  if (!text.startsWith('---')) return [];
  let front: unknown;
  try {
    front = parseYaml(splitFrontMatter(text.replace(/\r\n/g, '\n'), file).yaml, file).data;
  } catch {
    return []; // lint reports a broken document; privacy scans its text all the same
  }
  const { source, respondents } = (front ?? {}) as { source?: unknown; respondents?: unknown };
  if (source === null || typeof source !== 'object' || !('converter' in source) || !Array.isArray(respondents)) return [];
  return respondents
    .map((r) => (r !== null && typeof r === 'object' && 'label' in r && typeof r.label === 'string' ? r.label.trim() : ''))
    .filter((name) => name !== '' && !isToolLabel(name));
}

/** What may be printed of a hit: enough to find it, not enough to read it back. */
export function mask(match: string): string {
  const chars = Array.from(match);
  const keep = Math.min(3, Math.floor(chars.length / 3));
  return chars.slice(0, keep).join('') + chars.slice(keep).map((c) => (/[\p{L}\p{N}]/u.test(c) ? '•' : c)).join('');
}
