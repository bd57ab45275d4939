/**
 * `npm run bench -- liveness`: what liveness checking adds to the safety search, on the liveness
 * models scaled up (same run, alternating): safety alone, safety with liveness, the added share,
 * the analysis time (SCCs, fair-cycle search, lasso), and the graph's size and bytes.
 */
import type { BenchOptions } from '../run.ts';
import { median } from '../statistics.ts';
import { check } from '../../checker/check.ts';
import type { Spec } from '../../spec/types.ts';
import { allocatorSpec } from '../../model/allocator/allocator.ts';
import { diningSpec } from '../../model/dining-philosophers/dining-philosophers.ts';
import { ewd840Spec } from '../../model/ewd840/ewd840.ts';
import { replicatedLogSpec } from '../../model/replicated-log/replicated-log.ts';

export const name = 'liveness';
export const description = 'what liveness adds to safety (goal: at most 30%), graph states/edges/bytes';

interface Case {
  readonly label: string;
  readonly spec: () => Spec<any>;
  readonly checkDeadlock?: boolean;
}

function cases(quick: boolean): Case[] {
  return quick
    ? [
        { label: 'ewd840 N=4', spec: () => ewd840Spec(4), checkDeadlock: false },
        { label: 'dining NP=5', spec: () => diningSpec(5) },
        { label: 'allocator 3x2', spec: () => allocatorSpec(3, 2) },
        { label: 'replicated-log', spec: () => replicatedLogSpec(3, 1, 3) },
      ]
    : [
        { label: 'ewd840 N=6', spec: () => ewd840Spec(6), checkDeadlock: false },
        { label: 'dining NP=12', spec: () => diningSpec(12) },
        { label: 'allocator 4x3', spec: () => allocatorSpec(4, 3) },
      ];
}

const ROUNDS = 3;

/** CPU time of one run, in ms: steadier than wall-clock time on a shared machine. */
function cpuMs(run: () => unknown): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * Safety alone and safety with liveness, alternating, the median CPU time of each: `added` is what checking
 * liveness adds to the safety search (one worker's BFS records the graph as it explores, so the
 * added time is the graph's bookkeeping and the fair-cycle search, not a second exploration).
 */
export async function run(options: BenchOptions): Promise<unknown> {
  const rows = cases(options.quick).map((c) => {
    const checkDeadlock = c.checkDeadlock ?? true;
    check(c.spec(), { checkDeadlock }); // warm up the JIT
    const safetyMs: number[] = [],
      bothMs: number[] = [];
    let both = check(c.spec(), { checkDeadlock });
    for (let r = 0; r < ROUNDS; r++) {
      safetyMs.push(cpuMs(() => check(c.spec(), { checkDeadlock, liveness: false })));
      bothMs.push(cpuMs(() => (both = check(c.spec(), { checkDeadlock }))));
    }
    const live = both.stats.liveness;
    // Both lists hold one figure per round, at least one.
    const safety = median(safetyMs)!,
      withLiveness = median(bothMs)!;
    return {
      model: c.label,
      verdict: both.status,
      states: both.stats.distinctStates,
      safetyCpuMs: Math.round(safety),
      withLivenessCpuMs: Math.round(withLiveness),
      added: `${Math.round((withLiveness / safety - 1) * 100)}%`,
      analysisMs: Math.round(live?.elapsedMs ?? 0),
      edges: live?.graphEdges ?? 0,
      graphKiB: Math.round((live?.graphBytes ?? 0) / 1024),
      components: live?.components ?? 0,
    };
  });
  if (!options.json) console.table(rows);
  return rows;
}
