/**
 * A path of the forbidding spec that shows a given sequence of observations: the evidence that it
 * follows the distinguishing behaviour right up to its last step.
 */
import type { ActionPath, PathStep } from '../path.ts';
import type { Follower } from './follower.ts';

/** A search node linked to the one it came from (`parent`: its index, or -1 - init index for a root). */
export interface Linked {
  readonly parent: number;
  readonly step: PathStep | undefined;
}

interface Node extends Linked {
  readonly id: number;
  /** How many observations of the sequence the path has shown (index of the current one). */
  readonly at: number;
}

/**
 * BFS over (state, position in `shown`): a step either repeats the current observation or shows
 * the next one; the sequence itself may repeat an observation, which the follower matches by
 * staying put. `shown` is non-empty and is known to be followable (the diff found a set for it).
 */
export function followWitness<S>(follower: Follower<S>, shown: readonly bigint[]): ActionPath {
  const nodes: Node[] = [];
  const seen = new Set<string>();
  const push = (id: number, at: number, parent: number, step: PathStep | undefined) => {
    const key = `${id}:${at}`;
    if (seen.has(key)) return;
    seen.add(key);
    nodes.push({ id, at, parent, step });
  };
  follower.initial.forEach((id, i) => {
    if (follower.observations[id] === shown[0]) push(id, 0, -1 - i, undefined);
  });
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.at === shown.length - 1) return pathBack(nodes, node);
    if (shown[node.at + 1] === shown[node.at]) push(node.id, node.at + 1, nodes[i]!.parent, node.step);
    for (const edge of follower.edgesOf(node.id)) {
      const seenNow = follower.observations[edge.target];
      if (seenNow === shown[node.at]) push(edge.target, node.at, i, edge);
      else if (seenNow === shown[node.at + 1]) push(edge.target, node.at + 1, i, edge);
    }
  }
  throw new Error('internal: the diff found a set of states the witness search cannot reach');
}

/** The path to `last`, by following parent links back to a root. */
export function pathBack(nodes: readonly Linked[], last: Linked): ActionPath {
  const steps: PathStep[] = [];
  let node = last;
  while (node.step !== undefined) {
    steps.push(node.step);
    node = nodes[node.parent]!;
  }
  return { init: -1 - node.parent, steps: steps.reverse() };
}
