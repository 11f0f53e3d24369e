/**
 * Prints one plain closing line, "N passed, N failed, N skipped", after vitest's own summary,
 * so CI logs can be read by tools that know that line rather than vitest's format. A test file that
 * fails before its tests run counts as one failure.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of testModules) {
      // A file that fails to load (a missing fixture, a syntax error) has no tests, but is a failure.
      if (m.state() === 'failed' && m.errors().length > 0) failed++;
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
