/**
 * `kripke sweep <model> --set n=2..6 [--variants …]`: distinct and generated states, depth, time
 * and peak memory per value and variant, with the growth factor per step, as a table and an SVG plot.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { KripkeError } from '../../spec/errors.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { collectSetting, type Settings } from '../options.ts';
import { renderSweep, sweep, sweepJson } from '../workflows/sweep.ts';
import { renderSweepSvg } from '../workflows/sweep-plot.ts';
import { expandValues } from '../workflows/settings-grid.ts';
import { type RunFlags, withRunOptions } from './compare.ts';
import { jsonOutput } from '../json-output.ts';

interface SweepFlags extends RunFlags {
  variants?: string;
  plot?: string;
}

export function registerSweep(program: Command, run: (code: Promise<ExitCode>) => void): void {
  withRunOptions(
    program
      .command('sweep')
      .description(
        'how the state space grows with a setting: states, time and memory per value and variant, with a plot',
      )
      .argument('<model>', 'a shipped model (see `kripke list`) or a model file')
      .option(
        '--set <key=values>',
        'the swept setting as a range (rms=2..6) or list (rms=2,4,8); other --set values stay fixed',
        collectSetting,
        {},
      )
      .option('--variants <names>', "a comma-separated list of variants, or all (default: the model's default variant)")
      .option('--plot <file.svg>', 'where the SVG plot goes (default <model>-<key>-sweep.svg)'),
  ).action((model: string, flags: SweepFlags) => run(runSweep(model, flags)));
}

async function runSweep(model: string, flags: SweepFlags): Promise<ExitCode> {
  const { key, values, fixed } = sweptKey(flags.set);
  const variants =
    flags.variants === undefined
      ? undefined
      : flags.variants.trim() === 'all'
        ? 'all'
        : flags.variants.split(',').map((v) => v.trim());
  const result = await sweep(model, {
    key,
    values,
    settings: fixed,
    variants,
    engine: flags.engine,
    properties: flags.property,
    deadlock: flags.deadlock,
    liveness: flags.liveness,
    workers: flags.workers,
    timeLimitMs: flags.timeLimit,
    cores: flags.jobs,
  });
  const plot = resolve(
    flags.plot ?? `${model.replace(/.*[\\/]/, '').replace(/\.[cm]?[jt]s(#.*)?$/, '')}-${key}-sweep.svg`,
  );
  await mkdir(dirname(plot), { recursive: true });
  await writeFile(plot, renderSweepSvg(result));
  const text = flags.format === 'json' ? jsonOutput(sweepJson(result)) : renderSweep(result, flags.format);
  process.stdout.write(`${text}\n`);
  process.stderr.write(`wrote ${plot}\n`);
  return result.points.some((p) => p.status === 'error' || p.status === 'crashed') ? EXIT.usageOrModelError : EXIT.pass;
}

/** Exactly one `--set` is a range or a list: that one is swept. */
function sweptKey(settings: Settings): { key: string; values: string[]; fixed: Settings } {
  const swept = Object.entries(settings).filter(([key, text]) => expandValues(key, text).length > 1);
  if (swept.length !== 1) {
    throw new KripkeError(
      'invalid-config',
      swept.length === 0
        ? 'sweep needs one setting with several values: --set rms=2..6 (a range) or --set rms=2,4,8 (a list)'
        : `sweep sweeps one setting at a time, got several: ${swept.map(([k]) => k).join(', ')} (use kripke compare for a grid)`,
    );
  }
  const [key, text] = swept[0]!;
  const fixed = Object.fromEntries(Object.entries(settings).filter(([k]) => k !== key));
  return { key, values: expandValues(key, text), fixed };
}
