/**
 * What each command's `--help` ends with: an example and the exit codes it can return (see
 * exit-codes.ts; CI gates rely on them). Every error in the input — an unknown model, option or
 * setting, a model that does not load — is exit code 2 for every command.
 */
import type { Command } from 'commander';

interface CommandHelp {
  readonly examples: readonly string[];
  /** Exit code → meaning, besides 2 (a usage or model error). */
  readonly exits: Readonly<Record<number, string>>;
}

const CHECK_EXITS = {
  0: 'every property holds',
  1: 'a property is violated (the counterexample is printed)',
  3: 'incomplete: a limit stopped the search',
};

const HELP: Readonly<Record<string, CommandHelp>> = {
  list: { examples: ['kripke list', 'kripke list --json'], exits: { 0: 'listed' } },
  check: {
    examples: [
      'kripke check two-phase-commit --variant commit-on-majority --out out/',
      'kripke check my-model.ts#spec --workers 2 --json',
      'kripke check paxos --checkpoint ckpt/   (after a stop: kripke check paxos --resume ckpt/)',
    ],
    exits: CHECK_EXITS,
  },
  simulate: {
    examples: [
      'kripke simulate credit-flow --variant off-by-one --seed 42',
      'kripke simulate raft --shard 1/4 --json > shard-1.json',
    ],
    exits: { 0: 'no walk broke a property', 1: 'a walk broke a property (shrunk, with its reproduce line)' },
  },
  swarm: {
    examples: ['kripke swarm raft --shards 8 --image ghcr.io/me/protocols:1 --out kripke-swarm'],
    exits: { 0: 'job.yaml and workflow.yml were written' },
  },
  merge: {
    examples: ['kripke merge shard-*.json --json'],
    exits: { 0: 'no shard found a violation', 1: 'a shard found a violation' },
  },
  render: {
    examples: ['kripke render out/TCConsistent/trace.json --format html --out report.html'],
    exits: { 0: 'rendered' },
  },
  replay: {
    examples: [
      'kripke replay out/TCConsistent/trace.json',
      'kripke replay trace.itf.json my-model.ts --variant fixed --set n=3',
    ],
    exits: { 0: 'the trace still reproduces', 1: 'a step no longer holds (the model changed)' },
  },
  ci: {
    examples: ['kripke ci', 'kripke ci kripke.config.ts --out kripke-report'],
    exits: {
      0: 'every check did what it expects',
      1: 'a check differs from its expectation',
      3: 'a check was incomplete',
    },
  },
  compare: {
    examples: ['kripke compare two-phase-commit --variants correct,abort-after-prepare --set rms=2,3'],
    exits: { 0: 'compared (violations are rows, not failures)' },
  },
  diff: {
    examples: [
      'kripke diff two-phase-commit --variant correct --variant commit-on-majority',
      'kripke diff old-model.ts new-model.ts',
    ],
    exits: {
      0: 'no behaviour differs',
      1: 'a behaviour differs (the shortest is printed)',
      3: 'incomplete: a limit stopped the search',
    },
  },
  sweep: { examples: ['kripke sweep two-phase-commit --set rms=2..5'], exits: { 0: 'every point was checked' } },
  explore: { examples: ['kripke explore paxos --variant volatile-promise'], exits: { 0: 'the explorer was closed' } },
};

/** Appends each command's examples and exit codes to its `--help`. */
export function addExamplesAndExitCodes(program: Command): void {
  for (const command of program.commands) {
    const help = HELP[command.name()];
    if (help === undefined) throw new Error(`kripke ${command.name()} has no examples in cli/help.ts`);
    command.addHelpText('after', helpText(help));
  }
}

function helpText({ examples, exits }: CommandHelp): string {
  const codes = Object.entries({
    ...exits,
    2: 'a usage or model error (unknown model, option or setting; a model that does not load)',
  }).sort(([a], [b]) => Number(a) - Number(b));
  return [
    '',
    'Examples:',
    ...examples.map((e) => `  $ ${e}`),
    '',
    'Exit codes:',
    ...codes.map(([code, meaning]) => `  ${code}  ${meaning}`),
  ].join('\n');
}
