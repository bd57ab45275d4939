/** `kripke check <model> [options]`: exhaustive search (BFS or DFS) with the model's properties. */
import type { Command } from 'commander';
import { check } from '../../checker/check.ts';
import { ENGINES, type EngineName } from '../../checker/options.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { loadModel, specSourceOf } from '../load-model.ts';
import { createProgress } from '../progress.ts';
import { describeModel, renderResultText, resultJson } from '../report.ts';
import { collectSetting, positiveInteger, type Settings } from '../options.ts';
import { writeViolationArtifacts } from '../../counterexamples/artifacts.ts';
import { InvalidArgumentError } from 'commander';
import { jsonOutput } from '../json-output.ts';
import { colourWanted } from '../colour.ts';

interface CheckFlags {
  set: Settings;
  variant?: string;
  engine: EngineName;
  maxDepth?: number;
  continue?: boolean;
  deadlock: boolean;
  strict?: boolean;
  property?: string[];
  json?: boolean;
  progress: boolean;
  liveness: boolean;
  out?: string;
  memory?: number;
  workers?: number;
}

export function registerCheck(program: Command, run: (code: Promise<ExitCode>) => void): void {
  program
    .command('check')
    .description('explore every reachable state and check the properties')
    .argument('<model>', 'a shipped model (see `kripke list`) or a model file (path/to/model.ts)')
    .option('--set <key=value>', 'set a configuration value (repeatable)', collectSetting, {})
    .option('--variant <name>', 'check a variant of the protocol (see `kripke list`)')
    .option('--engine <name>', `search order: ${ENGINES.join(' or ')}`, 'bfs')
    .option('--max-depth <n>', 'explore no deeper than n states (initial states are depth 1)', positiveInteger)
    .option('--continue', 'keep going after a violation and report every violated property')
    .option('--no-deadlock', 'do not report states without successors as deadlocks')
    .option('--strict', 'catch impure actions: re-hash inputs after each action, run each action twice and compare')
    .option('--property <name...>', 'check only these properties')
    .option('--no-liveness', 'skip liveness properties (eventually, leadsTo, …); check safety only')
    .option('--json', 'print one JSON result object on stdout')
    .option('--no-progress', 'no progress output on stderr')
    .option('--memory <size>', 'bound the visited-state store and queue (e.g. 500m, 2g); reaching it stops the run as incomplete', byteSize)
    .option('--workers <n>', 'BFS on n threads (worker_threads); same counts, shortest counterexamples', positiveInteger)
    .option('--out <dir>', 'save each counterexample into <dir>/<property>/: trace.json, trace.itf.json, trace.dot, trace.svg, report.html')
    .action((name: string, flags: CheckFlags) => run(runCheck(name, flags)));
}

async function runCheck(name: string, flags: CheckFlags): Promise<ExitCode> {
  const model = await loadModel(name, { settings: flags.set, variant: flags.variant });
  const color = !flags.json && colourWanted();
  if (!flags.json) process.stdout.write(`Checking ${describeModel(model, flags.set)} (${flags.engine})\n`);
  const progress = createProgress(flags.progress);
  const result = check(model.spec, {
    engine: flags.engine,
    maxDepth: flags.maxDepth,
    continue: flags.continue,
    checkDeadlock: flags.deadlock,
    strict: flags.strict,
    properties: flags.property,
    observer: progress.observer,
    liveness: flags.liveness,
    memoryBytes: flags.memory,
    workers: flags.workers,
    specSource: flags.workers && flags.workers > 1 ? specSourceOf(name, model, flags.set) : undefined,
  });
  progress.stop();
  const text = flags.json ? jsonOutput(resultJson(result, model, flags.set)) : renderResultText(result, model, color);
  process.stdout.write(`${text}\n`);
  if (flags.out && (result.status === 'violation' || result.status === 'incomplete')) {
    const written = await writeViolationArtifacts(flags.out, model.spec, result.violations, { reference: model.reference, variant: model.variant, settings: flags.set });
    (flags.json ? process.stderr : process.stdout).write(written.map((file) => `  wrote ${file}\n`).join(''));
  }
  switch (result.status) {
    case 'pass': return EXIT.pass;
    case 'violation': return EXIT.violation;
    case 'incomplete': return EXIT.incomplete;
    case 'error': return EXIT.usageOrModelError;
  }
}

/** `--memory 500m` / `2g` / `1.5G` / a number of bytes. */
function byteSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmgt]?)b?$/i.exec(text.trim());
  if (!match) throw new InvalidArgumentError(`expected a size such as 500m or 2g, got '${text}'`);
  const unit = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 }[match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  return Math.round(Number(match[1]) * unit);
}
