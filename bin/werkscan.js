#!/usr/bin/env node
// The only place that touches process: run werkscan and set the exit code.
import { run } from '../dist/cli.js';

// A reader that stops early (`werkscan freq | head`) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

// Cleanups to run on Ctrl-C (temporary files of a large run). The handlers are installed only while one
// is pending: with a handler, Node delivers the signal only when the main thread is free, and a run that
// leaves nothing behind should stop at once.
const cleanups = new Set();
const SIGNALS = { SIGINT: 130, SIGTERM: 143 };
function interrupted(signal) {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // leave what cannot be removed
    }
  }
  process.exit(SIGNALS[signal]);
}
function onInterrupt(cleanup) {
  if (cleanups.size === 0) for (const s of Object.keys(SIGNALS)) process.on(s, interrupted);
  cleanups.add(cleanup);
  return () => {
    if (!cleanups.delete(cleanup) || cleanups.size > 0) return;
    for (const s of Object.keys(SIGNALS)) process.off(s, interrupted);
  };
}

process.exitCode = await run({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  onInterrupt,
});
