// Deterministic synthetic corpus in the SPEC format: cases.yaml plus interviews and plans of Dutch-like
// text built from a fixed vocabulary with a seeded generator, so every run writes the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const WORDS = (
  'de het een en van in op met voor aan bij om te is zijn wordt worden niet ook nog wel maar dat die dit ' +
  'gemeente jongeren jongere werk werkgever werkgevers baan stage opleiding school wijk wijken coach coaches ' +
  'jongerenwerker jongerenwerkers capaciteit personeelstekort privacy AVG samenwerking afdeling veiligheid ' +
  'inkomen uitkering bijstand schulden vertrouwen overheid criminaliteit ondermijning geld status straat ' +
  'ondernemer ondernemers ervaringsdeskundige ervaringsdeskundigen loket jongerenloket begeleiding traject ' +
  'aanpak project plan financiering structureel incidenteel overleg casusoverleg netwerk regie visie ' +
  'financiële coördinator geïnteresseerd café jongere\'s ex-gedetineerden W&I o.a. bijv. leerplicht'
).split(' ');

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(r) {
  const n = 6 + Math.floor(r() * 14);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]);
  const s = words.join(' ');
  return s[0].toUpperCase() + s.slice(1) + (r() < 0.1 ? '?' : '.');
}

/** Write about `megabytes` MB of documents below `dir`; returns the number of bytes written. */
export function synthesize(dir, megabytes, seed = 42) {
  const r = rng(seed);
  const cases = 40;
  mkdirSync(path.join(dir, 'docs'), { recursive: true });
  const lines = ['cases:'];
  for (let c = 0; c < cases; c++) lines.push(`  g${c}: { name: Gemeente ${c}, kind: gemeente, line: ${c < 8 ? 'botoc' : 'overig'} }`);
  writeFileSync(path.join(dir, 'cases.yaml'), lines.join('\n') + '\n');
  const target = megabytes * 1024 * 1024;
  let bytes = 0;
  for (let d = 0; bytes < target; d++) {
    const interview = d % 4 !== 0;
    const head = interview
      ? `---\nid: d${d}\ntype: interview\ncase: g${d % cases}\nrespondents:\n  - { id: R1, role: projectleider, domain: veiligheid }\n  - { id: R2, role: klantmanager, domain: werk-inkomen }\n---\n`
      : `---\nid: d${d}\ntype: plan\ncase: g${d % cases}\n---\n`;
    const body = [];
    for (let t = 0; t < 40; t++) {
      const text = Array.from({ length: 1 + Math.floor(r() * 4) }, () => sentence(r)).join(' ');
      body.push(interview ? `${t % 2 === 0 ? 'I' : r() < 0.5 ? 'R1' : 'R2'}: ${text}` : `${text}\n`);
    }
    const content = head + body.join('\n') + '\n';
    const sub = `docs/${Math.floor(d / 500)}`;
    mkdirSync(path.join(dir, sub), { recursive: true });
    writeFileSync(path.join(dir, sub, `d${d}.md`), content);
    bytes += Buffer.byteLength(content);
  }
  return bytes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, mb] = process.argv.slice(2);
  console.log(synthesize(dir, Number(mb)));
}
