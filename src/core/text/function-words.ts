/**
 * Function words per language: articles, pronouns, prepositions, conjunctions, auxiliaries and the fillers
 * of spoken Dutch. They set no code apart, so `terms suggest` never proposes them, alone or as half of a
 * pair ("contact met" is "contact"). Negations are here too: as a term "niet" finds every denial; the
 * matcher reads them as negation (clauses.ts), not as words of a code.
 */
const NL = `aan af al alle alleen alles als altijd andere beetje ben bent best bij bijvoorbeeld daar daardoor daarom
dan dat de der deze die dit doch doen door dus echt een eens eigenlijk elkaar en er erg even ge geen
geweest gewoon haar had hadden heb hebben heeft heel hem hen het hier hij hoe hun iemand iets ik in is
ja je jij jou jullie kan kon kun kunnen maar me mee meer men met mij mijn moet moeten 'n na naar
natuurlijk nee niet niets nog nogal nou nu of om omdat ons onze ook op over s soms t 't te tegen toch
toe toen tot u uit uw vaak van veel voor waar waarom wanneer want waren was wat we wel welk welke werd
wie wij wil worden wordt zal ze zeg zeggen zegt zei zelf zich zij zijn zo zodat zonder zou zouden`;

const EN = `a about above after again all also am an and another any are as at be because been before being
below between both but by can cannot could did do does doing down during each few for from further had
has have having he her here hers him his how i if in into is it its itself just me more most my no nor not
now of off on once only or other our ours out over own same she should so some such than that the their
them then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yeah okay ok well really actually`;

const FUNCTION_WORDS: Record<'nl' | 'en', ReadonlySet<string>> = {
  nl: new Set(NL.split(/\s+/)),
  en: new Set(EN.split(/\s+/)),
};

/** Whether `word` (lower case, as written) is a function word of `language`. */
export const isFunctionWord = (word: string, language: 'nl' | 'en'): boolean => FUNCTION_WORDS[language].has(word);
