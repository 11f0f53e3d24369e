/**
 * The words of index.html's heatmap and drill-down, once per language (the rest of the page uses
 * `Words.html` of ../words.ts). Kept here so that the page's wording stays together with the page. The
 * `client` strings go into the page's JSON for its script: plain text, no functions.
 */
import type { Language } from '../words.js';

export interface PageWords {
  heatmapTitle: string;
  /** What the heatmap shows; `axis`: the comparison axis the columns are grouped by, null: none. */
  heatmapNote: (axis: string | null) => string;
  /** Documents whose own value of the axis differs from their case's: they count in their case's column. */
  crossing: (axis: string, items: readonly string[]) => string;
  crossingItem: (doc: string, value: string, caseName: string, caseValue: string) => string;
  /** The toggle: what a cell counts. */
  countLabel: string;
  modes: readonly [string, string, string];
  /** What a cell and a total mean, per mode. */
  modeNotes: readonly [string, string, string];
  legend: string;
  code: string;
  total: string;
  groupTotal: (label: string) => string;
  /** Column group of cases without a value of the axis, and the one group when there is no axis. */
  noGroup: (axis: string) => string;
  /** Column group of the cases of a group that fall outside its `comparison.population`. */
  outsidePopulation: (label: string) => string;
  allCases: string;
  /** Region label of the scrolling heatmap box. */
  region: string;
  otherSubquestions: (ids: string) => string;
  withoutSubquestion: string;
  /** Group comparison bars. */
  /** `one`: the group word (`comparison.group_word`). */
  compareLegend: (one: string) => string;
  findingsMargin: string;
  client: {
    close: string;
    segment: string;
    segments: string;
    claims: string;
    noClaims: string;
    noSegments: string;
    document: string;
    margin: string;
    inCase: string;
    code: string;
  };
}

const nl: PageWords = {
  heatmapTitle: 'Codes per case',
  heatmapNote: (axis) =>
    `Elke kolom is een case${axis === null ? '' : `, gegroepeerd naar ${axis}`}; elke rij een code, gegroepeerd naar deelvraag (de eerste die de code noemt) en categorie. Klik op een getal, een code of een case voor de segmenten erachter en de uitspraken die erop steunen.`,
  crossing: (axis, items) => `Een document met een eigen ${axis} telt in de kolom van zijn case: ${items.join('; ')}.`,
  crossingItem: (doc, value, caseName, caseValue) => `${doc} (${value}) bij ${caseName} (${caseValue})`,
  countLabel: 'Tel',
  modes: ['segmenten', 'respondenten', 'aanwezig'],
  modeNotes: [
    'Een cel telt de segmenten met de code in de documenten van de case; een totaal telt de segmenten op.',
    'Een cel telt de respondenten van de case die de code uitspreken (segmenten buiten een gesprek tellen niet mee); een totaal telt ze op.',
    'Een cel is 1 als de code in de case voorkomt; een rijtotaal is het aantal cases met de code, een kolomtotaal het aantal codes in de case.',
  ],
  legend: 'Kleur naar aantal',
  code: 'code',
  total: 'totaal',
  groupTotal: (label) => `Σ ${label}`,
  noGroup: (axis) => `zonder ${axis}`,
  outsidePopulation: (label) => `${label}, buiten de populatie`,
  allCases: 'alle cases',
  region: 'Codes per case (scrollt binnen dit kader)',
  otherSubquestions: (ids) => `ook ${ids}`,
  withoutSubquestion: 'Zonder deelvraag',
  compareLegend: (one) => `Balk: per ${one} het aandeel cases met de code`,
  findingsMargin: 'marge',
  client: {
    close: 'Sluiten',
    segment: 'segment',
    segments: 'segmenten',
    claims: 'Uitspraken die hierop steunen',
    noClaims: 'Geen uitspraak uit findings.yaml steunt op deze code in deze case.',
    noSegments: 'Geen segmenten.',
    document: 'document',
    margin: 'marge',
    inCase: 'in',
    code: 'code',
  },
};

const en: PageWords = {
  heatmapTitle: 'Codes per case',
  heatmapNote: (axis) =>
    `Each column is a case${axis === null ? '' : `, grouped by ${axis}`}; each row a code, grouped by sub-question (the first one the code names) and category. Click a number, a code or a case for the segments behind it and the claims that rest on them.`,
  crossing: (axis, items) => `A document with a ${axis} of its own counts in its case's column: ${items.join('; ')}.`,
  crossingItem: (doc, value, caseName, caseValue) => `${doc} (${value}) under ${caseName} (${caseValue})`,
  countLabel: 'Count',
  modes: ['segments', 'respondents', 'present'],
  modeNotes: [
    "A cell counts the segments with the code in the case's documents; a total adds them up.",
    'A cell counts the respondents of the case who voice the code (segments outside an interview do not count); a total adds them up.',
    'A cell is 1 when the code occurs in the case; a row total is the number of cases with the code, a column total the number of codes in the case.',
  ],
  legend: 'Colour by count',
  code: 'code',
  total: 'total',
  groupTotal: (label) => `Σ ${label}`,
  noGroup: (axis) => `no ${axis}`,
  outsidePopulation: (label) => `${label}, outside the population`,
  allCases: 'all cases',
  region: 'Codes per case (scrolls inside this box)',
  otherSubquestions: (ids) => `also ${ids}`,
  withoutSubquestion: 'No sub-question',
  compareLegend: (one) => `Bar: per ${one}, the share of cases with the code`,
  findingsMargin: 'margin',
  client: {
    close: 'Close',
    segment: 'segment',
    segments: 'segments',
    claims: 'Claims resting on this',
    noClaims: 'No claim of findings.yaml rests on this code in this case.',
    noSegments: 'No segments.',
    document: 'document',
    margin: 'margin',
    inCase: 'in',
    code: 'code',
  },
};

export const PAGE_WORDS: Readonly<Record<Language, PageWords>> = { nl, en };
