/**
 * `kripke simulate <model>`: random walks checking every safety property at every step; a
 * violating walk is shrunk and printed with the line that reproduces it. `--replay <path>` replays
 * such a line's path; `--shard i/n` runs one slice of a swarm campaign (merge with `kripke merge`).
 */
import { type Command, InvalidArgumentError } from 'commander';
import { formatPath } from '../../checker/path.ts';
import type { CheckResult } from '../../checker/result.ts';
import { DEFAULT_DEPTH, DEFAULT_RUNS, freshSeed, parseShard, type Shard } from '../../checker/random/options.ts';
import { replayPath, type ReplayResult as PathReplay } from '../../checker/random/replay.ts';
import { paintWith } from '../../counterexamples/ansi.ts';
import { renderTraceText } from '../../counterexamples/text.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import type { KripkePathReplay } from '../../schema/types.ts';
import { KripkeError } from '../../spec/errors.ts';
import { kripkeVersion } from '../../counterexamples/version.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { EngineThread } from '../engine-thread.ts';
import { Interruption, interruptedJson } from '../interruption.ts';
import { type LoadedModel, loadModel } from '../load-model.ts';
import { collectSetting, positiveInteger, type Settings } from '../options.ts';
import type { ProgressDisplay } from '../progress.ts';
import { describeModel, violatedText } from '../report.ts';
import { commandLine, type Invocation, renderSimulationText, simulationJson } from '../simulation-report.ts';
import { jsonOutput } from '../json-output.ts';
import { colourWanted } from '../colour.ts';

/** The flags that define a campaign (`kripke swarm` takes them too). */
export interface CampaignFlags {
  set: Settings;
  variant?: string;
  runs?: number;
  depth?: number;
  seed?: number;
  time?: number;
  property?: string[];
  /** Undefined: the spec's own `checkDeadlock` decides. */
  deadlock?: boolean;
}

interface SimulateFlags extends CampaignFlags {
  shard?: Shard;
  strict?: boolean;
  replay?: string;
  json?: boolean;
  progress: boolean;
}

export function registerSimulate(program: Command, run: (code: Promise<ExitCode>) => void): void {
  program
    .command('simulate')
    .description('random walks checking every safety property at every step; failures are shrunk')
    .argument('<model>', 'a shipped model (see `kripke list`) or a model file (path/to/model.ts)')
    .option('--set <key=value>', 'set a configuration value (repeatable)', collectSetting, {})
    .option('--variant <name>', 'simulate a variant of the protocol (see `kripke list`)')
    .option(
      '--runs <n>',
      `number of walks (default ${DEFAULT_RUNS.toLocaleString('en-US')}; with --time alone: until the time is up)`,
      positiveInteger,
    )
    .option('--depth <n>', `steps per walk (default ${DEFAULT_DEPTH})`, positiveInteger)
    .option(
      '--seed <s>',
      'the campaign seed, 0 to 4294967295 (default: drawn from the clock, and printed)',
      seedArgument,
    )
    .option('--time <duration>', 'stop after this long, e.g. 60s, 5m, 1500ms', durationArgument)
    .option(
      '--shard <i/n>',
      'run shard i of n of the campaign (1 ≤ i ≤ n): its own seed and swarm configuration',
      shardArgument,
    )
    .option('--property <name...>', 'check only these properties')
    .option('--deadlock', "report states without successors as deadlocks, whatever the spec's checkDeadlock says")
    .option(
      '--no-deadlock',
      'do not report states without successors as deadlocks (the default: the spec says, else report them)',
    )
    .option('--strict', 'catch impure actions: re-hash inputs after each action, run each action twice and compare')
    .option('--replay <path>', 'replay one path (as printed by a run) with the same checks, instead of random walks')
    .option('--json', 'print one JSON result object on stdout (input for `kripke merge`)')
    .option('--no-progress', 'no progress output on stderr')
    .action((name: string, flags: SimulateFlags) => run(runSimulate(name, flags)));
}

async function runSimulate(name: string, flags: SimulateFlags): Promise<ExitCode> {
  if (flags.replay !== undefined) {
    const model = await loadModel(name, { settings: flags.set, variant: flags.variant });
    return replay(invocation(model, flags), flags.replay, flags);
  }
  // Drawn here, so that it is printed before the first walk: a run stopped early still reproduces.
  const seed = flags.seed ?? freshSeed();
  const interruption = new Interruption();
  const progress = simulationProgress(flags.progress);
  const engine = new EngineThread(
    {
      model: name,
      settings: flags.set,
      variant: flags.variant,
      options: {
        engine: 'random',
        seed,
        runs: flags.runs,
        depth: flags.depth,
        timeLimitMs: flags.time,
        shard: flags.shard,
        properties: flags.property,
        checkDeadlock: flags.deadlock,
        strict: flags.strict,
      },
    },
    interruption,
    progress.observer,
  );
  try {
    const model = await loadModel(name, { settings: flags.set, variant: flags.variant });
    const inv = invocation(model, flags);
    (flags.json ? process.stderr : process.stdout).write(`${heading(inv, flags, seed)}\n`);
    const result = await engine.result(model.spec.name, progress.observer);
    progress.stop();
    const signal = interruption.signal;
    process.stdout.write(
      `${flags.json ? jsonOutput(interruptedJson(simulationJson(result, inv), signal)) : simulationText(result, inv)}\n`,
    );
    if (signal && !flags.json)
      process.stdout.write(`  stopped by ${signal}: the figures above are the walks run so far (seed ${seed})\n`);
    return interruption.exitCode(exitCodeOf(result));
  } finally {
    engine.stop();
    interruption.close();
  }
}

function invocation(model: LoadedModel, flags: SimulateFlags): Invocation {
  const checkFlags = [
    ...(flags.property ? ['--property', ...flags.property] : []),
    ...(flags.deadlock === undefined ? [] : [flags.deadlock ? '--deadlock' : '--no-deadlock']),
  ];
  return { model, settings: flags.set, checkFlags };
}

function exitCodeOf(result: CheckResult): ExitCode {
  switch (result.status) {
    case 'violation':
      return EXIT.violation;
    case 'error':
      return EXIT.usageOrModelError;
    default:
      return EXIT.pass; // no violation found: random search passes (it never claims exhaustiveness)
  }
}

/** "Simulating die-hard (10,000 walks of up to 100 steps, seed 42)", before the first walk. */
function heading(inv: Invocation, flags: SimulateFlags, seed: number): string {
  const depth = flags.depth ?? DEFAULT_DEPTH;
  const runs = flags.runs ?? (flags.time !== undefined ? undefined : DEFAULT_RUNS);
  const walks =
    runs === undefined
      ? `walks of up to ${depth} steps until the time limit`
      : `${runs.toLocaleString('en-US')} walks of up to ${depth} steps`;
  return `Simulating ${describeModel(inv.model, inv.settings)} (${walks}, seed ${seed}${flags.shard ? `, shard ${flags.shard.index}/${flags.shard.count}` : ''})`;
}

function simulationText(result: CheckResult, inv: Invocation): string {
  const sim = result.stats.simulation;
  if (!sim) {
    // the options were refused before any walk
    return result.status === 'error' ? `✘ [${result.error.code}] ${result.error.message}` : result.status;
  }
  return renderSimulationText(result, inv, colourWanted());
}

/** `--replay`: walks the given path with the same checks and prints what it finds. */
function replay(inv: Invocation, pathText: string, flags: SimulateFlags): ExitCode {
  const { spec } = inv.model;
  const outcome = replayPath(spec, pathText, {
    properties: flags.property,
    checkDeadlock: flags.deadlock,
    strict: flags.strict,
  });
  if (outcome.status === 'clean') {
    const text = `✔ the path replays without violation (${outcome.steps} steps)`;
    process.stdout.write(flags.json ? `${jsonOutput(pathReplayJson(outcome), 0)}\n` : `${text}\n`);
    return EXIT.pass;
  }
  const v = outcome.violation;
  const path = formatPath(v.path!);
  if (flags.json) {
    process.stdout.write(`${jsonOutput(pathReplayJson(outcome), 0)}\n`);
    return EXIT.violation;
  }
  const color = colourWanted();
  const paint = paintWith(color);
  const what = v.kind === 'deadlock' ? 'deadlock' : violatedText(v);
  const trace = buildTrace(spec, v.path!, { property: v.property, instance: v.instance });
  process.stdout.write(
    [
      `Replaying ${describeModel(inv.model, inv.settings)}`,
      `${paint('red', '✘ violation')}: ${what} after ${v.path!.steps.length} steps`,
      renderTraceText(trace, { color }),
      `  path: ${path}`,
      `${paint('bold', 'reproduce:')} ${commandLine(inv, ['--replay', path])}`,
      '',
    ].join('\n'),
  );
  return EXIT.violation;
}

/** What `kripke simulate --replay --json` prints (schema/simulate-replay-result.schema.json). */
export function pathReplayJson(outcome: PathReplay): KripkePathReplay {
  const head = { kind: 'kripke-replay', version: 1, kripkeVersion: kripkeVersion() } as const;
  if (outcome.status === 'clean') return { ...head, status: 'clean', steps: outcome.steps };
  const v = outcome.violation;
  return { ...head, status: 'violation', property: v.property, violationKind: v.kind, path: formatPath(v.path!) };
}

/** Progress on stderr: a line rewritten in place in a terminal, a plain line every 5 s otherwise. */
function simulationProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  if (!enabled) return { observer: {}, stop: () => {} };
  const tty = stream.isTTY === true;
  let shown = false;
  return {
    observer: {
      progressIntervalMs: tty ? 200 : 5000,
      progress: (p) => {
        const rate = Math.round(p.generatedStates / Math.max(p.elapsedMs / 1000, 1e-3)).toLocaleString('en-US');
        const line =
          `simulating: ${p.generatedStates.toLocaleString('en-US')} states visited, ${p.distinctStates.toLocaleString('en-US')} distinct, ` +
          `deepest walk ${p.depth - 1} steps, ${rate} states/s, ${(p.elapsedMs / 1000).toFixed(0)}s`;
        stream.write(tty ? `\r\u001b[2K${line}` : `${line}\n`);
        shown = true;
      },
    },
    stop: () => {
      if (tty && shown) stream.write('\r\u001b[2K');
    },
  };
}

export function seedArgument(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value >= 2 ** 32) {
    throw new InvalidArgumentError(`expected a whole number from 0 to ${2 ** 32 - 1}, got '${text}'`);
  }
  return value;
}

/** `60s`, `5m`, `1500ms`, `1h`, or a bare number of seconds. */
export function durationArgument(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) throw new InvalidArgumentError(`expected a duration like 60s, 5m or 1500ms, got '${text}'`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  const ms = Number(match[1]) * unit;
  if (!(ms > 0)) throw new InvalidArgumentError(`the duration must be positive, got '${text}'`);
  return ms;
}

function shardArgument(text: string): Shard {
  try {
    return parseShard(text);
  } catch (e) {
    throw new InvalidArgumentError(e instanceof KripkeError ? e.message : String(e));
  }
}
