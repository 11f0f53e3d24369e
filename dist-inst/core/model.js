/** The research domain as data. Everything here is plain, serialisable and immutable by convention. */
export const CASE_KINDS = ['gemeente', 'organisatie', 'land', 'programma'];
export const RESEARCH_LINES = ['botoc', 'overig', 'verdiepend', 'internationaal'];
export const DOCUMENT_TYPES = ['interview', 'plan', 'document'];
export const POLARITIES = ['belemmerend', 'stimulerend', 'neutraal'];
