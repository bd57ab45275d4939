/** `kripke check <model> [options]`: exhaustive search (BFS or DFS) with the model's properties. */
import { type Command, Option } from 'commander';
import { defaultMemoryBytes, describeMemoryBound } from '../../checker/memory.ts';
import type { CheckResult } from '../../checker/result.ts';
import { ENGINES, type EngineName } from '../../checker/options.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { loadModel } from '../load-model.ts';
import { EngineThread } from '../engine-thread.ts';
import { Interruption, interruptedJson } from '../interruption.ts';
import { prepareOutDir, writeViolationFiles } from '../output-files.ts';
import { createProgress } from '../progress.ts';
import { describeModel, renderResultText, resultJson } from '../report.ts';
import { collectSetting, positiveInteger, type Settings, warnAboveCores } from '../options.ts';
import { replayCommand } from '../../counterexamples/artifacts.ts';
import { InvalidArgumentError } from 'commander';
import { basename } from 'node:path';
import type { EngineRequest } from '../engine-messages.ts';
import { durationArgument } from './simulate.ts';
import { jsonOutput } from '../json-output.ts';
import { colourWanted } from '../colour.ts';

interface CheckFlags {
  set: Settings;
  variant?: string;
  engine: EngineName;
  maxDepth?: number;
  continue?: boolean;
  /** Undefined: the spec's own `checkDeadlock` decides. */
  deadlock?: boolean;
  strict?: boolean;
  property?: string[];
  json?: boolean;
  progress: boolean;
  liveness: boolean;
  out?: string;
  memory?: number;
  store?: 'memory' | 'disk';
  storeDir?: string;
  checkpoint?: string;
  checkpointEvery?: number;
  resume?: string;
  workers?: number;
  typecheck: boolean;
}

export function registerCheck(program: Command, run: (code: Promise<ExitCode>) => void): void {
  program
    .command('check')
    .description('explore every reachable state and check the properties')
    .argument('<model>', 'a shipped model (see `kripke list`) or a model file (path/to/model.ts)')
    .option('--set <key=value>', 'set a configuration value (repeatable)', collectSetting, {})
    .option('--variant <name>', 'check a variant of the protocol (see `kripke list`)')
    .addOption(new Option('--engine <name>', 'search order').choices(ENGINES).default('bfs'))
    .option('--max-depth <n>', 'explore no deeper than n states (initial states are depth 1)', positiveInteger)
    .option('--continue', 'keep going after a violation and report every violated property')
    .option('--deadlock', "report states without successors as deadlocks, whatever the spec's checkDeadlock says")
    .option(
      '--no-deadlock',
      'do not report states without successors as deadlocks (the default: the spec says, else report them)',
    )
    .option('--strict', 'catch impure actions: re-hash inputs after each action, run each action twice and compare')
    .option('--property <name...>', 'check only these properties')
    .option('--no-liveness', 'skip liveness properties (eventually, leadsTo, …); check safety only')
    .option('--json', 'print one JSON result object on stdout')
    .option('--no-progress', 'no progress output on stderr')
    .option(
      '--memory <size>',
      'bound the visited-state store and queue (e.g. 500m, 2g); BFS goes on with the store on disk beyond it ' +
        '(with --store memory, DFS or --workers, reaching it stops the run as incomplete)',
      byteSize,
    )
    .option(
      '--store <kind>',
      'memory, or disk: fingerprints, parent links and queue on disk beyond --memory (default 1g); BFS on one worker',
      storeKind,
    )
    .option(
      '--store-dir <dir>',
      "where the disk store keeps its files (a fresh folder inside this one; default: the system's temporary folder)",
    )
    .option(
      '--checkpoint <dir>',
      'save the search into <dir> between BFS levels, to resume after the process is stopped (disk store)',
    )
    .option(
      '--checkpoint-every <duration>',
      'time between checkpoints, e.g. 5m (the default), 30s; 0: after every level',
      intervalArgument,
    )
    .option(
      '--resume <dir>',
      'resume the check saved in <dir> by --checkpoint (same model, settings and options), saving there as it goes',
    )
    .option(
      '--workers <n>',
      'BFS on n threads (worker_threads); same counts, shortest counterexamples',
      positiveInteger,
    )
    .option('--no-typecheck', 'run a TypeScript model file without type-checking it first')
    .option(
      '--out <dir>',
      'save each counterexample into <dir>/<property>/: trace.json, trace.itf.json, trace.dot, trace.svg, report.html',
    )
    .action((name: string, flags: CheckFlags) => run(runCheck(name, flags)));
}

async function runCheck(name: string, flags: CheckFlags): Promise<ExitCode> {
  warnAboveCores(flags.workers);
  const outDir = flags.out === undefined ? undefined : await prepareOutDir(flags.out);
  const interruption = new Interruption();
  let engine: EngineThread | undefined;
  try {
    // Loaded (and type-checked) here first: a model with type errors never runs.
    const model = await loadModel(name, { settings: flags.set, variant: flags.variant, typecheck: flags.typecheck });
    const progress = createProgress(flags.progress);
    engine = new EngineThread(
      { model: name, settings: flags.set, variant: flags.variant, options: engineOptions(name, flags) },
      interruption,
      progress.observer,
    );
    const color = !flags.json && colourWanted();
    if (!flags.json) {
      process.stdout.write(`Checking ${describeModel(model, flags.set)} (${flags.engine})\n`);
      process.stdout.write(
        `  ${describeMemoryBound(flags.memory ?? defaultMemoryBytes(), flags.memory !== undefined)}\n`,
      );
    }
    const result = await engine.result(model.spec.name, {
      ...progress.observer,
      checkpointSaved: (c) =>
        process.stderr.write(
          `checkpoint saved in ${c.dir} (level ${c.depth}, ${c.distinctStates.toLocaleString('en-US')} states)\n`,
        ),
    });
    progress.stop();
    const signal = interruption.signal;
    const text = flags.json
      ? jsonOutput(interruptedJson(resultJson(result, model, flags.set), signal))
      : renderResultText(result, model, color) +
        (signal ? `\n  stopped by ${signal}: the statistics above are what was explored so far` : '');
    // An error is reported on stderr, except under --json, whose one object on stdout says it all.
    (result.status === 'error' && !flags.json ? process.stderr : process.stdout).write(`${text}\n`);
    if (outDir && (result.status === 'violation' || result.status === 'incomplete')) {
      const context = {
        reference: model.reference,
        ...(model.file ? { modelFile: model.file } : {}),
        variant: model.variant,
        settings: flags.set,
      };
      const report = await writeViolationFiles(
        outDir,
        model.spec,
        result.violations,
        context,
        result.stats.distinctStates,
      );
      const replays = report.written
        .filter((file) => basename(file) === 'trace.json')
        .map((file) => `replay: ${replayCommand(file, context)}`);
      (flags.json ? process.stderr : process.stdout).write(
        [...report.lines, ...replays].map((line) => `  ${line}\n`).join(''),
      );
    }
    return interruption.exitCode(exitCodeOf(result));
  } finally {
    engine?.stop();
    interruption.close();
  }
}

/** The check options the engine thread runs with (everything but the observer, which stays here). */
function engineOptions(name: string, flags: CheckFlags): EngineRequest['options'] {
  const saving = flags.checkpoint ?? flags.resume;
  return {
    engine: flags.engine,
    maxDepth: flags.maxDepth,
    continue: flags.continue,
    checkDeadlock: flags.deadlock,
    strict: flags.strict,
    properties: flags.property,
    liveness: flags.liveness,
    memoryBytes: flags.memory,
    workers: flags.workers,
    store: flags.store === 'memory' ? 'table' : flags.store,
    storeDir: flags.storeDir,
    checkpoint:
      saving === undefined
        ? undefined
        : { dir: saving, intervalMs: flags.checkpointEvery, identity: checkIdentity(name, flags) },
    resume: flags.resume,
  };
}

function exitCodeOf(result: CheckResult): ExitCode {
  switch (result.status) {
    case 'pass':
      return EXIT.pass;
    case 'violation':
      return EXIT.violation;
    case 'incomplete':
      return EXIT.incomplete;
    case 'error':
      return EXIT.usageOrModelError;
  }
}

/** What a checkpoint must share with the run that resumes it, beyond the spec and options the checker compares. */
function checkIdentity(name: string, flags: CheckFlags): Record<string, string> {
  const settings = Object.fromEntries(Object.entries(flags.set).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { model: name, variant: flags.variant ?? '(default)', settings: JSON.stringify(settings) };
}

function storeKind(text: string): 'memory' | 'disk' {
  if (text === 'memory' || text === 'disk') return text;
  throw new InvalidArgumentError(`expected memory or disk, got '${text}'`);
}

/** `--checkpoint-every`: a duration as `--time` takes it, or 0 for every level. */
function intervalArgument(text: string): number {
  return text.trim() === '0' ? 0 : durationArgument(text);
}

/** `--memory 500m` / `2g` / `1.5G` / a number of bytes. */
function byteSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmgt]?)b?$/i.exec(text.trim());
  if (!match) throw new InvalidArgumentError(`expected a size such as 500m or 2g, got '${text}'`);
  const unit = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 }[
    match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g' | 't'
  ];
  return Math.round(Number(match[1]) * unit);
}
