/** A generated study for index.html's size and speed: `cases` cases, `codes` codes, `segments` coded segments (seeded). */
import { rng } from '../helpers/rng.js';

const WORDS = 'de gemeente jongeren werk werkgever stage opleiding wijk coach capaciteit privacy samenwerking afdeling veiligheid inkomen traject aanpak netwerk regie begeleiding'.split(' ');

export function largeStudy(cases: number, codes: number, segments: number): Record<string, string> {
  const r = rng(17);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const files: Record<string, string> = {
    'werkscan.yaml': 'title: Groot\nlanguage: nl\nattributes:\n  cases:\n    line:\n      values:\n        botoc: { label: BOTOC, noun: BOTOC-gemeenten }\n        overig: { label: overig, noun: overige gemeenten }\ncomparison:\n  axis: line\n  groups: [botoc, overig]\n',
    'corpus/cases.yaml': 'cases:\n' + Array.from({ length: cases }, (_, c) => `  g${c}: { name: Gemeente ${c}, kind: gemeente, line: ${c % 3 === 0 ? 'botoc' : 'overig'} }\n`).join(''),
  };
  const cb = ['title: Groot', 'subquestions:', ...[1, 2, 3, 4, 5].map((i) => `  - { id: DV${i}, text: "Deelvraag ${i}?" }`), 'categories:'];
  cb.push('  - { id: rem, label: Belemmeringen, polarity: belemmerend }', '  - { id: stim, label: Stimulansen, polarity: stimulerend }', '  - { id: vorm, label: Vormen, polarity: neutraal }', 'codes:');
  for (let k = 0; k < codes; k++) cb.push(`  - { id: c${k}, label: "Factor ${k} ${sentence(3)}", category: ${['rem', 'stim', 'vorm'][k % 3]}, subquestions: [DV${1 + (k % 5)}], description: Factor ${k}. }`);
  files['codebook/codebook.yaml'] = cb.join('\n') + '\n';
  // Five interviews per case, segments spread evenly; each segment a turn of its own.
  const docs = cases * 5;
  for (let d = 0; d < docs; d++) {
    const n = Math.floor(((d + 1) * segments) / docs) - Math.floor((d * segments) / docs);
    const turns = Array.from({ length: n }, (_, i) => `${i % 2 === 0 ? 'R1' : 'R2'}: ${sentence(4)} [${sentence(18 + Math.floor(r() * 10))}]{.c${Math.floor(r() * codes)}} ${sentence(5)}.`);
    files[`corpus/d${d}.md`] = `---\nid: d${d}\ntype: interview\ncase: g${d % cases}\nrespondents:\n  - { id: R1, role: projectleider }\n  - { id: R2, role: klantmanager }\n---\n${turns.join('\n\n')}\n`;
  }
  return files;
}
