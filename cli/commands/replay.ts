/**
 * `kripke replay <trace> [model]`: re-executes a saved counterexample against the current model.
 * Exit 0: every step replays and the property is still violated (the bug is still there);
 * exit 1: a step no longer holds (named, with the fields that differ) or the property now holds;
 * exit 2: the trace file or the model cannot be read. Saved counterexamples become CI checks.
 */
import type { Command } from 'commander';
import { formatValue } from '../../checker/format-value.ts';
import { formatChangePath } from '../../counterexamples/diff.ts';
import { readTraceFile } from '../../counterexamples/load-trace.ts';
import { type ReplayResult, replayTrace } from '../../counterexamples/replay.ts';
import { KripkeError } from '../../spec/errors.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { loadModel } from '../load-model.ts';
import { collectSetting, type Settings } from '../options.ts';
import { jsonOutput } from '../json-output.ts';

interface ReplayFlags {
  set?: Settings;
  variant?: string;
  json?: boolean;
}

export function registerReplay(program: Command, run: (code: Promise<ExitCode>) => void): void {
  program
    .command('replay')
    .description('re-execute a saved counterexample against the current model (exit 0: still fails; 1: a step no longer holds)')
    .argument('<trace>', 'trace.json or trace.itf.json written by `kripke check --out`')
    .argument('[model]', 'the model to replay against (default: the one the trace names)')
    .option('--set <key=value>', 'configuration (default: the settings saved with the trace)', collectSetting)
    .option('--variant <name>', 'protocol variant (default: the one saved with the trace)')
    .option('--json', 'print the outcome as JSON')
    .action((file: string, model: string | undefined, flags: ReplayFlags) => run(runReplay(file, model, flags)));
}

async function runReplay(file: string, modelName: string | undefined, flags: ReplayFlags): Promise<ExitCode> {
  const saved = await readTraceFile(file);
  const name = modelName ?? saved.reference;
  if (name === undefined) throw new KripkeError('unknown-name', `${file} does not name its model: give it, as in kripke replay ${file} <model>`, { file });
  const model = await loadModel(name, { settings: flags.set ?? saved.settings ?? {}, variant: flags.variant ?? saved.variant });
  const result = replayTrace(model.spec, saved);
  process.stdout.write(flags.json ? `${jsonOutput(outcomeJson(result))}\n` : `${outcomeText(result, saved.steps.length - 1)}\n`);
  return result.status === 'reproduced' ? EXIT.pass : EXIT.violation;
}

function outcomeText(result: ReplayResult, steps: number): string {
  if (result.status === 'reproduced') return `✔ replays all ${steps} steps: ${result.verdict}`;
  const d = result.divergence;
  const lines = [`✘ the trace no longer holds at ${d.step === 0 ? 'the initial state' : `step ${d.step}`}: ${d.message}`];
  for (const c of d.differences) {
    lines.push(`    ${formatChangePath(c.path)}: saved ${formatValue(c.before, 60)}, now ${formatValue(c.after, 60)}`);
  }
  return lines.join('\n');
}

function outcomeJson(result: ReplayResult) {
  if (result.status === 'reproduced') return { status: 'reproduced', verdict: result.verdict, steps: result.trace.steps.length - 1 };
  const d = result.divergence;
  return {
    status: 'diverged', step: d.step, action: d.action ?? null, reason: d.reason, message: d.message,
    differences: d.differences.map((c) => ({ path: formatChangePath(c.path), saved: formatValue(c.before, 200), now: formatValue(c.after, 200) })),
  };
}
