#!/usr/bin/env node
// The floor under any Node tool for this job, timed by bench/run.mjs: walk the corpus folder, read every
// file as UTF-8 and find its words with one regex. Nothing is parsed, stemmed or counted, so werkscan
// cannot be faster than this; its time against ripgrep's shows how much of a ratio is Node itself.
// Usage: node bench/floor.mjs DIR — prints the number of words found.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

let words = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (entry.isFile()) words += readFileSync(file, 'utf8').match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  }
};
walk(process.argv[2]);
console.log(words);
