/**
 * Counting in parts: every unit key is global (document id, case id, case/respondent), so counts over a
 * corpus are the union of counts over its documents. Large corpora are counted document by document
 * (on several threads), keeping only these counts and sets, never the documents.
 */
import { eachCounted, select, type CountOptions, type FrequencyRow } from './select.js';
import { findingUnitsAll, type FindingUnits } from '../claims/evaluate.js';
import type { CorpusDocument, Finding, Project } from '../model.js';

/**
 * Serialisable counts of part of a corpus. Each document is counted by exactly one part (a document id
 * used twice is an error that stops counting), so documents travel as numbers; cases and respondents
 * recur across parts and travel as sets of keys.
 */
export interface PartialCounts {
  population: { document: number; case: string[]; respondent: string[] };
  /** Per code: number of segments and of documents, and the cases and respondents that carry it. */
  codes: Record<string, { segments: number; document: number; case: string[]; respondent: string[] }>;
}

interface Units {
  /**
   * Documents counted (here and in parts added). A document is added once, with all its segments
   * together, so a code counts a document when its first segment there is met (`lastDocument`).
   */
  documents: number;
  lastDocument: number;
  case: Set<string>;
  respondent: Set<string>;
}

const units = (): Units => ({ documents: 0, lastDocument: -1, case: new Set(), respondent: new Set() });

/** A growing union of partial counts. */
export class CountAccumulator {
  readonly population = units();
  readonly codes = new Map<string, Units & { segments: number }>();
  /** Documents added one by one so far (a serial for `lastDocument`). */
  private added = 0;

  /** Count one document (with its automatic segments in `options.auto`) into the union. */
  addDocument(shell: Shell, doc: CorpusDocument, options: CountOptions): void {
    const project: Project = { ...shell, corpus: { ...shell.corpus, documents: [doc] } };
    const selection = select(project, options.where);
    const serial = this.added++;
    this.population.documents += selection.population.document.size;
    for (const k of ['case', 'respondent'] as const) for (const v of selection.population[k]) this.population[k].add(v);
    eachCounted(project, selection, options, (code, _, d, respondent) => {
      const acc = this.entry(code);
      acc.segments++;
      if (acc.lastDocument !== serial) {
        acc.lastDocument = serial;
        acc.documents++;
        acc.case.add(d.case);
      }
      if (respondent !== null) acc.respondent.add(respondent);
    });
  }

  add(part: PartialCounts): void {
    this.population.documents += part.population.document;
    for (const v of part.population.case) this.population.case.add(v);
    for (const v of part.population.respondent) this.population.respondent.add(v);
    for (const [code, e] of Object.entries(part.codes)) {
      const acc = this.entry(code);
      acc.segments += e.segments;
      acc.documents += e.document;
      for (const v of e.case) acc.case.add(v);
      for (const v of e.respondent) acc.respondent.add(v);
    }
  }

  toPartial(): PartialCounts {
    return {
      population: { document: this.population.documents, case: [...this.population.case], respondent: [...this.population.respondent] },
      codes: Object.fromEntries([...this.codes].map(([code, e]) => [code, { segments: e.segments, document: e.documents, case: [...e.case], respondent: [...e.respondent] }])),
    };
  }

  /** Sizes of the population. */
  populationSizes(): { document: number; case: number; respondent: number } {
    const p = this.population;
    return { document: p.documents, case: p.case.size, respondent: p.respondent.size };
  }

  /** Frequency rows in codebook order, as `frequencies()` gives them. */
  rows(codebook: Project['codebook']): FrequencyRow[] {
    return codebook.codes.map((c) => {
      const e = this.codes.get(c.id);
      return {
        code: c.id,
        label: c.label,
        category: c.category,
        segments: e?.segments ?? 0,
        documents: e?.documents ?? 0,
        respondents: e?.respondent.size ?? 0,
        cases: e?.case.size ?? 0,
      };
    });
  }

  private entry(code: string) {
    let acc = this.codes.get(code);
    if (!acc) this.codes.set(code, (acc = { segments: 0, ...units() }));
    return acc;
  }
}

type Shell = Omit<Project, 'corpus'> & { corpus: Omit<Project['corpus'], 'documents'> };

/** Serialisable units of findings over part of a corpus: finding id → population and coded units per code. */
export type PartialFindings = Record<string, { population: string[]; coded: string[][] }>;

/** The units of some findings (those that count automatic coding), gathered document by document. */
export class FindingsAccumulator {
  readonly units = new Map<string, FindingUnits>();

  constructor(readonly findings: readonly Finding[]) {
    for (const f of findings) this.units.set(f.id, { population: new Set(), coded: f.codes.map(() => new Set()) });
  }

  addDocument(shell: Shell, doc: CorpusDocument, options: Pick<CountOptions, 'auto' | 'rollup'>): void {
    const project: Project = { ...shell, corpus: { ...shell.corpus, documents: [doc] } };
    findingUnitsAll(project, this.findings, options).forEach((u, i) => this.merge(this.findings[i]!.id, u));
  }

  add(part: PartialFindings): void {
    for (const [id, u] of Object.entries(part)) this.merge(id, { population: new Set(u.population), coded: u.coded.map((c) => new Set(c)) });
  }

  toPartial(): PartialFindings {
    return Object.fromEntries([...this.units].map(([id, u]) => [id, { population: [...u.population], coded: u.coded.map((c) => [...c]) }]));
  }

  private merge(id: string, u: FindingUnits): void {
    const acc = this.units.get(id)!;
    for (const v of u.population) acc.population.add(v);
    u.coded.forEach((set, i) => {
      for (const v of set) acc.coded[i]!.add(v);
    });
  }
}
