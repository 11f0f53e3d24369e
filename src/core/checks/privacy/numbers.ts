/**
 * Phone numbers and BSNs: a pattern finds candidates in every common Dutch notation, then the rules
 * decide: the Dutch number plan (libphonenumber-js, full metadata) for phones, the elfproef for BSNs,
 * and the words before the number for both (see context.ts).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { followedByAmount, introducedAsOther } from './context.js';

export interface Span {
  start: number;
  end: number;
}

/**
 * +31, 0031 (each optionally with "(0)"), "(0" or 0, then nine digits with up to three separators
 * (space . - / or a closing bracket) before each; not glued to a word, a longer number, a decimal or a time.
 */
const PHONE = /(?<![\p{L}\p{N}+_@]|\p{N}[./-])(?:(?:\+|00)31[ .-]?(?:\(0\)[ .-]?)?|\(0|0)(?:[ ./)-]{0,3}\d){9}(?!\d|[.,:]\d)/gu;

/** Nine digits, or grouped 3-3-3 or 4-2-3 with one kind of separator (space, dot or dash). */
const NINE = /(?<![\p{L}\p{N}_]|\p{N}[ .,/-])(?:\d{9}|\d{3}([. -])\d{3}\1\d{3}|\d{4}([. -])\d{2}\2\d{3})(?!\d|[ .,/-]\d)/gu;

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
  PHONE.lastIndex = 0;
  for (let m = PHONE.exec(text); m; m = PHONE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (oddGrouping(m[0]) || introducedAsOther(text, start)) continue;
    if (parsePhoneNumberFromString(national(m[0]), 'NL')?.isValid()) out.push({ start, end });
  }
  return out;
}

export function findBsns(text: string): Span[] {
  const out: Span[] = [];
  NINE.lastIndex = 0;
  for (let m = NINE.exec(text); m; m = NINE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!elfproef(m[0].replace(/\D/g, '')) || introducedAsOther(text, start) || followedByAmount(text, end)) continue;
    out.push({ start, end });
  }
  return out;
}
