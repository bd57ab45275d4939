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
import type { KripkeReplayOutcome } from '../../schema/types.ts';
import { resolve } from 'node:path';
import { kripkeVersion } from '../../counterexamples/version.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { loadModel } from '../load-model.ts';
import { describeModel } from '../report.ts';
import { replayTarget } from '../replay-target.ts';
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
    .description(
      're-execute a saved counterexample against the current model (exit 0: still fails; 1: a step no longer holds)',
    )
    .argument('<trace>', 'trace.json or trace.itf.json written by `kripke check --out`')
    .argument(
      '[model]',
      'the model to replay against (default: the shipped model the trace names; a model file must be named here)',
    )
    .option('--set <key=value>', 'configuration (default: the settings saved with the trace)', collectSetting)
    .option('--variant <name>', 'protocol variant (default: the one saved with the trace)')
    .option('--json', 'print the outcome as JSON')
    .action((file: string, model: string | undefined, flags: ReplayFlags) => run(runReplay(file, model, flags)));
}

async function runReplay(file: string, modelName: string | undefined, flags: ReplayFlags): Promise<ExitCode> {
  const saved = await readTraceFile(file);
  const target = replayTarget(
    file,
    saved,
    { model: modelName, variant: flags.variant, settings: flags.set },
    (model) => ['kripke', 'replay', resolve(file), model],
  );
  const model = await loadModel(target.name, { settings: target.settings, variant: target.variant });
  const against = {
    model: model.spec.name,
    reference: model.file ?? model.reference,
    variant: model.variant ?? null,
    settings: target.settings,
  };
  const result = replayTrace(model.spec, saved);
  if (flags.json) {
    process.stdout.write(`${jsonOutput(replayJson(result, against))}\n`);
  } else {
    process.stdout.write(
      `Replaying ${file} against ${describeModel(model, target.settings)}${model.file ? ` (${model.file})` : ''}\n`,
    );
    process.stdout.write(`${outcomeText(result, saved.steps.length - 1)}\n`);
  }
  return result.status === 'reproduced' ? EXIT.pass : EXIT.violation;
}

function outcomeText(result: ReplayResult, steps: number): string {
  if (result.status === 'reproduced') return `✔ replays all ${steps} steps: ${result.verdict}`;
  const d = result.divergence;
  const lines = [
    `✘ the trace no longer holds at ${d.step === 0 ? 'the initial state' : `step ${d.step}`}: ${d.message}`,
  ];
  for (const c of d.differences) {
    lines.push(`    ${formatChangePath(c.path)}: saved ${formatValue(c.before, 60)}, now ${formatValue(c.after, 60)}`);
  }
  return lines.join('\n');
}

/** What `kripke replay --json` prints (schema/replay-result.schema.json): the outcome, and the model replayed `against`. */
export function replayJson(result: ReplayResult, against: KripkeReplayOutcome['against']): KripkeReplayOutcome {
  const head = { version: 1, kripkeVersion: kripkeVersion(), against } as const;
  if (result.status === 'reproduced')
    return { ...head, status: 'reproduced', verdict: result.verdict, steps: result.trace.steps.length - 1 };
  const d = result.divergence;
  return {
    ...head,
    status: 'diverged',
    step: d.step,
    action: d.action ?? null,
    reason: d.reason,
    message: d.message,
    differences: d.differences.map((c) => ({
      path: formatChangePath(c.path),
      saved: formatValue(c.before, 200),
      now: formatValue(c.after, 200),
    })),
  };
}
