// Screenshot of the shipped study's heatmap (reports/index.html) for the README: docs/heatmap.png.
// Needs Debian's Chromium (/usr/bin/chromium, or CHROMIUM=path) and puppeteer-core; not a test.
//   node bench/screenshot-heatmap.mjs [out.png] [--open=cell=amsterdam/capaciteit]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const out = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(root, 'docs/heatmap.png'));
const fragment = args.find((a) => a.startsWith('--open='))?.slice('--open='.length);
const width = Number(args.find((a) => a.startsWith('--width='))?.slice('--width='.length) ?? 1280);
const profile = mkdtempSync(path.join(tmpdir(), 'werkscan-chromium-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 820, deviceScaleFactor: 1 });
  const url = pathToFileURL(path.join(root, 'reports/index.html')).href + (fragment ? `#${fragment}` : '');
  await page.goto(url, { waitUntil: 'load' });
  const box = await page.$('#heatmap');
  await box.evaluate((e) => e.scrollIntoView());
  if (fragment) await page.screenshot({ path: out, type: 'png' });
  else await box.screenshot({ path: out, type: 'png' });
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
