/**
 * `kripke swarm <model> --shards n`: writes one swarm campaign as a Kubernetes Indexed Job
 * (`job.yaml`) and a GitHub Actions matrix workflow (`workflow.yml`), each running
 * `kripke simulate … --shard i/n --json` per shard; `kripke merge` combines the results. The
 * campaign seed is fixed here (drawn from the clock unless given), so every shard belongs to it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { DEFAULT_DEPTH, DEFAULT_RUNS } from '../../checker/random/options.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { loadModel } from '../load-model.ts';
import { collectSetting, positiveInteger } from '../options.ts';
import { simulateArguments } from '../simulation-report.ts';
import { indexedJob, matrixWorkflow, type SwarmPlan } from '../swarm-manifests.ts';
import { type CampaignFlags, durationArgument, seedArgument } from './simulate.ts';

interface SwarmFlags extends CampaignFlags {
  shards: number;
  parallelism?: number;
  image: string;
  workdir: string;
  kripke: string;
  resultsClaim?: string;
  out: string;
}

export function registerSwarm(program: Command, run: (code: Promise<ExitCode>) => void): void {
  program
    .command('swarm')
    .description(
      'write a swarm campaign as a Kubernetes Indexed Job and a GitHub Actions matrix workflow (merge with `kripke merge`)',
    )
    .argument('<model>', 'a shipped model (see `kripke list`) or a model file (path/to/model.ts)')
    .requiredOption('--shards <n>', 'number of shards (pods, matrix jobs)', positiveInteger)
    .option('--set <key=value>', 'set a configuration value (repeatable)', collectSetting, {})
    .option('--variant <name>', 'simulate a variant of the protocol')
    .option('--runs <n>', `walks per shard (default ${DEFAULT_RUNS.toLocaleString('en-US')})`, positiveInteger)
    .option('--depth <n>', `steps per walk (default ${DEFAULT_DEPTH})`, positiveInteger)
    .option(
      '--seed <s>',
      'the campaign seed (default: drawn from the clock, and written into both files)',
      seedArgument,
    )
    .option('--time <duration>', 'each shard stops after this long, e.g. 10m', durationArgument)
    .option('--property <name...>', 'check only these properties')
    .option('--no-deadlock', 'do not report states without successors as deadlocks')
    .option('--parallelism <n>', 'pods running at once (default: all shards)', positiveInteger)
    .requiredOption(
      '--image <image>',
      'container image holding the project (the model and its node_modules, Kripke among them) at --workdir',
    )
    .option('--workdir <dir>', 'the project folder inside the image', '/app')
    .option('--kripke <command>', 'how the image runs Kripke', 'npx kripke')
    .option(
      '--results-claim <pvc>',
      "a PersistentVolumeClaim to keep the shards' results (default: an emptyDir; read them from the pods' logs)",
    )
    .option('--out <dir>', 'where to write job.yaml and workflow.yml', 'kripke-swarm')
    .action((name: string, flags: SwarmFlags) => run(writeSwarm(name, flags)));
}

async function writeSwarm(name: string, flags: SwarmFlags): Promise<ExitCode> {
  const model = await loadModel(name, { settings: flags.set, variant: flags.variant });
  const seed = flags.seed ?? Date.now() >>> 0;
  const campaign = [
    '--seed',
    String(seed),
    '--runs',
    String(flags.runs ?? DEFAULT_RUNS),
    '--depth',
    String(flags.depth ?? DEFAULT_DEPTH),
  ];
  if (flags.time !== undefined) campaign.push('--time', `${flags.time}ms`);
  const checks = [
    ...(flags.property ? ['--property', ...flags.property] : []),
    ...(flags.deadlock ? [] : ['--no-deadlock']),
  ];
  const plan: SwarmPlan = {
    kripke: flags.kripke,
    campaign: simulateArguments({ model, settings: flags.set, checkFlags: checks }, [
      ...campaign,
      '--json',
      '--no-progress',
    ]),
    shards: flags.shards,
    parallelism: flags.parallelism ?? flags.shards,
    image: flags.image,
    workingDir: flags.workdir,
    resultsClaim: flags.resultsClaim,
    name: jobName(model.spec.name, seed),
  };
  mkdirSync(flags.out, { recursive: true });
  const job = join(flags.out, 'job.yaml'),
    workflow = join(flags.out, 'workflow.yml');
  writeFileSync(job, stringify(indexedJob(plan), { lineWidth: 0 }));
  writeFileSync(workflow, stringify(matrixWorkflow(plan), { lineWidth: 0 }));
  process.stdout.write(
    [
      `Swarm campaign of ${model.spec.name}: ${flags.shards} shards, campaign seed ${seed}`,
      `  wrote ${job}       kubectl apply -f ${job}  (pod i runs shard i+1; results in ${plan.resultsClaim ? `claim ${plan.resultsClaim}` : "the pods' logs"})`,
      `  wrote ${workflow}  copy to .github/workflows/ and run it from the Actions tab`,
      '  then: kripke merge shard-*.json',
      '',
    ].join('\n'),
  );
  return EXIT.pass;
}

/** A DNS label: lower-case letters, digits and dashes, at most 63 characters. */
function jobName(spec: string, seed: number): string {
  const base =
    spec
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'model';
  return `kripke-swarm-${base}-${seed.toString(36)}`;
}
