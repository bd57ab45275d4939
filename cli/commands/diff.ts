/**
 * `kripke diff <model> --variant a --variant b` (or `kripke diff a.ts b.ts`): the shortest
 * behaviour one allows and the other forbids, in both directions, over the observed part of the
 * state. Exit 0 when neither has a behaviour the other lacks, 1 when one does, 3 when a bound
 * stopped the search.
 */
import type { Command } from 'commander';
import { KripkeError } from '../../spec/errors.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { collectSetting, positiveInteger, type Settings } from '../options.ts';
import { diffJson, diffModels, renderDiffText, writeDiffArtifacts } from '../workflows/diff.ts';
import { jsonOutput } from '../json-output.ts';
import { colourWanted } from '../colour.ts';

interface DiffFlags {
  variant: string[];
  set: Settings;
  observe?: string;
  maxPairs?: number;
  out?: string;
  json?: boolean;
}

export function registerDiff(program: Command, run: (code: Promise<ExitCode>) => void): void {
  program
    .command('diff')
    .description('the shortest behaviour one variant (or model file) allows and the other forbids, both ways')
    .argument('<model>', 'a shipped model or a model file')
    .argument('[other]', 'a second model file to compare with the first')
    .option(
      '--variant <name>',
      'a variant: give two for one model (or one per model file)',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option('--set <key=value>', 'a configuration value for both sides (repeatable)', collectSetting, {})
    .option(
      '--observe <fields>',
      'compare only these fields of the state (comma-separated, dotted paths: rmState,tmState)',
    )
    .option(
      '--max-pairs <n>',
      'stop after this many (state, set) pairs per direction (default 1,000,000)',
      positiveInteger,
    )
    .option(
      '--out <dir>',
      'save each difference as a counterexample: <dir>/only-in-<name>/trace.json, trace.svg, report.html, …',
    )
    .option('--json', 'print one JSON object')
    .action((model: string, other: string | undefined, flags: DiffFlags) => run(runDiff(model, other, flags)));
}

async function runDiff(model: string, other: string | undefined, flags: DiffFlags): Promise<ExitCode> {
  const [variantA, variantB] = sideVariants(model, other, flags.variant);
  const diff = await diffModels({
    a: { model, variant: variantA, settings: flags.set },
    b: { model: other ?? model, variant: variantB, settings: flags.set },
    fields: flags.observe
      ?.split(',')
      .map((f) => f.trim())
      .filter((f) => f !== ''),
    maxPairs: flags.maxPairs,
  });
  const color = !flags.json && colourWanted();
  process.stdout.write(`${flags.json ? jsonOutput(diffJson(diff)) : renderDiffText(diff, color)}\n`);
  if (flags.out) {
    const written = await writeDiffArtifacts(diff, flags.out);
    (flags.json ? process.stderr : process.stdout).write(written.map((f) => `  wrote ${f}\n`).join(''));
  }
  const statuses = diff.directions.map((d) => d.outcome.status);
  if (statuses.includes('error')) return EXIT.usageOrModelError;
  if (statuses.includes('differs')) return EXIT.violation;
  return statuses.includes('incomplete') ? EXIT.incomplete : EXIT.pass;
}

/** One model: two variants. Two models: none (their defaults), or one each. */
function sideVariants(
  model: string,
  other: string | undefined,
  variants: readonly string[],
): [string | undefined, string | undefined] {
  if (other === undefined && variants.length !== 2) {
    throw new KripkeError(
      'invalid-config',
      `diff ${model} needs two variants to compare: --variant a --variant b (or a second model file)`,
    );
  }
  if (other !== undefined && variants.length === 1) {
    throw new KripkeError('invalid-config', `diff of two models takes a --variant for each (two), or none; got one`);
  }
  if (variants.length > 2)
    throw new KripkeError('invalid-config', `diff compares two sides; got ${variants.length} variants`);
  return [variants[0], variants[1]];
}
