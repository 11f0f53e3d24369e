// Deterministic synthetic corpus in the SPEC format: cases.yaml plus interviews and plans of Dutch-like
// text built from a fixed vocabulary with a seeded generator, so every run writes the same bytes.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/**
 * A real-shaped corpus: the shipped corpus (`source`, with its cases.yaml) copied until it holds about
 * `megabytes` MB, each copy's document ids suffixed (-c0, -c1, …) so they stay unique. Unlike the synthetic
 * corpus it has coded spans, speaker turns of real length and ordinary Dutch, most of it no term at all.
 */
export function replicate(source, dir, megabytes) {
  const docs = [];
  const walk = (rel) => {
    for (const e of readdirSync(path.join(source, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(child);
      else if (/\.(md|txt)$/i.test(e.name) && !/^readme\./i.test(e.name)) docs.push([child, readFileSync(path.join(source, child), 'utf8')]);
    }
  };
  walk('');
  docs.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(source, 'cases.yaml'), path.join(dir, 'cases.yaml'));
  const target = megabytes * 1024 * 1024;
  let bytes = 0;
  for (let k = 0; bytes < target; k++) {
    for (const [rel, text] of docs) {
      const content = text.replace(/^id: *(\S+)/m, `id: $1-c${k}`);
      const file = path.join(dir, `c${k}`, rel);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
      bytes += Buffer.byteLength(content);
    }
  }
  return bytes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, mb] = process.argv.slice(2);
  console.log(synthesize(dir, Number(mb)));
}
