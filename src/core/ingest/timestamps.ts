/**
 * Timestamps of transcription tools, taken out of the text of a line and kept apart (the writer puts the
 * first one of a turn in a comment after its label, see docs/ingest.md). Recognised:
 *
 * - anywhere in a line: `[00:03:12]`, `[03:12]`, `[00:03:12.5]`, `(00:03:12)` (hours required in round
 *   brackets), and f4/f5transkript's `#00:01:02-5#`;
 * - at the start of a line only, bare: `00:03:40.5 `, `0:03:40 `, `03:40 ` (a bare time elsewhere, "om
 *   10:30 uur", is text).
 *
 * Every pattern is a fixed sequence of bounded digit runs: matching is linear in the line's length.
 */

const FRACTION = String.raw`(?:[.,]\d{1,3})?`;
const ANYWHERE = new RegExp(
  String.raw`\[\s*((?:\d{1,2}:)?\d{1,2}:\d{2}${FRACTION})\s*\]|\(\s*(\d{1,2}:\d{2}:\d{2}${FRACTION})\s*\)|#(\d{1,2}:\d{2}:\d{2}(?:-\d{1,3})?)#`,
  'g',
);
const LEADING = new RegExp(String.raw`^\s*((?:\d{1,2}:)?\d{1,2}:\d{2}${FRACTION})(?:\s+|$)`);

/** A time as `hh:mm:ss` with an optional fraction after a dot: `3:12` → `00:03:12`, `01:02-5` → `…:02.5`. */
export function normalizeTime(written: string): string {
  const [clock, fraction] = written.split(/[.,-]/);
  const parts = clock!.split(':').map((p) => p.padStart(2, '0'));
  while (parts.length < 3) parts.unshift('00');
  return parts.join(':') + (fraction ? `.${fraction}` : '');
}

/** Seconds (a JSON export's `start`) as `hh:mm:ss` with tenths where there are any. */
export function secondsToTime(seconds: number): string {
  const tenths = Math.round(seconds * 10);
  const s = Math.floor(tenths / 10);
  const clock = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
  return tenths % 10 === 0 ? clock : `${clock}.${tenths % 10}`;
}

/** The line without its timestamps (spaces around them closed up), and the first one, normalised. */
export function takeTimes(line: string): { text: string; time?: string } {
  let time: string | undefined;
  let text = line;
  const leading = LEADING.exec(text);
  if (leading) {
    time = normalizeTime(leading[1]!);
    text = text.slice(leading[0].length);
  }
  if (text.includes(':')) {
    text = text.replace(ANYWHERE, (_, a?: string, b?: string, c?: string) => {
      time ??= normalizeTime((a ?? b ?? c)!);
      return ' ';
    });
  }
  if (time === undefined) return { text: line };
  return { text: text.replace(/[ \t]{2,}/g, ' ').replace(/ +([:.,?!])/g, '$1').trim(), time };
}
