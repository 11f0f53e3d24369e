/** Escaping for index.html: text and attribute values, and JSON inside a <script> element. */

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON that cannot end its <script> element or open a comment: `<`, `>`, `&` and line separators as \u escapes. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A fragment part: ids are written as they are, but anything outside [A-Za-z0-9._-] is percent-encoded. */
export const fragment = (id: string) => encodeURIComponent(id);
