/** Text for XML (the .qdpx export, the .xlsx workbook). */

/** Characters XML 1.0 cannot hold: C0 controls but tab and line ends, lone surrogates, U+FFFE and U+FFFF. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** `s` as element content or a double-quoted attribute value: `& < > "` escaped, what XML cannot hold dropped. */
export const xmlText = (s: string): string => s.replace(NOT_XML, '').replace(/[&<>"]/g, (c) => ENTITY[c]!);
