import { describe, expect, it } from 'vitest';
import { compileCodebook } from '../../../src/core/autocode/compile.js';
import { parseDocument } from '../../../src/core/parse/document.js';
import { scanPlan, topicCodebook } from '../../../src/core/scan/checklist.js';

const codes = topicCodebook(['casusoverleg']).codes.map((c) => ({ ...c, id: 'casus', label: 'Casusoverleg', category: 'stimulerend', description: 'Een vast overleg over jongeren. Tweede zin.', addresses: ['x'] }));
const codebook = { codes: [...codes, { ...codes[0]!, id: 'x', label: 'Geen overleg', category: 'belemmerend', addresses: [] }] };
const settings = { subquestions: [], categories: ['stimulerend'], excludeCategories: [], topic: null };

function run(body: string, topicTerms?: string[]) {
  const doc = parseDocument({ text: `---\ntype: plan\ncase: c\n---\n${body}`, path: 'p.md', file: 'p.md' });
  const topic = topicTerms ? { label: 'Werk', book: compileCodebook(topicCodebook(topicTerms)) } : null;
  return scanPlan({ doc, codebook, book: compileCodebook(codebook), topic, settings, lineShift: 0 });
}

describe('scanPlan', () => {
  it('ten words are substance, nine only name the item', () => {
    expect(run('Een casusoverleg met alle partners vindt elke week plaats hier.').items[0]!.status).toBe('present');
    expect(run('Een casusoverleg met alle partners vindt elke week plaats.').items[0]!.status).toBe('mentioned');
    expect(run('Er is geen overleg.').items[0]!.status).toBe('missing');
  });

  it('a heading names an item; the paragraph run into it can give it substance', () => {
    expect(run('## Casusoverleg\n\nTekst zonder de term.').items[0]!.status).toBe('mentioned');
    expect(run('## Casusoverleg\nElke week zitten politie, school en jongerenwerk een uur bij elkaar.').items[0]!.status).toBe('present');
  });

  it('says why (first sentence of the definition) and what it counters, by label', () => {
    const item = run('Casusoverleg.').items[0]!;
    expect(item.why).toBe('Een vast overleg over jongeren.');
    expect(item.addresses).toEqual([{ code: 'x', label: 'Geen overleg' }]);
    expect(item.evidence).toEqual([{ line: 5, text: 'Casusoverleg.', brief: true }]);
  });

  it('the topic is described at length from a quarter of the sentences, and at least three', () => {
    // 3 of 12 sentences: present; 2 of 8: a quarter, but fewer than three: mentioned
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `Zin ${i + 1} gaat over iets anders.`).join(' ');
    expect(run(`Werk telt. Werk helpt. Werk loont. ${filler(9)}`, ['werk']).topic).toMatchObject({ status: 'present', sentences: 3, of: 12 });
    expect(run(`Werk telt. Werk helpt. Werk loont. ${filler(10)}`, ['werk']).topic).toMatchObject({ status: 'mentioned', sentences: 3, of: 13 });
    expect(run(`Werk telt. Werk helpt. ${filler(6)}`, ['werk']).topic).toMatchObject({ status: 'mentioned', sentences: 2, of: 8 });
    expect(run(filler(4), ['werk']).topic).toMatchObject({ status: 'missing', sentences: 0 });
  });
});
