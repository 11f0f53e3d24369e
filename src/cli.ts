/**
 * The command line: declares commands and options (commander), loads each command on demand,
 * and turns typed errors into exit codes. `run` never calls process.exit; only the bin sets exitCode.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { formatPosition, InconsistentProject, InputError, InputErrors } from './core/errors.js';
import { AGREE_UNITS } from './core/agreement/units.js';
import { ALPHA_LEVELS } from './core/agreement/stats/krippendorff.js';
import { COOCCUR_WITHIN, MATRIX_UNITS } from './core/count/compare.js';
import { yamlCacheDir } from './io/cache.js';
import { GROUP_SORTS, GROUP_UNITS } from './report/compare.js';
import { FREQ_GROUPS, FREQ_UNITS } from './report/freq.js';
import { formatProblem } from './report/lint.js';
import type { Context, Writer } from './commands/context.js';
import { AUTO_SOURCES, NO_TRAINING_HELP, TRAIN_HELP } from './commands/options.js';
import { collect, common, EXAMPLES, formatOptions } from './cli-options.js';

export interface RunOptions {
  argv: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: Writer;
  stderr: Writer;
  /** See Context.onInterrupt. */
  onInterrupt?: Context['onInterrupt'];
}

function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

type SetCode = (code: number) => void;

function program(ctx: Context, setCode: SetCode): Command {
  const root = new Command('werkscan')
    .description('Code interview transcripts and project plans against a codebook, count, compare, and check a report\'s claims.')
    .version(version(), '-V, --version')
    .option('-C, --project <dir>', 'the folder that holds werkscan.yaml (default: found from the corpus folder upwards)')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => void ctx.stdout.write(s), writeErr: (s) => void ctx.stderr.write(s) })
    .exitOverride();
  root.hook('preAction', () => {
    ctx.projectDir = (root.opts() as { project?: string }).project ?? null;
  });
  countingCommands(root, ctx, setCode);
  checkingCommands(root, ctx, setCode);
  agreementCommands(root, ctx, setCode);
  exchangeCommands(root, ctx, setCode);
  termsCommands(root, ctx, setCode);
  setupCommands(root, ctx, setCode);
  return root;
}

/** A command on a corpus, with the options every corpus command takes and its examples. */
function corpusCommand(root: Command, name: string, description: string, opts?: { format?: boolean; counting?: boolean; source?: boolean }): Command {
  const cmd = common(root.command(name).description(description), opts);
  if (['freq', 'compare', 'cooccur'].includes(name)) cmd.option('--train <dir>', TRAIN_HELP, collect, [] as string[]).option('--no-training', NO_TRAINING_HELP);
  cmd.addHelpText('after', `\nExamples:\n  ${EXAMPLES[name] ?? ''}\n`);
  return cmd;
}

/** code, freq, compare, cooccur: count the coding. */
function countingCommands(root: Command, ctx: Context, setCode: SetCode): void {
  corpusCommand(root, 'code', 'parse, lint and count the corpus; write every report into reports/', { format: false, counting: false })
    .option('--out <dir>', 'report folder (default: paths.reports of werkscan.yaml, else reports)')
    .option('--check', 'write nothing; exit 1 when the report folder is not what it would write')
    .option('--delimiter <char>', 'CSV delimiter', ',')
    .option('--bom', 'start CSV files with a byte-order mark (Excel)')
    .option('--no-color', 'no colours')
    .option('--jobs <n>', 'threads (default: 2 above 32 MB of documents, else 1); above 5 MB werkscan codes document by document')
    .option('--quiet', 'no progress bar on stderr (shown only on a terminal, and not when CI is set)')
    .action(async (corpus: string, opts) => setCode(await (await import('./commands/code.js')).codeCommand(ctx, corpus, opts)));

  corpusCommand(root, 'freq', 'frequency table: per code its segments, documents, respondents and cases')
    .addOption(new Option('--by <group>', 'group codes').choices(FREQ_GROUPS))
    .addOption(new Option('--unit <unit>', 'show and sort by one unit').choices(FREQ_UNITS))
    .option('--jobs <n>', 'threads (default: 2 above 48 MB of documents, else 1); above 5 MB werkscan counts document by document')
    .option('--quiet', 'no progress bar on stderr (shown only on a terminal, and not when CI is set)')
    .action(async (corpus: string, opts) => setCode(await (await import('./commands/freq.js')).freqCommand(ctx, corpus, opts)));

  corpusCommand(root, 'compare', 'case × code matrix, or groups of cases side by side (--group-by line)')
    .addOption(new Option('--unit <unit>', `what a cell counts (matrix: ${MATRIX_UNITS.join(', ')}; groups: ${GROUP_UNITS.join(', ')})`).choices(MATRIX_UNITS))
    .option('--group-by <attribute>', 'compare groups of documents by an attribute, e.g. line or size')
    .option('--groups <values>', 'with --group-by: only these values, in this order (comma-separated)')
    .addOption(new Option('--sort <order>', 'with --group-by: codebook order, or largest difference first').choices(GROUP_SORTS))
    .option('--explain <code-and-case...>', 'print the segments behind one cell: --explain CODE CASE')
    .action(async (corpus: string, opts) => setCode((await import('./commands/compare.js')).compareCommand(ctx, corpus, opts)));

  corpusCommand(root, 'cooccur', 'code × code: how often two codes fall in the same segment, turn or document')
    .addOption(new Option('--within <unit>', 'the unit two codes share').choices(COOCCUR_WITHIN).default('document'))
    .option('--min <n>', 'only pairs that occur together at least n times', '1')
    .option('--matrix', 'the full code × code matrix instead of a list of pairs')
    .action(async (corpus: string, opts) => setCode((await import('./commands/compare.js')).cooccurCommand(ctx, corpus, opts)));
}

/** lint, findings, privacy: check the project; exit 1 on a problem. */
function checkingCommands(root: Command, ctx: Context, setCode: SetCode): void {
  corpusCommand(root, 'lint', 'check codebook, corpus and findings for consistency', { counting: false })
    .option('--no-findings', 'leave findings.yaml out (checking another corpus with this codebook)')
    .action(async (corpus: string, opts) => setCode((await import('./commands/lint.js')).lintCommand(ctx, corpus, opts)));

  corpusCommand(root, 'findings', "check every claim of findings.yaml against the coding (each from the source the claim names); exit 1 when one fails", { source: false })
    .option('--margin', 'also say per claim how many units must be recoded before its verdict changes, and which units rest on one segment')
    .action(async (corpus: string, opts) => setCode((await import('./commands/findings.js')).findingsCommand(ctx, corpus, opts)));

  formatOptions(root.command('privacy'))
    .description('personal data left in the corpus (e-mail, Dutch phone numbers, BSN, IBAN, postcode + house number, listed names); exit 1 on a hit')
    .argument('[corpus]', 'corpus folder (default: paths.corpus of werkscan.yaml, else corpus)')
    .option('--names <file>', 'also look for these names (one per line)')
    .addHelpText('after', '\nExamples:\n  werkscan privacy\n  werkscan privacy corpus --names namen.txt --format json\n')
    .action(async (corpus: string, opts) => setCode((await import('./commands/privacy.js')).privacyCommand(ctx, corpus, opts)));
}

/** agree, alpha: agreement between coders. */
function agreementCommands(root: Command, ctx: Context, setCode: SetCode): void {
  formatOptions(root.command('agree'))
    .description("inter-coder agreement of two codings of the same documents: Cohen's kappa per code, Krippendorff's alpha, differences")
    .argument('[a]', "first coder's corpus folder (with --auto: the corpus)")
    .argument('[b]', "second coder's corpus folder (documents matched by id)")
    .option('--auto', 'compare the manual coding of one corpus with its automatic coding: precision, recall, F1 per code')
    .option('--examples <n>', 'with --auto: how many false positives and negatives to show per code', '3')
    .addOption(new Option('--source <source>', 'with --auto: terms (auto), the coder learned from the manual coding (learned; out of fold on the study corpus), or both').choices(AUTO_SOURCES)).option('--train <dir>', TRAIN_HELP, collect, [] as string[]).option('--no-training', NO_TRAINING_HELP)
    .option('--codebook <dir>', 'codebook folder', 'codebook')
    .addOption(new Option('--unit <unit>', 'unit of comparison (turn: turns in interviews, paragraphs elsewhere)').choices(AGREE_UNITS).default('turn'))
    .option('--codes <list>', 'only these codes, comma-separated')
    .option('--exclude-uncoded', 'leave out units that neither coder coded')
    .option('--overlap <percent>', 'also segment-overlap agreement: spans agree when they overlap at least this percent')
    .addHelpText('after', '\nExamples:\n  werkscan agree corpus corpus-coder-b --unit turn\n  werkscan agree corpus corpus-coder-b --codes capaciteit,avg-privacy --exclude-uncoded --format json\n  werkscan agree --auto corpus\n  werkscan agree --auto --source learned corpus-heldout\n')
    .action(async (a: string | undefined, b: string | undefined, opts) => setCode((await import('./commands/agree.js')).agreeCommand(ctx, a, b, opts)));

  formatOptions(root.command('alpha'))
    .description("Krippendorff's alpha of a reliability matrix (CSV: rows units, columns coders, empty = missing)")
    .argument('<file>', 'CSV file')
    .addOption(new Option('--level <level>', 'level of measurement').choices(ALPHA_LEVELS).default('nominal'))
    .option('--units <column>', 'the column that labels the units (default: a first column headed unit/eenheid/id or holding distinct labels)')
    .option('--no-units', 'no column labels the units: every column is a coder')
    .addHelpText('after', '\nExamples:\n  werkscan alpha ratings.csv --level ordinal\n  werkscan alpha ratings.csv --format json\n  werkscan alpha ratings.csv --units fragment\n')
    .action(async (file: string, opts) => setCode((await import('./commands/alpha.js')).alphaCommand(ctx, file, opts)));
}

/** export, import: the REFI-QDA exchange format. */
function exchangeCommands(root: Command, ctx: Context, setCode: SetCode): void {
  root
    .command('export')
    .description('the codebook (qdc) or the whole project (qdpx) in the REFI-QDA format, for ATLAS.ti, MAXQDA, NVivo, QualCoder')
    .argument('<format>', 'qdc or qdpx')
    .argument('[corpus]', 'corpus folder (default: paths.corpus of werkscan.yaml, else corpus)')
    .option('--codebook <dir>', 'codebook folder (default: paths.codebook of werkscan.yaml, else codebook)')
    .option('--out <file>', 'file to write (default werkscan.qdc / werkscan.qdpx)')
    .addHelpText('after', '\nExamples:\n  werkscan export qdc --out codeboek.qdc\n  werkscan export qdpx --out ondermijning.qdpx\n')
    .action(async (kind: string, corpus: string, opts) => setCode((await import('./commands/export.js')).exportCommand(ctx, kind, corpus, opts)));

  root
    .command('import')
    .description('a REFI-QDA codebook (.qdc) or project (.qdpx) into codebook/ and corpus/')
    .argument('<file>', '.qdc or .qdpx file')
    .option('--codebook <dir>', 'codebook folder to write (default: paths.codebook of werkscan.yaml, else codebook)')
    .option('--corpus <dir>', 'corpus folder to write, for .qdpx (default: paths.corpus of werkscan.yaml, else corpus)')
    .option('--force', 'overwrite files that exist')
    .addHelpText('after', '\nExamples:\n  werkscan import atlas-export.qdpx --codebook mijn/codebook --corpus mijn/corpus\n  werkscan import codeboek.qdc --codebook nieuw/\n')
    .action(async (file: string, opts) => setCode((await import('./commands/import.js')).importCommand(ctx, file, opts)));
}

/** terms suggest: terms for the codebook, learned from the manual coding. */
function termsCommands(root: Command, ctx: Context, setCode: SetCode): void {
  const terms = root.command('terms').description('terms for the codebook, from the manual coding');
  formatOptions(terms.command('suggest'))
    .description("words and phrases that set a code's coded sentences apart (weighted log-odds, Monroe et al. 2008), each with its effect on automatic coding")
    .argument('[code]', 'only this code (default: every code)')
    .argument('[corpus]', 'corpus folder (default: paths.corpus of werkscan.yaml, else corpus)')
    .option('--codebook <dir>', 'codebook folder (default: paths.codebook of werkscan.yaml, else codebook)')
    .option('--top <n>', 'suggestions per code', '5')
    .option('--pick <terms>', 'with --write: only these suggested terms (comma-separated)')
    .option('--write <file>', "write a copy of codebook.yaml with the code's suggested (or picked) terms added; never the codebook itself")
    .addHelpText('after', '\nExamples:\n  werkscan terms suggest capaciteit\n  werkscan terms suggest capaciteit --pick formatie --write /tmp/codebook.yaml\n  werkscan terms suggest --top 3 --format json\n')
    .action(async (code: string | undefined, corpus: string | undefined, opts) => setCode((await import('./commands/terms.js')).termsSuggestCommand(ctx, code, corpus, opts)));
}

/** init: start a study; ingest: bring material in; scan: a draft plan. */
function setupCommands(root: Command, ctx: Context, setCode: SetCode): void {
  root
    .command('ingest')
    .description('Word, OpenDocument, PDF, subtitles (.srt/.vtt) and transcription exports (.txt/.json) into corpus documents')
    .argument('<files...>', 'files, or folders of them')
    .option('--case <id>', 'the case (of cases.yaml) the material belongs to')
    .option('--type <type>', 'document type (default: interview where speakers are found, else document; the project file may declare others)')
    .option('--speakers <file>', 'speakers map (YAML): labels to ids, respondents\' attributes; its names are replaced by ids')
    .option('--speaker-pattern <regex>', 'a speaker label: a regular expression with one capture group, matched at the start of a line')
    .option('--out <dir>', 'folder to write (default: paths.corpus of werkscan.yaml, else corpus)')
    .option('--force', 'overwrite documents that exist')
    .option('--dry-run', 'print what would be written; write nothing')
    .addHelpText('after', '\nExamples:\n  werkscan ingest material/ --case amsterdam --speakers speakers.yaml\n  werkscan ingest interview.docx --case leiden --type interview --dry-run\n')
    .action(async (files: string[], opts) => setCode(await (await import('./commands/ingest.js')).ingestCommand(ctx, files, opts)));

  root
    .command('init')
    .description('start a study: werkscan.yaml, a codebook with claims, cases, an interview and a plan, .gitignore and a CI example')
    .argument('[dir]', 'folder for the study (created when missing; must be empty)', '.')
    .option('--force', 'also in a folder that is not empty: add the missing files, keep every file that exists')
    .addHelpText('after', '\nNever overwrites a file. After it, `werkscan code` in the folder writes reports/.\n\nExamples:\n  werkscan init mijn-studie\n  werkscan init . --force    # add what is missing to the current folder\n')
    .action(async (dir: string, opts) => setCode((await import('./commands/init.js')).initCommand(ctx, dir, opts)));

  root
    .command('scan')
    .description("hold a draft plan against the study's recommendations and stimulating factors: present, mentioned or missing")
    .argument('<plan...>', 'plans (.md or .txt, with or without front matter)')
    .option('--codebook <dir>', 'codebook folder (default: paths.codebook of werkscan.yaml, else codebook)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'md', 'html', 'json']).default('table'))
    .addOption(new Option('--source <source>', "what finds an item: the codebook's terms, the coder learned from the study's hand coding, or both").choices(['auto', 'learned', 'auto+learned']).default('auto'))
    .option('--no-training', NO_TRAINING_HELP)
    .option('--no-color', 'no colours')
    .option('--width <n>', 'fit the table to n characters (default: COLUMNS, the terminal, or 80; 0: no limit)')
    .addHelpText('after', '\nWhat is on the checklist: `scan` in werkscan.yaml (docs/scan.md).\n\nExamples:\n  werkscan scan concept-plan.md\n  werkscan scan concept-plan.md --format html > scan.html\n')
    .action(async (plans: string[], opts) => setCode(await (await import('./commands/scan.js')).scanCommand(ctx, plans, opts)));
}

export async function run(options: RunOptions): Promise<number> {
  const ctx: Context = {
    cwd: options.cwd,
    env: options.env,
    stdout: options.stdout,
    stderr: options.stderr,
    onInterrupt: options.onInterrupt,
    yamlCacheDir: yamlCacheDir(options.env),
    said: new Set(),
    projects: new Map(),
  };
  let code = 0;
  try {
    await program(ctx, (n) => (code = n)).parseAsync([...options.argv], { from: 'user' });
    return code;
  } catch (e) {
    return handleError(e, ctx);
  }
}

function handleError(e: unknown, ctx: Context): number {
  if (e instanceof CommanderError) {
    // Help and version exit 0; usage errors were already printed by commander.
    return e.exitCode === 0 ? 0 : 2;
  }
  if (e instanceof InputError) {
    for (const one of e instanceof InputErrors ? e.errors : [e]) {
      const where = formatPosition(one);
      ctx.stderr.write(`werkscan: ${where ? `${where}: ` : ''}${one.message}\n`);
      if (one.hint) ctx.stderr.write(`  ${one.hint}\n`);
    }
    if (e instanceof InputErrors) {
      const more = e.total - e.errors.length;
      ctx.stderr.write(`werkscan: ${more > 0 ? `… and ${more} more; ` : ''}${e.total} files could not be read or parsed\n`);
    }
    return 2;
  }
  if (e instanceof InconsistentProject) {
    for (const p of e.problems.slice(0, 5)) ctx.stderr.write(formatProblem({ ...p, severity: 'error' }, false) + '\n');
    if (e.problems.length > 5) ctx.stderr.write(`… and ${e.problems.length - 5} more\n`);
    ctx.stderr.write(`werkscan: ${e.message}; cannot count. Run \`werkscan lint\` for the full list.\n`);
    return 2;
  }
  const message = e instanceof Error ? e.message : String(e);
  ctx.stderr.write(`werkscan: internal error: ${message}\n  This is a bug in werkscan; please report it with the command you ran.\n`);
  if (ctx.env.WERKSCAN_DEBUG && e instanceof Error && e.stack) ctx.stderr.write(e.stack + '\n');
  return 2;
}
