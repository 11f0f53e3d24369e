/**
 * The words before a number that say what it is. A nine- or ten-digit number after "factuurnummer",
 * "ISBN" or "€" is not a BSN or a phone number, one after "BSN" or "tel." is: the nearest word decides.
 */

/** Words that make a number an amount, a reference or a registration number. */
const NOT_PERSONAL =
  /€|\b(?:EUR|euro|bedrag|subsidie|begroting|budget|kosten|schade|ISBN|ISSN|KvK|BTW|versie|ECLI|parket\w*|rolnummer)\b|(?:factuur|order|bestel|klant|kenmerk|artikel|referentie|\bref\b|zaak|dossier|polis|contract|relatie|pakket|project|registratie|debiteur|vergunning|transactie|boeking|zending|track)/giu;
/** Words that announce a BSN or a phone number. */
const PERSONAL = /\b(?:BSN|bsn-?nummer|burgerservice\w*|sofi\w*|tel|telefoon\w*|mobiel\w*|bel|belde|bellen|gsm|whatsapp|fax|bereikbaar|nummer is)\b/giu;

/** How far back (in characters, on the same line) a word still counts. */
const WINDOW = 40;

function lastEnd(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let end = -1;
  for (let m = re.exec(s); m; m = re.exec(s)) end = m.index + m[0].length;
  return end;
}

/** Is the number starting at `start` introduced as an amount or a reference rather than personal data? */
export function introducedAsOther(text: string, start: number): boolean {
  const window = text.slice(Math.max(0, start - WINDOW), start);
  const before = window.slice(window.lastIndexOf('\n') + 1); // not text.lastIndexOf: that reads back to the line start
  const other = lastEnd(NOT_PERSONAL, before);
  return other >= 0 && other > lastEnd(PERSONAL, before);
}

/** An amount: "… euro", "… EUR", "…,-" right after the number. */
export function followedByAmount(text: string, end: number): boolean {
  return /^\s?(?:euro\b|EUR\b|,-|miljoen\b|mln\b)/iu.test(text.slice(end, end + 10));
}
