// npm run bench, last row: `convertPdf` (werkscan ingest's PDF converter) on a 200-page PDF. The PDF is made
// once with LibreOffice from test/fixtures/ingest/pdf/plan.fodt's styles (running header, page-number
// footer, a footnote per page) and kept in .bench/; without soffice the row is skipped, saying so.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const PAGES = 200;
const words = 'de gemeente wil samen met partners voorkomen dat jongeren in de criminaliteit belanden en biedt hun werk opleiding en begeleiding aan'.split(' ');

/** The .fodt: plan.fodt with its body replaced by one page-broken chapter per page. */
function fodt(root) {
  const plan = readFileSync(path.join(root, 'test/fixtures/ingest/pdf/plan.fodt'), 'utf8');
  const sentence = (i, j) => Array.from({ length: 14 }, (_, k) => words[(i * 7 + j * 3 + k) % words.length]).join(' ');
  const chapter = (i) =>
    `<text:h text:style-name="${i === 0 ? 'Heading_20_1' : 'NieuwePagina'}" text:outline-level="1">Hoofdstuk ${i + 1}</text:h>` +
    [0, 1, 2].map((p) => `<text:p text:style-name="Standard">${[0, 1, 2].map((s) => `${sentence(i, p * 3 + s)}.`).join(' ')}${p === 0 ? `<text:note text:note-class="footnote"><text:note-citation>${i + 1}</text:note-citation><text:note-body><text:p text:style-name="Footnote">Bron bij hoofdstuk ${i + 1}.</text:p></text:note-body></text:note>` : ''}</text:p>`).join('');
  const body = Array.from({ length: PAGES }, (_, i) => chapter(i)).join('\n');
  return plan.replace(/<office:text>[\s\S]*<\/office:text>/, `<office:text>${body}</office:text>`);
}

export function benchPdf(root, time) {
  console.log(`\ningest: convertPdf (unpdf) on a ${PAGES}-page PDF made by LibreOffice (target: a few seconds)`);
  const dir = path.join(root, '.bench/pdf');
  const pdf = path.join(dir, 'plan-200.pdf');
  if (!existsSync(pdf)) {
    if (spawnSync('soffice', ['--version']).status !== 0) {
      console.log('  skipped: LibreOffice (soffice) is not installed, so the PDF cannot be made');
      return;
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'plan-200.fodt'), fodt(root));
    const r = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'plan-200.fodt')], { stdio: 'ignore' });
    if (r.status !== 0 || !existsSync(pdf)) {
      console.log('  skipped: soffice could not make the PDF');
      return;
    }
  }
  const script = `import { convertPdf } from ${JSON.stringify(path.join(root, 'dist/io/ingest/pdf.js'))};
    import { readFileSync } from 'node:fs';
    const r = await convertPdf(new Uint8Array(readFileSync(${JSON.stringify(pdf)})), 'plan-200.pdf');
    process.stdout.write(r.pages + ' ' + r.blocks.length);`;
  const runs = [0, 1, 2].map(() => time(process.execPath, ['--input-type=module', '-e', script]));
  const bad = runs.find((r) => r.status !== 0);
  if (bad) throw new Error(`convertPdf failed: ${bad.stderr}`);
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[1];
  const [pages, blocks] = runs[0].stdout.split(' ').map(Number);
  console.log(`  ${pages} pages, ${blocks} blocks: ${(ms / 1000).toFixed(2)} s (median of 3, Node start-up included), ${(ms / pages).toFixed(1)} ms per page`);
}
