/** E-mail addresses, IBANs and a postcode with a house number. */
import { countrySpecs, isValidIBAN } from 'ibantools';
import type { Span } from './numbers.js';

/**
 * Local part and domain in any script (josé@café.nl); a match starts only where a run of local-part
 * characters starts, so a long run without "@" is read once, not once per character.
 */
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}-])/gu;

export function findEmails(text: string): Span[] {
  return [...text.matchAll(EMAIL)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** ISO 13616 (mod 97) and the country's BBAN structure, by ibantools; spaces and case do not matter. */
export function ibanValid(iban: string): boolean {
  return isValidIBAN(iban.replace(/[\s-]/g, '').toUpperCase());
}

const IBAN_START = /(?<![\p{L}\p{N}])[A-Za-z]{2} ?\d{2}/gu;
const ALNUM = /[A-Za-z0-9]/;

/**
 * From a country code and check digits, take exactly as many characters as that country's IBAN has,
 * allowing one space or dash between them: what follows (a BIC, "EUR 250") is not read into it.
 */
function ibanAt(text: string, start: number): number {
  const chars = countrySpecs[text.slice(start, start + 2).toUpperCase()]?.chars;
  if (!chars) return -1;
  let n = 0;
  let i = start;
  while (n < chars && i < text.length) {
    if (ALNUM.test(text[i] ?? '')) {
      n++;
      i++;
    } else if ((text[i] === ' ' || text[i] === '-') && ALNUM.test(text[i + 1] ?? '') && n >= 2) i++;
    else break;
  }
  if (n < chars || ALNUM.test(text[i] ?? '')) return -1;
  return i;
}

export function findIbans(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(IBAN_START)) {
    const end = ibanAt(text, m.index);
    if (end > 0 && ibanValid(text.slice(m.index, end))) out.push({ start: m.index, end });
  }
  return out;
}

/** Two-letter words that follow a number in ordinary Dutch ("in 2019 en 12 scholen"): never lower-case postcode letters. */
const WORDS = new Set(['de', 'en', 'in', 'is', 'op', 'te', 'om', 'ik', 'je', 'we', 'ze', 'al', 'nu', 'er', 'of', 'na', 'zo', 'ja', 'uw', 'ha', 'km', 'kg', 'cm', 'mm', 'pp', 'ca', 'me', 'da', 'ga', 'do', 'ok', 'tv', 'pc', 'nr', 'uu', 'an', 'at', 'by', 'to', 'on', 'or', 'as', 'be', 'it', 'no', 'so']);

const PC = String.raw`[1-9]\d{3}[ \u00a0]?(?:[A-Z]{2}|[a-z]{2})(?!\p{L})`;
const HOUSE = String.raw`\d{1,5}(?:-\d{1,3}|[a-zA-Z](?!\p{L}))?`;
const NR = String.raw`(?:nr\.?|huisnr\.?|huisnummer|no\.?)`;
/** A postcode (SA, SD and SS are never issued) with a house number after it ("nr." between allowed) or before it. */
const ADDRESS = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,/-])(?:(${PC})(?:,? ?${NR}? ?|,? )${HOUSE}(?!\p{N}|[.,]\d)|${HOUSE},? (${PC}))`,
  'gu',
);

export function findAddresses(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(ADDRESS)) {
    const letters = (m[1] ?? m[2] ?? '').slice(-2);
    if (/^S[ADS]$/.test(letters) || WORDS.has(letters)) continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}
