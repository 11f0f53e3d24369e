/**
 * The one order for text in reports and messages: Dutch collation, fixed, whatever the user's locale.
 * `a.localeCompare(b)` takes the locale from the environment (LANG), so a colleague under
 * `LANG=da_DK.UTF-8` (where "aa" sorts after "z") got other reports and a failing `code --check`.
 * Dutch has no tailoring of its own in CLDR: this is the order the reports were made in under
 * LANG=C.UTF-8 and en_US, so shipped reports keep their bytes.
 */
const collator = new Intl.Collator('nl');

/** Compare two strings for sorting (negative, zero, positive), in the fixed Dutch collation. */
export const compareText = (a: string, b: string): number => collator.compare(a, b);
