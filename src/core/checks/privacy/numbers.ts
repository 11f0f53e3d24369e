/**
 * Phone numbers and BSNs: a pattern finds candidates in every common Dutch notation, then the rules
 * decide: the Dutch number plan (libphonenumber-js, full metadata) for phones, the elfproef for BSNs,
 * and the words before the number for both (see context.ts).
 */
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { followedByAmount, introducedAsOther } from './context.js';

export interface Span {
  start: number;
  end: number;
}

/**
 * +31, 0031 (each optionally with "(0)"), "(0" or 0, then nine digits with up to three separators
 * (space, no-break space, . / a closing bracket, or a hyphen or dash of any kind) before each; not glued
 * to a word, a longer number, a decimal or a time.
 */
const PHONE = /(?<![\p{L}\p{N}+_@]|\p{N}[./\p{Pd}])(?:(?:\+|00)31[ .\p{Pd}]?(?:\(0\)[ .\p{Pd}]?)?|\(0|0)(?:[\p{Zs}./)\p{Pd}]{0,3}\d){9}(?!\d|[.,:]\d)/gu;

/** Nine digits, or grouped 3-3-3 or 4-2-3 with one kind of separator (space, dot or dash). */
const NINE = /(?<![\p{L}\p{N}_]|\p{N}[\p{Zs}.,/\p{Pd}])(?:\d{9}|\d{3}([.\p{Zs}\p{Pd}])\d{3}\1\d{3}|\d{4}([.\p{Zs}\p{Pd}])\d{2}\2\d{3})(?!\d|[\p{Zs}.,/\p{Pd}]\d)/gu;

/** The elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and the number is not all zeros). */
export function elfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** Written like a date (dd-mm-yyyy …) or an ISBN (ends in a single check digit)? */
function oddGrouping(written: string): boolean {
  const groups = written.replace(/^(?:\+|00)31|\(0\)/g, ' ').split(/[^\d]+/).filter(Boolean);
  if (groups.length > 1 && groups.at(-1)?.length === 1) return true;
  const [d = '', m = '', y = ''] = groups;
  return Number(d) <= 31 && m !== '' && Number(m) <= 12 && m.length <= 2 && /^(?:19|20)\d\d/.test(y);
}

/** The national number (0…) of a candidate, or null. */
function national(written: string): string {
  const international = /^(?:\+|00)31/.test(written);
  const digits = written.replace(/\(0\)/, '').replace(/\D/g, '');
  return international ? '0' + digits.slice(written.startsWith('+') ? 2 : 4) : digits;
}

export function findPhones(text: string): Span[] {
  const out: Span[] = [];
  const valid = new Map<string, boolean>(); // the number plan check is the slow part; a number often recurs
  for (const m of text.matchAll(PHONE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (oddGrouping(m[0]) || introducedAsOther(text, start)) continue;
    const number = national(m[0]);
    let ok = valid.get(number);
    if (ok === undefined) valid.set(number, (ok = isValidPhoneNumber(number, 'NL')));
    if (ok) out.push({ start, end });
  }
  return out;
}

export function findBsns(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(NINE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!elfproef(m[0].replace(/\D/g, '')) || introducedAsOther(text, start) || followedByAmount(text, end)) continue;
    out.push({ start, end });
  }
  return out;
}
