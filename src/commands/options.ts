/**
 * Option values the commands share, parsed and checked. The allowed values of each choice option are a
 * constant beside the code that consumes them (FORMATS, FREQ_UNITS, MATRIX_UNITS, …); cli.ts hands the
 * same constant to commander, and `choice` is the one check for a command called without it.
 */
import { InputError } from '../core/errors.js';
import type { SourceChoice } from '../core/count/select.js';
import type { Attributes } from '../core/model.js';
import { FORMATS, type Format } from '../report/formats.js';

/**
 * Which coding a count counts (--source). `learned` and `auto+learned` are automatic coding too (see
 * commands/learned.ts): they are counted as source auto, with other automatic segments.
 */
export const SOURCES = ['manual', 'auto', 'any', 'learned', 'auto+learned'] as const;
export type SourceOption = (typeof SOURCES)[number];

/** The automatic codings `agree --auto --source` compares with the manual coding. */
export const AUTO_SOURCES = ['auto', 'learned', 'auto+learned'] as const satisfies readonly SourceOption[];

/** --train DIR (agree --auto, freq, compare, cooccur): more manually coded material for the learned coder (commands/learned.ts). */
export const TRAIN_HELP = 'with --source learned or auto+learned: also train the learned coder on the manual coding of this corpus folder; repeatable';

/** --no-training: the learned coder learns from the study corpus and --train only, not from `training` in werkscan.yaml. */
export const NO_TRAINING_HELP = "with a learned source: leave out the project file's `training` folders (train on the study corpus and --train only)";

/** What the counting core counts for a --source: learned codings are automatic segments. */
export const countedSource = (s: SourceOption): SourceChoice => (s === 'learned' || s === 'auto+learned' ? 'auto' : s);

/** The value of a choice option, `fallback` when it is not given; anything not in `allowed` is exit 2. */
export function choice<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T;
export function choice<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined;
export function choice<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback?: T): T | undefined {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new InputError(`${name} ${value}: not a valid choice`, { hint: `expected one of: ${allowed.join(', ')}` });
  return value as T;
}

export const parseFormat = (value: string | undefined): Format => choice('--format', value, FORMATS, 'table');

export const parseSource = (value: string | undefined): SourceOption => choice('--source', value, SOURCES, 'manual');

export function parseWhere(list: readonly string[]): Attributes {
  const out: Record<string, string> = {};
  for (const item of list) {
    const i = item.indexOf('=');
    if (i <= 0) throw new InputError(`--where ${item}: expected key=value`, { hint: 'e.g. --where kind=school (repeat --where for more keys)' });
    out[item.slice(0, i).trim()] = item.slice(i + 1).trim();
  }
  return out;
}
