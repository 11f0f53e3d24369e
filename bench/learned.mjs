#!/usr/bin/env node
// The learned coder (--source learned): training on the shipped corpus (thresholds by nested
// cross-validation included), then coding text it did not see: the synthetic corpus's documents when
// bench/run.mjs has made one (.bench/synthetic-10mb), else the shipped corpus read LEARN_COPIES times.
// Training is timed twice: on the study corpus alone (--no-training) and with the `training:` folders of
// werkscan.yaml, as the shipped study trains. Prints one JSON line: wall and CPU seconds of training and of
// coding, and the MB coded.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadProject } = await import(path.join(root, 'dist/io/read.js'));
const { projectSettings } = await import(path.join(root, 'dist/io/project-file.js'));
const { trainCoder, learnedCode } = await import(path.join(root, 'dist/core/autocode/learn/coder.js'));

const settings = projectSettings({ cwd: root, projectDir: null, corpus: null, yamlCache: null });
const study = loadProject({ cwd: root, corpus: 'corpus', codebook: 'codebook', settings });
// The shipped study's `training:` folders (werkscan.yaml), as `--source learned` trains on them.
const extra = settings.training.map((t) => loadProject({ cwd: root, corpus: path.join(root, t.folder), codebook: 'codebook', settings }).corpus.documents);
const cpuSeconds = (u) => (u.user + u.system) / 1e6;
let t0 = performance.now();
let cpu0 = process.cpuUsage();
trainCoder(study.corpus.documents, study.codebook);
const studyOnlySeconds = (performance.now() - t0) / 1000;
t0 = performance.now();
cpu0 = process.cpuUsage();
const coder = trainCoder(study.corpus.documents, study.codebook, extra);
const trainSeconds = (performance.now() - t0) / 1000;
const trainCpu = cpuSeconds(process.cpuUsage(cpu0));
const trainingDocs = extra.reduce((n, d) => n + d.length, 0);

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
console.log(JSON.stringify({ trainSeconds, trainCpu, studyOnlySeconds, trainingFolders: extra.length, trainingDocs, codedMb: bytes / 1024 / 1024, codeSeconds, codeCpu, segments, source: existsSync(path.join(target, 'cases.yaml')) ? 'synthetic-10mb' : 'shipped corpus × copies' }));
