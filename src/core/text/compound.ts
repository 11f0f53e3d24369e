import type { Lexicon } from '../model.js';

/**
 * Splitting a closed Dutch compound (trajectbegeleiders, beleidsmedewerker) into modifier and head.
 *
 * A split of a word into modifier + head is licensed when both are words of the lexicon, of at least
 * three letters each. The modifier may carry a linking element (-s-, -e-, -en-): beleids|medewerker is
 * licensed by "beleid". The head may be inflected (-s, -en, -n, -e, -es, with an undoubled consonant
 * before -en): traject|begeleiders is licensed by "begeleider". Every licensed split point counts, so
 * jongerenwerkcoach gives the heads werkcoach and coach and the modifiers jongeren and jongerenwerk.
 * Only words of letters a–z (normalised) of at least six letters are split.
 */
export interface CompoundParts {
  /** First parts, as written and without their linking element. */
  modifiers: string[];
  /** Last parts, as written. */
  heads: string[];
}

const MIN = 3;
const LETTERS = /^[a-z]+$/;

/** The parts of `norm` (a normalised word), or null when no split is licensed. */
export function compoundParts(norm: string, lexicon: Lexicon): CompoundParts | null {
  if (norm.length < 2 * MIN || !LETTERS.test(norm)) return null;
  const modifiers = new Set<string>();
  const heads = new Set<string>();
  for (let i = MIN; i <= norm.length - MIN; i++) {
    const head = norm.slice(i);
    if (!isHead(head, lexicon)) continue;
    const base = modifierBase(norm.slice(0, i), lexicon);
    if (base === null) continue;
    modifiers.add(norm.slice(0, i));
    modifiers.add(base);
    heads.add(head);
  }
  return heads.size === 0 ? null : { modifiers: [...modifiers], heads: [...heads] };
}

/** Is `head` a word of the lexicon, or an inflected form of one? */
function isHead(head: string, lexicon: Lexicon): boolean {
  if (lexicon.has(head)) return true;
  for (const suffix of ['s', 'en', 'n', 'e', 'es']) {
    if (!head.endsWith(suffix)) continue;
    const bare = head.slice(0, -suffix.length);
    if (bare.length < MIN) continue;
    if (lexicon.has(bare)) return true;
    // gesprekken → gesprek: a consonant doubled before -en
    if (suffix === 'en' && bare.length > MIN && bare.at(-1) === bare.at(-2) && lexicon.has(bare.slice(0, -1))) return true;
  }
  return false;
}

/** The word a modifier stands for (without its linking element), or null when it is none. */
function modifierBase(modifier: string, lexicon: Lexicon): string | null {
  if (lexicon.has(modifier)) return modifier;
  for (const link of ['s', 'en', 'e']) {
    if (!modifier.endsWith(link)) continue;
    const bare = modifier.slice(0, -link.length);
    if (bare.length >= MIN && lexicon.has(bare)) return bare;
  }
  return null;
}
