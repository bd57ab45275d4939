/**
 * `npm run bench -- liveness`: what liveness checking costs next to the safety search it follows,
 * on the liveness models (same run, side by side): safety time, liveness time (graph build, SCCs,
 * fair-cycle search, lasso), the ratio, and the graph's size and bytes.
 */
import type { BenchOptions } from '../run.ts';
import { check } from '../../checker/check.ts';
import type { Spec } from '../../spec/types.ts';
import { allocatorSpec } from '../../model/allocator/allocator.ts';
import { diningSpec } from '../../model/dining-philosophers/dining-philosophers.ts';
import { ewd840Spec } from '../../model/ewd840/ewd840.ts';
import { replicatedLogSpec } from '../../model/replicated-log/replicated-log.ts';

export const name = 'liveness';
export const description = 'liveness cost next to safety: time ratio, graph states/edges/bytes';

interface Case {
  readonly label: string;
  readonly spec: () => Spec<any>;
  readonly checkDeadlock?: boolean;
}

function cases(quick: boolean): Case[] {
  return [
    { label: 'ewd840 N=3', spec: () => ewd840Spec(3), checkDeadlock: false },
    { label: 'ewd840 N=4', spec: () => ewd840Spec(4), checkDeadlock: false },
    ...(quick ? [] : [{ label: 'ewd840 N=5', spec: () => ewd840Spec(5), checkDeadlock: false }]),
    { label: 'dining NP=5', spec: () => diningSpec(5) },
    { label: 'allocator 3x2', spec: () => allocatorSpec(3, 2) },
    ...(quick ? [] : [{ label: 'allocator 3x3', spec: () => allocatorSpec(3, 3) }]),
    { label: 'replicated-log', spec: () => replicatedLogSpec(3, 1, 3) },
  ];
}

export async function run(options: BenchOptions): Promise<unknown> {
  const rows = cases(options.quick).map((c) => {
    const checkDeadlock = c.checkDeadlock ?? true;
    check(c.spec(), { checkDeadlock }); // warm up the JIT
    const safety = check(c.spec(), { checkDeadlock, liveness: false });
    const both = check(c.spec(), { checkDeadlock });
    const live = both.stats.liveness;
    return {
      model: c.label, verdict: both.status, states: both.stats.distinctStates,
      safetyMs: Math.round(safety.stats.elapsedMs), livenessMs: Math.round(live?.elapsedMs ?? 0),
      ratio: live ? +(live.elapsedMs / safety.stats.elapsedMs).toFixed(2) : 0,
      edges: live?.graphEdges ?? 0, graphKiB: Math.round((live?.graphBytes ?? 0) / 1024), components: live?.components ?? 0,
    };
  });
  if (!options.json) console.table(rows);
  return rows;
}
