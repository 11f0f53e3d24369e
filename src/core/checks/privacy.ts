/**
 * Personal data left in a text: e-mail addresses, Dutch phone numbers, BSNs that pass the elfproef, IBANs
 * that pass the mod-97 check, a postcode with a house number, and names the researcher lists.
 * Checksums keep ordinary numbers (years, amounts, case numbers) from being reported.
 */

export type PersonalDataKind = 'email' | 'telefoon' | 'bsn' | 'iban' | 'adres' | 'naam';

export interface PersonalData {
  kind: PersonalDataKind;
  /** UTF-16 offsets in the text, end exclusive. */
  start: number;
  end: number;
  match: string;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** +31 or 0031 or 0, then nine more digits, with spaces or dashes between; not inside a longer number. */
const PHONE = /(?<![\d+])(?:\+31|0031|0)(?:[ -]?\d){9}(?![\d])/g;
/** Nine digits, optionally grouped 3.3.3 or 3 3 3, not inside a longer number. */
const NINE_DIGITS = /(?<![\d.,])\d{3}[. ]?\d{3}[. ]?\d{3}(?![\d])/g;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g;
/** A postcode (1234 AB; SA, SD and SS are never issued) next to a house number, either order. */
const ADDRESS = /\b(?:[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}[ ,]+\d{1,5}[a-z]?\b|\d{1,5}[a-z]?,? +[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}\b)/g;

/** The elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and the number is not all zeros). */
export function elfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** ISO 13616: move the first four characters to the end, letters to numbers (A = 10), remainder mod 97 is 1. */
export function ibanValid(iban: string): boolean {
  const s = iban.replace(/ /g, '');
  if (s.length < 15 || s.length > 34) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function findPersonalData(text: string, names: readonly string[] = []): PersonalData[] {
  const hits: PersonalData[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
  const add = (kind: PersonalDataKind, m: RegExpExecArray) => {
    const start = m.index;
    const end = start + m[0].length;
    if (!free(start, end)) return;
    taken.push([start, end]);
    hits.push({ kind, start, end, match: m[0] });
  };
  const scan = (re: RegExp, kind: PersonalDataKind, accept: (s: string) => boolean = () => true) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) if (accept(m[0])) add(kind, m);
  };
  scan(EMAIL, 'email');
  scan(IBAN, 'iban', ibanValid);
  scan(PHONE, 'telefoon');
  scan(NINE_DIGITS, 'bsn', (s) => elfproef(s.replace(/[. ]/g, '')));
  scan(ADDRESS, 'adres');
  const wanted = names.map((n) => n.trim()).filter(Boolean);
  if (wanted.length > 0) {
    scan(new RegExp(`(?<![\\p{L}\\p{N}])(?:${wanted.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu'), 'naam');
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** What may be printed of a hit: enough to find it, not enough to read it back. */
export function mask(match: string): string {
  const chars = Array.from(match);
  const keep = Math.min(3, Math.floor(chars.length / 3));
  return chars.slice(0, keep).join('') + chars.slice(keep).map((c) => (/[\p{L}\p{N}]/u.test(c) ? '•' : c)).join('');
}
