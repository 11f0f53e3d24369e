/** The options several commands share, and the commands' examples (for src/cli.ts). */
import { Command, Option } from 'commander';
import { FORMATS } from './report/formats.js';
import { SOURCES } from './commands/options.js';

export const collect = (value: string, previous: string[]) => [...previous, value];

/** The options of every command that prints a table. */
export function formatOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS))
    .option('--no-color', 'no colours (also: NO_COLOR=1)')
    .option('--delimiter <char>', 'CSV delimiter (";" for Dutch Excel)', ',')
    .option('--bom', 'start CSV with a byte-order mark (Excel)')
    .option('--width <n>', 'fit tables to n characters (default: COLUMNS, the terminal, or 80; 0: no limit)');
}

/** Options every corpus command takes. */
export function common(cmd: Command, { format = true, counting = true, source = true } = {}): Command {
  cmd
    .argument('[corpus]', 'corpus folder (default: paths.corpus of werkscan.yaml, else corpus)')
    .option('--codebook <dir>', 'codebook folder (default: paths.codebook of werkscan.yaml, else codebook)')
    .option('--where <key=value>', 'only documents (and respondents) with this attribute; repeatable', collect, [] as string[]);
  if (format) formatOptions(cmd);
  // findings counts each claim from the source the claim names (findings.yaml), so it takes no --source
  if (counting && source) cmd.addOption(new Option('--source <source>', 'which coding to count').choices(SOURCES).default('manual'));
  if (counting) cmd.option('--rollup', 'count a code for its parents too');
  return cmd;
}

export const EXAMPLES: Record<string, string> = {
  code: 'werkscan code corpus/                 # lint, count, write reports/\n  werkscan code --check                  # CI: exit 1 when reports/ is stale',
  freq: 'werkscan freq --by category\n  werkscan freq --where kind=school --unit cases --format md',
  lint: 'werkscan lint\n  werkscan lint --format json\n  werkscan lint corpus-heldout --no-findings',
  findings: 'werkscan findings\n  werkscan findings --format json',
  compare: 'werkscan compare --where kind=school --unit case\n  werkscan compare --group-by region --groups north,south --sort diff\n  werkscan compare --explain CODE CASE',
  cooccur: 'werkscan cooccur --within turn --min 3\n  werkscan cooccur --within segment --format csv --matrix',
};

