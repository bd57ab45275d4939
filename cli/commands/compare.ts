/**
 * `kripke compare <model> [--variants a,b|all] [--set nodes=3,5 …]`: a table of variant ×
 * configuration × property → verdict, distinct states, depth, time, counterexample length.
 */
import { type Command, InvalidArgumentError } from 'commander';
import { ENGINES } from '../../checker/options.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { collectSetting, positiveInteger, type Settings } from '../options.ts';
import { compareVariants, comparisonJson, renderComparison } from '../workflows/compare.ts';
import { parseDuration } from '../workflows/duration.ts';
import { TABLE_FORMATS, type TableFormat } from '../workflows/table.ts';
import { jsonOutput } from '../json-output.ts';

export type OutputFormat = TableFormat | 'json';

export interface RunFlags {
  set: Settings;
  engine: 'bfs' | 'dfs';
  property?: string[];
  /** Undefined: the spec's own `checkDeadlock` decides. */
  deadlock?: boolean;
  liveness: boolean;
  workers?: number;
  timeLimit?: number;
  jobs?: number;
  format: OutputFormat;
}

interface CompareFlags extends RunFlags {
  variants: string[] | 'all';
}

export function registerCompare(program: Command, run: (code: Promise<ExitCode>) => void): void {
  withRunOptions(
    program
      .command('compare')
      .description(
        'check variants and configurations side by side: a row per property with verdict, states, depth, time',
      )
      .argument('<model>', 'a shipped model (see `kripke list`) or a model file')
      .option('--variants <names>', 'a comma-separated list of variants, or all', variantList, 'all')
      .option(
        '--set <key=values>',
        'a setting, a list (nodes=3,5) or a range (nodes=2..4); repeatable, every combination runs',
        collectSetting,
        {},
      ),
  ).action((model: string, flags: CompareFlags) => run(runCompare(model, flags)));
}

/** The options `compare` and `sweep` share: what each run checks, how long, and how results print. */
export function withRunOptions(command: Command): Command {
  return command
    .option('--engine <name>', 'search order: bfs or dfs', engineName, 'bfs')
    .option('--property <name...>', 'check only these properties')
    .option('--deadlock', "report states without successors as deadlocks, whatever the spec's checkDeadlock says")
    .option(
      '--no-deadlock',
      'do not report states without successors as deadlocks (the default: the spec says, else report them)',
    )
    .option('--no-liveness', 'skip liveness properties')
    .option('--workers <n>', 'BFS on n threads per run', positiveInteger)
    .option('--time-limit <duration>', 'per run, e.g. 90s or 10m (default 10m)', durationOption)
    .option('--jobs <n>', 'runs at once (default: one per core)', positiveInteger)
    .option('--format <format>', `output: ${[...TABLE_FORMATS, 'json'].join(', ')}`, outputFormat, 'table');
}

async function runCompare(model: string, flags: CompareFlags): Promise<ExitCode> {
  const comparison = await compareVariants(model, {
    variants: flags.variants,
    settings: flags.set,
    engine: flags.engine,
    properties: flags.property,
    deadlock: flags.deadlock,
    liveness: flags.liveness,
    workers: flags.workers,
    timeLimitMs: flags.timeLimit,
    cores: flags.jobs,
  });
  const text =
    flags.format === 'json' ? jsonOutput(comparisonJson(comparison)) : renderComparison(comparison, flags.format);
  process.stdout.write(`${text}\n`);
  return comparison.rows.some((r) => r.verdict === 'error') ? EXIT.usageOrModelError : EXIT.pass;
}

function variantList(text: string): string[] | 'all' {
  if (text.trim() === 'all') return 'all';
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0)
    throw new InvalidArgumentError(`expected variant names separated by commas, or all, got '${text}'`);
  return names;
}

function engineName(text: string): 'bfs' | 'dfs' {
  if (text === 'bfs' || text === 'dfs') return text;
  throw new InvalidArgumentError(
    `expected bfs or dfs (random walks cannot size a state space), got '${text}'; engines: ${ENGINES.join(', ')}`,
  );
}

function outputFormat(text: string): OutputFormat {
  if (text === 'json' || (TABLE_FORMATS as readonly string[]).includes(text)) return text as OutputFormat;
  throw new InvalidArgumentError(`expected one of ${[...TABLE_FORMATS, 'json'].join(', ')}, got '${text}'`);
}

function durationOption(text: string): number {
  const ms = parseDuration(text, 's');
  if (ms === undefined) throw new InvalidArgumentError(`expected a duration like 90s, 10m or 1500ms, got '${text}'`);
  return ms;
}
