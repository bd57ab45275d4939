/**
 * What `kripke swarm` writes: one swarm campaign (`kripke simulate --shard i/n`, each shard with
 * its own seed and swarm configuration, see `checker/random/swarm.ts`) as a Kubernetes Indexed Job
 * and as a GitHub Actions matrix workflow, so an existing engine schedules the shards and
 * `kripke merge` combines their JSON results.
 *
 * An Indexed Job numbers its pods 0…n−1 in `JOB_COMPLETION_INDEX`; shards are numbered 1…n, so a
 * pod runs shard `JOB_COMPLETION_INDEX + 1`. A shard that finds a violation exits 1: the pod still
 * succeeds (its result is what we want); a model error (exit 2) fails the whole Job at once.
 */

export interface SwarmPlan {
  /** How the image runs Kripke (`npx kripke`). */
  readonly kripke: string;
  /** `simulate <model> …` for the campaign, without `--shard` (words already quoted for a shell). */
  readonly campaign: string;
  readonly shards: number;
  readonly parallelism: number;
  readonly image: string;
  readonly workingDir: string;
  /** A PersistentVolumeClaim for the results; without one they go to an emptyDir and the pods' logs. */
  readonly resultsClaim: string | undefined;
  /** The Job's name (a DNS label). */
  readonly name: string;
}

/** Where a pod writes its result (the results volume is mounted there). */
export const RESULTS_DIR = '/results';

/** The pod's shell script: run its shard, keep the JSON, print it to the log, succeed unless the model failed. */
export function podScript(plan: SwarmPlan): string {
  const file = '"$RESULTS/shard-$((JOB_COMPLETION_INDEX + 1)).json"';
  return [
    `${plan.kripke} ${plan.campaign} --shard "$((JOB_COMPLETION_INDEX + 1))/${plan.shards}" > ${file}`,
    'code=$?',
    `cat ${file}`,
    '[ "$code" -le 1 ] || exit "$code"',
  ].join('\n');
}

export function indexedJob(plan: SwarmPlan) {
  const volume = plan.resultsClaim ? { persistentVolumeClaim: { claimName: plan.resultsClaim } } : { emptyDir: {} };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: plan.name, labels: { 'app.kubernetes.io/name': 'kripke-swarm' } },
    spec: {
      completionMode: 'Indexed',
      completions: plan.shards,
      parallelism: plan.parallelism,
      backoffLimitPerIndex: 1,
      podFailurePolicy: {
        rules: [{ action: 'FailJob', onExitCodes: { containerName: 'kripke', operator: 'In', values: [2] } }],
      },
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': 'kripke-swarm' } },
        spec: {
          restartPolicy: 'Never',
          containers: [
            {
              name: 'kripke',
              image: plan.image,
              workingDir: plan.workingDir,
              command: ['sh', '-c', podScript(plan)],
              env: [{ name: 'RESULTS', value: RESULTS_DIR }],
              volumeMounts: [{ name: 'results', mountPath: RESULTS_DIR }],
            },
          ],
          volumes: [{ name: 'results', ...volume }],
        },
      },
    },
  };
}

/** The same campaign as a GitHub Actions workflow: a matrix job per shard, then a job that merges them. */
export function matrixWorkflow(plan: SwarmPlan) {
  const setup = [
    { uses: 'actions/checkout@v4' },
    { uses: 'actions/setup-node@v4', with: { 'node-version': 20, cache: 'npm' } },
    { run: 'npm ci' },
  ];
  const file = 'shard-${{ matrix.shard }}.json';
  return {
    name: `kripke swarm: ${plan.name}`,
    on: { workflow_dispatch: {} },
    jobs: {
      shard: {
        'runs-on': 'ubuntu-latest',
        strategy: { 'fail-fast': false, matrix: { shard: Array.from({ length: plan.shards }, (_, i) => i + 1) } },
        steps: [
          ...setup,
          // Exit 1 (a violation found) is a result to keep, not a failed shard.
          {
            name: `shard \${{ matrix.shard }}/${plan.shards}`,
            run: `${plan.kripke} ${plan.campaign} --shard "\${{ matrix.shard }}/${plan.shards}" > ${file} || [ $? -eq 1 ]`,
          },
          { uses: 'actions/upload-artifact@v4', with: { name: 'shard-${{ matrix.shard }}', path: file } },
        ],
      },
      merge: {
        needs: 'shard',
        if: 'always()',
        'runs-on': 'ubuntu-latest',
        steps: [
          ...setup,
          {
            uses: 'actions/download-artifact@v4',
            with: { pattern: 'shard-*', 'merge-multiple': true, path: 'shards' },
          },
          { run: `${plan.kripke} merge shards/*.json` },
        ],
      },
    },
  };
}
