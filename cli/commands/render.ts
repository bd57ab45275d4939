/**
 * `kripke render <trace> [--format …] [--out file]`: draws a saved counterexample (Kripke JSON or
 * ITF) without re-running the checker. Only `--format states` needs the model (it explores around the trace).
 */
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { writeArtifacts } from '../../counterexamples/artifacts.ts';
import { renderTraceDot } from '../../counterexamples/dot.ts';
import { traceToJson } from '../../counterexamples/export-json.ts';
import { traceToItf } from '../../counterexamples/itf.ts';
import { readTraceFile } from '../../counterexamples/load-trace.ts';
import { reexecuteTrace } from '../../counterexamples/replay.ts';
import { replayCommand, reportHtml } from '../../counterexamples/artifacts.ts';
import { type SavedTrace, savedToTrace } from '../../counterexamples/saved-trace.ts';
import { renderSequenceChart } from '../../counterexamples/sequence-chart.ts';
import { DEFAULT_MAX_NODES, renderStateGraphDot } from '../../counterexamples/state-graph.ts';
import { dotToSvg } from '../../counterexamples/svg.ts';
import { renderTraceText } from '../../counterexamples/text.ts';
import { KripkeError } from '../../spec/errors.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { loadModel } from '../load-model.ts';
import { prepareOutDir, writeFileAtomic } from '../output-files.ts';
import { replayTarget } from '../replay-target.ts';
import { positiveInteger } from '../options.ts';
import { colourWanted } from '../colour.ts';

const FORMATS = ['svg', 'dot', 'html', 'text', 'sequence', 'states', 'json', 'itf', 'all'] as const;
type Format = (typeof FORMATS)[number];

interface RenderFlags {
  format: Format;
  out?: string;
  model?: string;
  maxStates: number;
}

export function registerRender(program: Command, run: (code: Promise<ExitCode>) => void): void {
  program
    .command('render')
    .description('draw a saved counterexample (trace.json or trace.itf.json)')
    .argument('<trace>', 'a trace file written by `kripke check --out` (Kripke JSON or ITF)')
    .addOption(
      new Option(
        '--format <format>',
        'svg: trace graph; dot; html: self-contained report; text; sequence: message ' +
          'sequence chart (actor models); states: the state space around the trace (its states and those a few steps off it); json, itf: ' +
          'convert; all: every file into --out <dir>',
      )
        .choices(FORMATS)
        .default('svg'),
    )
    .option('--out <file>', 'write to this file (a folder for --format all) instead of standard output')
    .option(
      '--model <model>',
      'for --format states: the model to explore (default: the shipped model the trace names; a model file must be named here)',
    )
    .option(
      '--max-states <n>',
      'for --format states: draw at most n states (fewer steps around the trace)',
      positiveInteger,
      DEFAULT_MAX_NODES,
    )
    .action((file: string, flags: RenderFlags) => run(runRender(file, flags)));
}

async function runRender(file: string, flags: RenderFlags): Promise<ExitCode> {
  const saved = await readTraceFile(file);
  if (flags.format === 'all') {
    if (!flags.out)
      throw new KripkeError('invalid-config', '--format all writes several files: name a folder with --out <dir>');
    const written = await writeArtifacts(await prepareOutDir(flags.out), savedToTrace(saved), saved);
    process.stdout.write(written.map((f) => `wrote ${f}\n`).join(''));
    return EXIT.pass;
  }
  const output = await render(saved, file, flags);
  // A bad path is a clear error (exit 2), never a stack.
  if (flags.out) await writeFileAtomic(flags.out, output);
  else process.stdout.write(output);
  return EXIT.pass;
}

async function render(saved: SavedTrace, file: string, flags: RenderFlags): Promise<string> {
  const trace = savedToTrace(saved);
  switch (flags.format) {
    case 'dot':
      return renderTraceDot(trace);
    case 'svg':
      return dotToSvg(renderTraceDot(trace));
    case 'text':
      return `${renderTraceText(trace, { color: !flags.out && colourWanted() })}\n`;
    case 'json':
      return `${JSON.stringify(traceToJson(trace, saved), null, 2)}\n`;
    case 'itf':
      return `${JSON.stringify(traceToItf(trace, saved), null, 2)}\n`;
    case 'sequence': {
      const chart = renderSequenceChart(trace);
      if (chart === undefined)
        throw new KripkeError(
          'invalid-trace',
          `${file}: no actor events (Deliver, Drop, Timeout, …): a sequence chart needs an actor model`,
          { file },
        );
      return chart;
    }
    case 'html':
      return reportHtml(trace, saved, replayCommand(file, saved));
    case 'states': {
      const target = replayTarget(
        file,
        saved,
        { model: flags.model, variant: undefined, settings: undefined },
        (model) => ['kripke', 'render', resolve(file), '--format', 'states', '--model', model],
      );
      const name = target.name;
      const model = await loadModel(name, { settings: target.settings, variant: target.variant });
      // The graph holds the model's own states: the trace is re-executed on it to find them.
      const run = reexecuteTrace(model.spec, saved);
      if (run.status === 'diverged') {
        const at = run.divergence.step === 0 ? 'the initial state' : `step ${run.divergence.step}`;
        throw new KripkeError(
          'invalid-trace',
          `${file} does not replay on '${name}' (at ${at}: ${run.divergence.message}); the state graph needs the model's states`,
          { file },
        );
      }
      return dotToSvg(renderStateGraphDot(model.spec, run.trace, { maxNodes: flags.maxStates }));
    }
    case 'all':
      throw new Error('handled by runRender');
  }
}
