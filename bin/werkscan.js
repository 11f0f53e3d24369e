#!/usr/bin/env node
// The only place that touches process: run werkscan and set the exit code.
import { run } from '../dist/cli.js';

process.exitCode = await run({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
