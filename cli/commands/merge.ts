/**
 * `kripke merge a.json b.json …`: combines the `--json` results of the shards of one swarm
 * campaign (`kripke simulate … --shard i/n --json`) into one report: walks, steps and coverage are
 * summed, violations are unioned keeping the shortest per property. Files from different models,
 * configurations or campaigns are refused with the field that differs.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { KripkeError } from '../../spec/errors.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { SIMULATION_KIND } from '../simulation-report.ts';
import { type MergedReport, renderMerged } from '../merge-report.ts';
import { jsonOutput } from '../json-output.ts';

/** The parts of a `kripke simulate --json` result that merging reads. */
export interface ShardResult {
  readonly file: string;
  readonly model: string;
  readonly variant: string | null;
  readonly settings: Readonly<Record<string, string>>;
  readonly status: 'pass' | 'violation' | 'incomplete' | 'error';
  readonly stats: {
    readonly distinctStates: number;
    readonly elapsedMs: number;
    readonly coverage: readonly { action: string; fired: number; found: number }[];
    readonly simulation: {
      readonly seed: number;
      readonly campaignSeed: number;
      readonly depth: number;
      readonly runsRequested: number | null;
      readonly shard: { index: number; count: number } | null;
      readonly runs: number;
      readonly steps: number;
      readonly stepsPerSecond: number;
      readonly deepestWalk: number;
      readonly sometimes: readonly { property: string; walks: number }[];
    };
  };
  readonly violations?: readonly { property: string; kind: string; path: string | null; note: string | null }[];
  readonly error?: { code: string; message: string };
  readonly reproduce: string;
}

export function registerMerge(program: Command, run: (code: Promise<ExitCode>) => void): void {
  program
    .command('merge')
    .description('merge the --json results of the shards of one simulate campaign into one report')
    .argument('<files...>', 'JSON files written by `kripke simulate … --shard i/n --json`')
    .option('--json', 'print the merged report as one JSON object')
    .action((files: string[], flags: { json?: boolean }) => run(Promise.resolve(merge(files, flags.json === true))));
}

function merge(files: readonly string[], json: boolean): ExitCode {
  const { text, report } = mergeShardFiles(files);
  process.stdout.write(json ? `${jsonOutput(report)}\n` : `${text}\n`);
  return report.status === 'error'
    ? EXIT.usageOrModelError
    : report.status === 'violation'
      ? EXIT.violation
      : EXIT.pass;
}

/** Reads and checks the shard files, and merges them (a `KripkeError` names a bad or foreign file). */
export function mergeShardFiles(files: readonly string[]): { text: string; report: MergedReport } {
  const shards = files.map(readShard);
  requireOneCampaign(shards);
  return renderMerged(shards);
}

function readShard(file: string): ShardResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new KripkeError('invalid-config', `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`, {
      file,
    });
  }
  const candidate = parsed as Partial<ShardResult> & { kind?: unknown; version?: unknown };
  if (candidate?.kind !== SIMULATION_KIND || candidate.version !== 1 || !candidate.stats?.simulation) {
    throw new KripkeError('invalid-config', `${file} is not a result of \`kripke simulate --json\` (version 1)`, {
      file,
    });
  }
  return { ...(candidate as ShardResult), file };
}

/** The campaign a shard belongs to: everything that must agree between merged shards. */
function campaignOf(s: ShardResult): Record<string, string> {
  const sim = s.stats.simulation;
  return {
    model: s.model,
    variant: String(s.variant),
    settings: JSON.stringify(sortKeys(s.settings)),
    'campaign seed': String(sim.campaignSeed),
    depth: String(sim.depth),
    runs: String(sim.runsRequested),
    'shard count': String(sim.shard?.count ?? 1),
  };
}

function requireOneCampaign(shards: readonly ShardResult[]): void {
  const first = shards[0]!;
  const expected = campaignOf(first);
  const seen = new Map<number, string>();
  for (const shard of shards) {
    const actual = campaignOf(shard);
    for (const [field, value] of Object.entries(expected)) {
      if (actual[field] !== value) {
        throw new KripkeError(
          'invalid-config',
          `cannot merge ${shard.file} with ${first.file}: ${field} ${actual[field]} ≠ ${value} ` +
            '(shards must come from one campaign: same model, configuration, seed, depth, runs and shard count)',
          { file: shard.file },
        );
      }
    }
    const index = shard.stats.simulation.shard?.index ?? 1;
    const twin = seen.get(index);
    if (twin !== undefined)
      throw new KripkeError('invalid-config', `${shard.file} and ${twin} are both shard ${index}`, {
        file: shard.file,
      });
    seen.set(index, shard.file);
  }
}

function sortKeys(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
