/**
 * The left-to-right order of a sequence chart's lanes: the model's own (`Spec.lanes`) when it
 * gives one, else the order whose message arrows cross the fewest lanes — tried exhaustively for
 * up to 8 lanes, first-appearance order breaking ties (and used as it is beyond 8).
 */
import type { ActorId } from '../spec/actor/events.ts';

export interface LaneMessage {
  readonly from: ActorId;
  readonly to: ActorId;
}

const EXHAUSTIVE_UP_TO = 8;

export function orderLanes(
  appearance: readonly ActorId[],
  messages: readonly LaneMessage[],
  declared?: readonly ActorId[],
): ActorId[] {
  if (declared !== undefined && declared.length > 0) {
    return [...declared.filter((id) => appearance.includes(id)), ...appearance.filter((id) => !declared.includes(id))];
  }
  if (appearance.length > EXHAUSTIVE_UP_TO || appearance.length < 3) return [...appearance];
  const weight = pairWeights(appearance, messages);
  let best = [...appearance],
    bestCost = crossings(
      best.map((_, i) => i),
      weight,
    );
  for (const order of permutations(appearance.length)) {
    const cost = crossings(order, weight);
    if (cost < bestCost) {
      best = order.map((i) => appearance[i]!);
      bestCost = cost;
    }
  }
  return best;
}

/** How many messages pass between each pair of lanes (by first-appearance index). */
function pairWeights(appearance: readonly ActorId[], messages: readonly LaneMessage[]): number[][] {
  const n = appearance.length;
  const weight = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const { from, to } of messages) {
    const a = appearance.indexOf(from),
      b = appearance.indexOf(to);
    if (a >= 0 && b >= 0 && a !== b) weight[a]![b]! += 1;
  }
  return weight;
}

/** The lanes crossed by every arrow, with `order[p]` the lane at position p. */
function crossings(order: readonly number[], weight: readonly (readonly number[])[]): number {
  const at = new Array<number>(order.length);
  order.forEach((lane, position) => {
    at[lane] = position;
  });
  let cost = 0;
  for (let a = 0; a < order.length; a++) {
    for (let b = 0; b < order.length; b++)
      if (weight[a]![b]! > 0) cost += weight[a]![b]! * (Math.abs(at[a]! - at[b]!) - 1);
  }
  return cost;
}

/** Every ordering of 0…n-1, in lexicographic order (so earlier ones win ties). */
function* permutations(n: number): Generator<number[]> {
  const order = Array.from({ length: n }, (_, i) => i);
  for (;;) {
    yield [...order];
    let i = n - 2;
    while (i >= 0 && order[i]! > order[i + 1]!) i--;
    if (i < 0) return;
    let j = n - 1;
    while (order[j]! < order[i]!) j--;
    [order[i], order[j]] = [order[j]!, order[i]!];
    order.splice(i + 1, n - i - 1, ...order.slice(i + 1).reverse());
  }
}
