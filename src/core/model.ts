/** The research domain as data. Everything here is plain, serialisable and immutable by convention. */

export type Attributes = Readonly<Record<string, string>>;

/** Where something was written, for messages (file relative to the working directory, 1-based line). */
export interface Origin {
  file: string;
  line: number;
  column?: number;
}

export const POLARITIES = ['belemmerend', 'stimulerend', 'neutraal'] as const;
/** A document's `type`: one of the project file's `document_types` (lint says when it is not). */
export type DocumentType = string;

export interface Case {
  id: string;
  /** Every attribute, `name`, `kind` and `line` included, as strings. */
  attrs: Attributes;
  origin: Origin;
  /** Values that differ from what was typed elsewhere without anyone seeing it (typographic quotes, invisible characters). */
  notes?: ParseNote[];
}

export interface Respondent {
  /** Speaker label in the body, e.g. R1. */
  id: string;
  /**
   * Another label that stands for this respondent in the body (`label: "Jan de Vries"` in front matter), so
   * that names or pseudonyms can be speaker labels. Not an attribute: a name is kept out of reports.
   */
  label?: string;
  attrs: Attributes;
  origin: Origin;
}

export interface Turn {
  /** Label as written: `I` for the interviewer, otherwise a respondent id (possibly unknown: lint says so). */
  speaker: string;
  /** Offsets in the plain text, Unicode code points, end exclusive. */
  start: number;
  end: number;
  line: number;
}

export type Source = 'manual' | 'auto';

export interface Segment {
  /** Stable id: `<document id>#<n>`, n counting the document's segments of this source from 1. */
  id: string;
  document: string;
  code: string;
  text: string;
  start: number;
  end: number;
  line: number;
  column: number;
  /** Speaker label of the turn the segment stands in, null outside turns (plans, documents). */
  speaker: string | null;
  source: Source;
}

/**
 * Something the parser met that is probably a mistake — markup that looks like coding but is not, an
 * unusual speaker label, typographic quotes around a front matter value — as data for lint
 * (src/core/checks/markup.ts gives each rule its severity; src/report/lint.ts its words).
 */
export interface ParseNote {
  rule: string;
  line: number;
  column: number;
  args: Record<string, string | number>;
}

export interface CorpusDocument {
  id: string;
  /** Path below the corpus folder, with forward slashes. */
  path: string;
  /** Path for messages (relative to the working directory). */
  file: string;
  type: DocumentType;
  /** The body is speaker turns (its type has `turns: true` in the project file). */
  hasTurns: boolean;
  case: string;
  /** Front matter as strings (lists and mappings left out), `id`, `type` and `case` included. */
  attrs: Attributes;
  respondents: Respondent[];
  /** The body with all span markup removed. */
  plainText: string;
  turns: Turn[];
  segments: Segment[];
  /** Line of the first body line in the file. */
  bodyLine: number;
  /**
   * Turn units (turns, or paragraphs outside interviews) worked out before the text was dropped, as
   * [start, end, line] triples: a large corpus is coded in workers that send back documents without
   * their text (see src/pipeline/stream.ts), and a typed array takes about a quarter of the objects' memory.
   */
  units?: Int32Array;
  /** What lint should name (absent when nothing). */
  notes?: ParseNote[];
  /** `type`: where it is written; `attrs`: the line of each other front matter attribute. */
  origin: { case: Origin; id: Origin; type?: Origin; attrs?: Readonly<Record<string, number>> };
}

export interface Subquestion {
  id: string;
  text: string;
  origin: Origin;
}

export interface Category {
  id: string;
  label: string;
  polarity: string;
  /** How automatic coding matches the terms of the category's codes (see autocode/options.ts); a code's own fields win. */
  matching?: Matching;
  origin: Origin;
}

export interface Code {
  id: string;
  label: string;
  category: string;
  subquestions: string[];
  parent: string | null;
  description: string;
  terms: string[];
  not: string[];
  addresses: string[];
  examples: { match: string[]; nomatch: string[] };
  /** A respondent's or document's mention (default), or the researchers' recommendation or conclusion: listed with its evidence, never counted. */
  kind?: CodeKind;
  /** How automatic coding matches the code's terms (see autocode/options.ts); absent fields come from the category. */
  matching?: Matching;
  origin: Origin;
  /** Lines of individual fields, for precise lint messages. */
  fieldOrigins: Partial<Record<'category' | 'parent' | 'subquestions' | 'addresses' | 'terms' | 'examples', Origin>>;
}

export const CODE_KINDS = ['mention', 'recommendation', 'conclusion'] as const;
export type CodeKind = (typeof CODE_KINDS)[number];
/** Matching options of a code or category (`compounds`, `order`, `negated`, `document_types`, `question`); absent: the category's, else the default. */
export interface Matching {
  /** Match a term as a part of a closed compound: its head (last part), its modifier (first part), or both. */
  compounds?: 'off' | 'head' | 'modifier' | 'both';
  /** `free`: the words of a multi-word term may stand anywhere in one clause, in any order. */
  order?: 'adjacent' | 'free';
  /** A match with a negation in its clause: kept, dropped, or given to the code with this id. */
  negated?: string;
  /** Only in documents of these types (null or absent: all). */
  documentTypes?: string[];
  /** A short answer gets the code when the interviewer's question before it matches it. */
  question?: boolean;
  /** Where each field is written, for messages. */
  origins: Partial<Record<'negated' | 'documentTypes', Origin>>;
}

/** A word list, for splitting closed compounds (loaded by io/lexicon.ts when some code asks for it). */
export interface Lexicon { has(word: string): boolean }

export interface Codebook {
  title: string;
  file: string;
  subquestions: Subquestion[];
  categories: Category[];
  codes: Code[];
  /** The lexicon for compound matching; absent when no code matches compounds (or not loaded). */
  lexicon?: Lexicon;
}

export type Unit = 'case' | 'respondent' | 'document';

export interface Finding {
  id: string;
  section: string;
  claim: string;
  /** Empty: the claim counts the population itself (k = n). */
  codes: string[];
  match: 'any' | 'all';
  unit: Unit;
  among: Attributes;
  source: Source | 'any';
  quantifier: string;
  expect: 'holds' | 'discrepancy';
  note: string;
  origin: Origin;
}

export interface Corpus {
  root: string;
  casesFile: string;
  cases: Case[];
  documents: CorpusDocument[];
  /** Files in the corpus folder that werkscan does not read (.docx, .pdf, …), as shown to the user. */
  unread?: string[];
}

export interface Project {
  /** The project file's settings (defaults when there is none). */
  settings: ProjectSettings;
  corpus: Corpus;
  codebook: Codebook;
  findings: Finding[];
  findingsFile: string | null;
  quantifiers: QuantifierTable;
  /** The default wording of quantifiers.yaml (`wording:`); absent: werkscan's own (DEFAULT_WORDING). */
  wording?: readonly WordingBand[];
  /** Per sub-question, what its answer leads with (`leads:` in findings.yaml): claim ids and code ids, in order. */
  leads?: ReadonlyMap<string, readonly string[]>;
}

/** A bound on k: a count, or a share of n. */
export type Bound = { count: number } | { share: number; exclusive?: boolean };

export interface QuantifierRule {
  min?: Bound;
  max?: Bound;
  /** |k − share·n| ≤ max(1, tolerance·n): "ongeveer de helft". */
  around?: { share: number; tolerance: number };
  origin?: Origin;
}

export type QuantifierTable = ReadonlyMap<string, QuantifierRule>;

/**
 * One band of the default wording (`wording:` in quantifiers.yaml): where no claim covers a cell, the
 * first band whose rule holds for k/n gives the words. `quantifier` is the table's (Dutch) quantifier the
 * band stands for; `words` how each report language writes it.
 */
export interface WordingBand {
  quantifier: string;
  words: Readonly<Record<'nl' | 'en', string>>;
  rule: QuantifierRule;
}

/** One allowed value of an attribute, with how reports name it (both fall back to the value). */
export interface AttributeValue {
  value: string;
  label?: string;
  /** Plural noun for the cases with this value: "3 van 8 …". */
  noun?: string;
}

/** A declared attribute: `values` null means any value. */
export interface AttributeSchema {
  values: readonly AttributeValue[] | null;
  origin: Origin;
}

export type AttributeScope = 'cases' | 'respondents' | 'documents';

/**
 * A table of cases written as a report of its own: the cases with every attribute of `where`, one row
 * each, columns an attribute's value or the labels of the codes coded in the case's documents.
 */
export interface CaseTable {
  file: string;
  title: string;
  /** `{n}` stands for the number of cases. */
  intro: string;
  where: Attributes;
  columns: readonly { header: string; attribute?: string; codes?: boolean; empty: string }[];
}

/** `werkscan.yaml` (see docs/project-file.md). */
export interface ProjectSettings {
  /** The project file as shown to the user; null: none (every default). */
  file: string | null;
  /** Absolute folder the paths below are relative to (the project file's folder, or the working directory). */
  root: string;
  title: string | null;
  language: 'nl' | 'en';
  paths: { corpus: string | null; codebook: string | null; reports: string | null };
  attributes: Readonly<Record<AttributeScope, Readonly<Record<string, AttributeSchema>>>>;
  /** Type name → whether its body is speaker turns. */
  documentTypes: ReadonlyMap<string, { turns: boolean; origin: Origin | null }>;
  /**
   * `population`: per group, the further attributes a case must have to count in it (`regulier: { kind:
   * wijk }`), so the per-group reports count what the claims count. `groupWord`: `comparison.group_word`. */
  comparison: { axis: string; groups: readonly string[] | null; population?: Readonly<Record<string, Readonly<Record<string, string>>>>; groupWord?: { singular: string; plural: string }; origin: Origin } | null;
  caseTables: readonly CaseTable[];
  /** `scan`: what `werkscan scan` checks a plan for; null: the defaults (see core/scan/checklist.ts). */
  scan: ScanSettings | null;
  /** `training`: further hand-coded corpus folders (relative to `root`) the learned coder trains on. */
  training: readonly { folder: string; origin: Origin }[];
}

/** The project file's `scan` section (docs/scan.md). */
export interface ScanSettings {
  /** Codes on the checklist: those of these sub-questions or categories, minus the excluded categories. */
  subquestions: readonly string[];
  categories: readonly string[];
  excludeCategories: readonly string[];
  /** The plan's main topic, found by its own terms; null: no topic line. */
  topic: { label: string; terms: readonly string[] } | null;
  origin: Origin;
}
