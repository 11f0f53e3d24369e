#!/usr/bin/env node
// The only place that touches process: run werkscan and set the exit code.
import { run } from '../dist/cli.js';

// A reader that stops early (`werkscan freq | head`) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await run({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
