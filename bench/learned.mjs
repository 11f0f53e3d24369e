#!/usr/bin/env node
// The learned coder (--source learned): training on the shipped corpus (thresholds by nested
// cross-validation included), then coding text it did not see: the synthetic corpus's documents when
// bench/run.mjs has made one (.bench/synthetic-10mb), else the shipped corpus read LEARN_COPIES times.
// Prints one JSON line: wall and CPU seconds of training and of coding, and the MB coded.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadProject } = await import(path.join(root, 'dist/io/read.js'));
const { projectSettings } = await import(path.join(root, 'dist/io/project-file.js'));
const { trainCoder, learnedCode } = await import(path.join(root, 'dist/core/autocode/learn/coder.js'));

const settings = projectSettings({ cwd: root, projectDir: null, corpus: null, yamlCache: null });
const study = loadProject({ cwd: root, corpus: 'corpus', codebook: 'codebook', settings });
let t0 = performance.now();
let cpu0 = process.cpuUsage();
const coder = trainCoder(study.corpus.documents, study.codebook);
const trainSeconds = (performance.now() - t0) / 1000;
const cpuSeconds = (u) => (u.user + u.system) / 1e6;
const trainCpu = cpuSeconds(process.cpuUsage(cpu0));

const target = path.join(root, '.bench/synthetic-10mb');
const docs = existsSync(path.join(target, 'cases.yaml'))
  ? loadProject({ cwd: root, corpus: target, codebook: 'codebook', settings }).corpus.documents
  : Array.from({ length: Number(process.env.LEARN_COPIES ?? 100) }, () => study.corpus.documents).flat();
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.plainText), 0);
t0 = performance.now();
cpu0 = process.cpuUsage();
let segments = 0;
for (const d of docs) segments += learnedCode(coder, d).length;
const codeSeconds = (performance.now() - t0) / 1000;
const codeCpu = cpuSeconds(process.cpuUsage(cpu0));
console.log(JSON.stringify({ trainSeconds, trainCpu, codedMb: bytes / 1024 / 1024, codeSeconds, codeCpu, segments, source: existsSync(path.join(target, 'cases.yaml')) ? 'synthetic-10mb' : 'shipped corpus × copies' }));
