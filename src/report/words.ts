/**
 * Every fixed word of the reports `werkscan code` writes, once per language a report can be written in.
 * `Words` is the catalogue's shape: each language is declared as `Words`, so TypeScript refuses a
 * language that lacks a key (or has one too many). Sentences with values are functions. What comes from
 * the project (codebook labels, claims, notes, nouns, attribute values) is not here: it is written as
 * given. CSV files have no words here: their headers are identifiers, the same in every language.
 * Terminal tables of the commands (`freq`, `compare`, `findings`) are English (`WORDS.en`).
 */
import { phrase as phraseNl } from '../core/claims/wording.js';
import type { ProjectSettings } from '../core/model.js';

/** What the reports call one group of the comparison axis, and several: "onderzoekslijn", "onderzoekslijnen". */
export type GroupWord = NonNullable<NonNullable<ProjectSettings['comparison']>['groupWord']>;


// @testOnly: exported for test/report/words.test.ts
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
/** The language of reports when the project does not say. */
export const DEFAULT_LANGUAGE: Language = 'nl';

type Counts = (reproduced: number, known: number, failed: number) => string;

export interface Words {
  /** Column headers shared by several reports; the units also name the frequency columns. */
  header: { code: string; label: string; category: string; segments: string; documents: string; respondents: string; cases: string };
  frequencies: { title: (study: string) => string; intro: (documents: number, respondents: number, cases: number, segments: number) => string; byCategory: string; bySubquestion: string };
  /** The groups side by side (vergelijking-lijnen.md; `compare --group-by` in the terminal). */
  /** `Many`: the plural of the group word (`comparison.group_word`), capitalised. */
  groups: { title: (Many: string) => string; note: (unit: string, attribute: string, groups: string) => string };
  /** A group of the axis when the project file does not say (`comparison.group_word`). */
  groupWord: GroupWord;
  deelvragen: {
    title: string;
    /** `bands`: the words of the default wording table, in order. */
    /** `one`, `many` here and below: the group word, singular and plural. */
    intro: (bands: string, one: string) => string;
    introNoGroups: string;
    /** No comparison axis declared in werkscan.yaml. */
    noAxis: string;
    noGroups: (attribute: string, one: string, many: string) => string;
    population: (groups: string, one: string) => string;
    documents: (n: number) => string;
    withoutGroup: (attribute: string, documents: string, cases: readonly string[], one: string) => string;
    factor: string;
    proposal: string;
    evidence: string;
    onlyWithoutGroup: (attribute: string, one: string) => string;
    codedNowhere: string;
    notCoded: string;
    addressedBy: string;
    /** Heading of the report's own claims on a sub-question's codes (findings.yaml), and one claim. */
    claimsTitle: string;
    claim: (code: string, quantifier: string, k: number, n: number, among: string, id: string, holds: boolean) => string;
    /** The wording of k of n around a quantifier: "alle 8 pilotwijken"; `say` is how this language writes it. */
    phrase: (quantifier: string, k: number, n: number, noun: string, say?: string) => string;
    /** Cases with a group's value that its `comparison.population` leaves out. */
    outsidePopulation: (group: string, filter: string, cases: readonly string[]) => string;
    /** What a sub-question's answer leads with (`leads:` of findings.yaml), and one claim there. */
    leadTitle: string;
    leadClaim: (quantifier: string, k: number, n: number, among: string, claim: string, id: string, holds: boolean) => string;
    /** The researchers' recommendations and conclusions (codes with a `kind`), and what one rests on. */
    researchersTitle: string;
    kind: Record<'recommendation' | 'conclusion', string>;
    restsOn: (segments: readonly string[]) => string;
  };
  findings: {
    title: string;
    intro: string;
    counts: Counts;
    legend: string;
    quantifier: string;
    unit: string;
    among: string;
    claim: string;
    amongAll: string;
    knownTitle: string;
    knownIntro: string;
    known: (k: number, n: number, quantifier: string) => string;
    failedTitle: string;
    /** Header of the robustness column, and the word for a quantifier that holds at one k only. */
    margin: string;
    exact: string;
    marginSummary: (one: number, coded: number, exact: number) => string;
    stale: (k: number, n: number, quantifier: string, rule: string) => string;
    emptyPopulation: (unit: string, among: string) => string;
    unknownQuantifier: (quantifier: string) => string;
    notBorneOut: (k: number, n: number, quantifier: string, rule: string) => string;
  };
  html: {
    untitled: string;
    generated: string;
    codedSegments: string;
    codes: string;
    findingsTitle: string;
    findingsNote: string;
    deelvragenNote: (groups: string, one: string) => string;
    codesCount: (n: number) => string;
    frequenciesTitle: string;
    frequenciesNote: string;
  };
}

const nl: Words = {
  header: { code: 'code', label: 'label', category: 'categorie', segments: 'segmenten', documents: 'documenten', respondents: 'respondenten', cases: 'cases' },
  frequencies: {
    title: (study) => `Frequenties — ${study}`,
    intro: (d, r, c, s) =>
      `Gegenereerd door \`werkscan code\` uit ${d} documenten, ${r} respondenten en ${c} cases (${s} gecodeerde segmenten, handmatige codering). Per code: de segmenten die haar dragen, en de documenten, respondenten en cases met ten minste één zo'n segment.`,
    byCategory: 'Per categorie',
    bySubquestion: 'Per deelvraag',
  },
  groups: {
    title: (Many) => `${Many} naast elkaar (cases met de code)`,
    note: (unit, attribute, groups) => `eenheid: ${unit}; groepen naar ${attribute}: ${groups}`,
  },
  groupWord: { singular: 'groep', plural: 'groepen' },
  deelvragen: {
    title: 'Antwoorden per deelvraag',
    intro: (bands, one) =>
      `Per deelvraag eerst waar het antwoord mee begint, dan elke code met het aantal cases per ${one} waarin de code is gecodeerd (k/n, handmatige codering) en de formulering die dat aantal draagt: die van een claim in \`findings.yaml\` over dezelfde code en populatie (met haar id), anders de eerste passende band uit de standaardtabel van \`quantifiers.yaml\` (${bands}; anders het getal). Aanbevelingen en conclusies van de onderzoekers staan apart, met de segmenten waarop ze rusten en zonder telling. \`bewijs\` noemt segmenten in \`segments.csv\`. Gegenereerd door \`werkscan code\`.`,
    introNoGroups: 'Per deelvraag elke code met de segmenten die haar dragen (`bewijs`, zie `segments.csv`). Gegenereerd door `werkscan code`.',
    noAxis: 'Geen vergelijkingsas: `werkscan.yaml` noemt geen `comparison.axis`, dus geen k/n per groep en geen voorgestelde formulering.',
    noGroups: (a, one, many) => `Geen ${many}: geen case in \`cases.yaml\` en geen document heeft het attribuut \`${a}\`, dus geen k/n per ${one} en geen voorgestelde formulering.`,
    population: (groups, one) => `Populatie per ${one}: ${groups}.`,
    documents: (n) => (n === 1 ? '1 document' : `${n} documenten`),
    withoutGroup: (a, docs, cases, one) => `Zonder \`${a}\` en dus in geen kolom per ${one} geteld: ${docs}, van ${cases.length === 1 ? 'case' : 'de cases'} ${cases.join(', ')}.`,
    factor: 'factor',
    proposal: 'voorgestelde formulering',
    evidence: 'bewijs',
    onlyWithoutGroup: (a, one) => `in geen ${one} gecodeerd (alleen in documenten zonder \`${a}\`)`,
    codedNowhere: 'nergens gecodeerd',
    notCoded: 'niet gecodeerd',
    addressedBy: 'Weggenomen of versterkt door:',
    claimsTitle: 'Wat het rapport over deze codes zegt (claims in `findings.yaml`, getoetst):',
    claim: (code, q, k, n, among, id, holds) => `- \`${code}\`: ${q} (${k} van ${n}${among ? `, ${among}` : ''}) — \`${id}\` ${holds ? '✓' : '✗'}`,
    phrase: phraseNl,
    outsidePopulation: (g, filter, cases) => `Niet in de populatie van ${g} (die telt alleen cases met ${filter}): ${cases.join(', ')}.`,
    leadTitle: 'Waar het antwoord mee begint (`leads` in `findings.yaml`, de volgorde van hoofdstuk 4):',
    leadClaim: (q, k, n, among, claim, id, holds) => `**${q}** (${k} van ${n}${among ? `, ${among}` : ''}): ${claim} — \`${id}\` ${holds ? '✓' : '✗'}`,
    researchersTitle: 'Aanbevelingen en conclusies van de onderzoekers (geen telling van respondenten):',
    kind: { recommendation: 'aanbeveling van de onderzoekers', conclusion: 'conclusie van de onderzoekers' },
    restsOn: (segs) => (segs.length === 0 ? 'nergens in het corpus onderbouwd' : `onderbouwd in: ${segs.join(', ')}`),
  },
  findings: {
    title: 'Bevindingen',
    intro: 'Elke gekwantificeerde uitspraak van het rapport, getoetst aan de codering (`werkscan findings`).',
    counts: (r, k, f) => `${r} gereproduceerd, ${k} bekende discrepanties, ${f} niet gereproduceerd`,
    legend: '(✓ gereproduceerd, ≠ bekende discrepantie, ✗ niet gereproduceerd)',
    quantifier: 'kwantor',
    unit: 'eenheid',
    among: 'binnen',
    claim: 'claim',
    amongAll: 'alle',
    knownTitle: 'Bekende discrepanties',
    knownIntro: 'Uitspraken waarin het rapport zichzelf of zijn bijlage tegenspreekt; ze worden vermeld, niet als niet gereproduceerd geteld.',
    known: (k, n, q) => `${k}/${n} tegenover "${q}"`,
    failedTitle: 'Niet gereproduceerd',
    margin: 'marge',
    exact: 'exact',
    marginSummary: (one, coded, exact) =>
      `Marge: het aantal eenheden dat anders gecodeerd moet worden voordat het oordeel over een uitspraak omslaat. ${one} van de ${coded} uitspraken met codes slaan om bij één eenheid; ${exact} daarvan van nature, omdat hun kwantor bij precies één k geldt (alle, geen, één, een getal). — : de uitspraak telt haar populatie, hercoderen verandert haar niet.`,
    stale: (k, n, q, rule) => `gemarkeerd als discrepantie, maar ${k}/${n} draagt "${q}" (${rule}): de notitie is verouderd`,
    emptyPopulation: (unit, among) => `geen ${unit} binnen ${among}`,
    unknownQuantifier: (q) => `onbekende kwantor "${q}"`,
    notBorneOut: (k, n, q, rule) => `${k}/${n} draagt "${q}" niet (${rule})`,
  },
  html: {
    untitled: 'werkscan-rapport',
    generated: 'Gegenereerd door <code>werkscan code</code> uit het gecodeerde corpus (bron: handmatige codering).',
    codedSegments: 'gecodeerde segmenten',
    codes: 'codes',
    findingsTitle: 'Bevindingen van het rapport',
    findingsNote: '— elke gekwantificeerde uitspraak, getoetst aan de codering',
    deelvragenNote: (groups, one) => `Per code het aantal cases per ${one} waarin hij is gecodeerd (${groups}), en de formulering die dat aantal draagt.`,
    codesCount: (n) => (n === 1 ? '1 code' : `${n} codes`),
    frequenciesTitle: 'Frequenties per categorie',
    frequenciesNote: 'Per code: in hoeveel cases, respondenten en documenten zij is gecodeerd, en hoeveel segmenten haar dragen.',
  },
};

/** "all 8 municipalities", "more than half (5 of 8) of the municipalities", "none of the 8 …". */
function phraseEn(quantifier: string, k: number, n: number, noun: string, say = quantifier): string {
  if (quantifier === 'alle') return `all ${n} ${noun}`;
  if (quantifier === 'geen') return `none of the ${n} ${noun}`;
  if (quantifier === 'één') return `one of the ${n} ${noun}`;
  if (/^\d+$/.test(quantifier)) return `${k} of the ${n} ${noun}`;
  return `${say} (${k} of ${n}) of the ${noun}`;
}

const en: Words = {
  header: { code: 'code', label: 'label', category: 'category', segments: 'segments', documents: 'documents', respondents: 'respondents', cases: 'cases' },
  frequencies: {
    title: (study) => `Frequencies — ${study}`,
    intro: (d, r, c, s) =>
      `Generated by \`werkscan code\` from ${d} documents, ${r} respondents and ${c} cases (${s} coded segments, manual coding). Per code: the segments that carry it, and the documents, respondents and cases with at least one such segment.`,
    byCategory: 'By category',
    bySubquestion: 'By sub-question',
  },
  groups: {
    title: (Many) => `${Many} side by side (cases with the code)`,
    note: (unit, attribute, groups) => `unit: ${unit}; groups by ${attribute}: ${groups}`,
  },
  groupWord: { singular: 'group', plural: 'groups' },
  deelvragen: {
    title: 'Answers per sub-question',
    intro: (bands, one) =>
      `Per sub-question first what its answer leads with, then every code with the number of cases per ${one} in which it is coded (k/n, manual coding) and the wording that number supports: that of a claim in \`findings.yaml\` on the same code and population (with its id), else the first band of the default table of \`quantifiers.yaml\` that fits (${bands}; otherwise the number). The researchers' recommendations and conclusions are listed apart, with the segments they rest on and without a count. \`evidence\` names segments in \`segments.csv\`. Generated by \`werkscan code\`.`,
    introNoGroups: 'Per sub-question every code with the segments that carry it (`evidence`, see `segments.csv`). Generated by `werkscan code`.',
    noAxis: 'No comparison axis: `werkscan.yaml` names no `comparison.axis`, so no k/n per group and no proposed wording.',
    noGroups: (a, one, many) => `No ${many}: no case in \`cases.yaml\` and no document has the attribute \`${a}\`, so no k/n per ${one} and no proposed wording.`,
    population: (groups, one) => `Population per ${one}: ${groups}.`,
    documents: (n) => (n === 1 ? '1 document' : `${n} documents`),
    withoutGroup: (a, docs, cases, one) => `Without \`${a}\`, and so counted in no column per ${one}: ${docs}, of ${cases.length === 1 ? 'case' : 'the cases'} ${cases.join(', ')}.`,
    factor: 'factor',
    proposal: 'proposed wording',
    evidence: 'evidence',
    onlyWithoutGroup: (a, one) => `coded in no ${one} (only in documents without \`${a}\`)`,
    codedNowhere: 'coded nowhere',
    notCoded: 'not coded',
    addressedBy: 'Removed or reinforced by:',
    claimsTitle: 'What the report says about these codes (claims in `findings.yaml`, checked):',
    claim: (code, q, k, n, among, id, holds) => `- \`${code}\`: ${q} (${k} of ${n}${among ? `, ${among}` : ''}) — \`${id}\` ${holds ? '✓' : '✗'}`,
    phrase: phraseEn,
    outsidePopulation: (g, filter, cases) => `Not in the population of ${g} (which counts only cases with ${filter}): ${cases.join(', ')}.`,
    leadTitle: 'What the answer leads with (`leads` in `findings.yaml`, the order of chapter 4):',
    leadClaim: (q, k, n, among, claim, id, holds) => `**${q}** (${k} of ${n}${among ? `, ${among}` : ''}): ${claim} — \`${id}\` ${holds ? '✓' : '✗'}`,
    researchersTitle: "The researchers' recommendations and conclusions (no count of respondents):",
    kind: { recommendation: "the researchers' recommendation", conclusion: "the researchers' conclusion" },
    restsOn: (segs) => (segs.length === 0 ? 'resting on nothing in the corpus' : `rests on: ${segs.join(', ')}`),
  },
  findings: {
    title: 'Findings',
    intro: 'Every quantified claim of the report, checked against the coding (`werkscan findings`).',
    counts: (r, k, f) => `${r} reproduced, ${k} known discrepancies, ${f} failed`,
    legend: '(✓ reproduced, ≠ known discrepancy, ✗ failed)',
    quantifier: 'quantifier',
    unit: 'unit',
    among: 'among',
    claim: 'claim',
    amongAll: 'all',
    knownTitle: 'Known discrepancies',
    knownIntro: 'Claims where the report contradicts itself or its appendix; they are listed, not failed.',
    known: (k, n, q) => `${k}/${n} against "${q}"`,
    failedTitle: 'Failed',
    margin: 'recode margin',
    exact: 'exact',
    marginSummary: (one, coded, exact) =>
      `Margin: the number of units whose coding must change before a claim's verdict changes. ${one} of the ${coded} coded claims change their verdict when one unit is recoded; ${exact} of them by nature, as their quantifier holds at exactly one k (all, none, one, a number). — : the claim counts its population, recoding cannot change it.`,
    stale: (k, n, q, rule) => `marked as a discrepancy, but ${k}/${n} bears out "${q}" (${rule}): the note is stale`,
    emptyPopulation: (unit, among) => `no ${unit} matches among ${among}`,
    unknownQuantifier: (q) => `unknown quantifier "${q}"`,
    notBorneOut: (k, n, q, rule) => `${k}/${n} does not bear out "${q}" (${rule})`,
  },
  html: {
    untitled: 'werkscan report',
    generated: 'Generated by <code>werkscan code</code> from the coded corpus (source: manual coding).',
    codedSegments: 'coded segments',
    codes: 'codes',
    findingsTitle: 'Findings of the report',
    findingsNote: '— every quantified claim, checked against the coding',
    deelvragenNote: (groups, one) => `Per code the number of cases per ${one} in which it is coded (${groups}), and the wording that number supports.`,
    codesCount: (n) => (n === 1 ? '1 code' : `${n} codes`),
    frequenciesTitle: 'Frequencies per category',
    frequenciesNote: 'Per code: in how many cases, respondents and documents it was coded, and how many segments carry it.',
  },
};

/** The catalogue: every language, each with every key (TypeScript checks). */
export const WORDS: Readonly<Record<Language, Words>> = { nl, en };

/** What the reports call a group of the comparison axis: the project file's `comparison.group_word`, else the language's word. */
export const groupWordOf = (settings: ProjectSettings, words: Words): GroupWord => settings.comparison?.groupWord ?? words.groupWord;

/** The word with a capital first letter (a title). */
export const capitalised = (s: string): string => s.charAt(0).toLocaleUpperCase() + s.slice(1);
