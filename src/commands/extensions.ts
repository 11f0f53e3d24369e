/** Lint checks that live with other features (automatic coding checks codebook examples). */
import type { LintExtension } from '../core/lint.js';

export function lintExtensions(): LintExtension[] {
  return [];
}
