/**
 * Counting in parts: every unit key is global (document id, case id, case/respondent), so counts over a
 * corpus are the union of counts over its documents. Large corpora are counted document by document
 * (on several threads), keeping only these counts and sets, never the documents.
 */
import { eachCounted, select } from './count.js';
import { findingUnits } from './evaluate.js';
const units = () => ({ document: new Set(), documentsElsewhere: 0, case: new Set(), respondent: new Set() });
/** A growing union of partial counts. */
export class CountAccumulator {
    population = units();
    codes = new Map();
    /** Count one document (with its automatic segments in `options.auto`) into the union. */
    addDocument(shell, doc, options) {
        const project = { ...shell, corpus: { ...shell.corpus, documents: [doc] } };
        const selection = select(project, options.where);
        for (const k of ['document', 'case', 'respondent'])
            for (const v of selection.population[k])
                this.population[k].add(v);
        eachCounted(project, selection, options, (code, _, d, respondent) => {
            const acc = this.entry(code);
            acc.segments++;
            acc.document.add(d.id);
            acc.case.add(d.case);
            if (respondent !== null)
                acc.respondent.add(respondent);
        });
    }
    add(part) {
        this.population.documentsElsewhere += part.population.document;
        for (const v of part.population.case)
            this.population.case.add(v);
        for (const v of part.population.respondent)
            this.population.respondent.add(v);
        for (const [code, e] of Object.entries(part.codes)) {
            const acc = this.entry(code);
            acc.segments += e.segments;
            acc.documentsElsewhere += e.document;
            for (const v of e.case)
                acc.case.add(v);
            for (const v of e.respondent)
                acc.respondent.add(v);
        }
    }
    toPartial() {
        const documents = (u) => u.document.size + u.documentsElsewhere;
        return {
            population: { document: documents(this.population), case: [...this.population.case], respondent: [...this.population.respondent] },
            codes: Object.fromEntries([...this.codes].map(([code, e]) => [code, { segments: e.segments, document: documents(e), case: [...e.case], respondent: [...e.respondent] }])),
        };
    }
    /** Sizes of the population. */
    populationSizes() {
        const p = this.population;
        return { document: p.document.size + p.documentsElsewhere, case: p.case.size, respondent: p.respondent.size };
    }
    /** Frequency rows in codebook order, as `frequencies()` gives them. */
    rows(codebook) {
        return codebook.codes.map((c) => {
            const e = this.codes.get(c.id);
            return {
                code: c.id,
                label: c.label,
                category: c.category,
                segments: e?.segments ?? 0,
                documents: e ? e.document.size + e.documentsElsewhere : 0,
                respondents: e?.respondent.size ?? 0,
                cases: e?.case.size ?? 0,
            };
        });
    }
    entry(code) {
        let acc = this.codes.get(code);
        if (!acc)
            this.codes.set(code, (acc = { segments: 0, ...units() }));
        return acc;
    }
}
/** The units of some findings (those that count automatic coding), gathered document by document. */
export class FindingsAccumulator {
    findings;
    units = new Map();
    constructor(findings) {
        this.findings = findings;
        for (const f of findings)
            this.units.set(f.id, { population: new Set(), coded: f.codes.map(() => new Set()) });
    }
    addDocument(shell, doc, options) {
        const project = { ...shell, corpus: { ...shell.corpus, documents: [doc] } };
        for (const f of this.findings)
            this.merge(f.id, findingUnits(project, f, options));
    }
    add(part) {
        for (const [id, u] of Object.entries(part))
            this.merge(id, { population: new Set(u.population), coded: u.coded.map((c) => new Set(c)) });
    }
    toPartial() {
        return Object.fromEntries([...this.units].map(([id, u]) => [id, { population: [...u.population], coded: u.coded.map((c) => [...c]) }]));
    }
    merge(id, u) {
        const acc = this.units.get(id);
        for (const v of u.population)
            acc.population.add(v);
        u.coded.forEach((set, i) => {
            for (const v of set)
                acc.coded[i].add(v);
        });
    }
}
