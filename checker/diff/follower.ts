/**
 * The forbidding side of a behaviour diff: the sets of states a spec can be in after showing a
 * sequence of observations (a subset construction, built lazily). Steps that leave the
 * observation unchanged are invisible, so every set is closed under them.
 */
import type { Spec } from '../../spec/types.ts';
import type { PathStep } from '../path.ts';
import { Successors } from '../successors.ts';
import type { Observation } from './observation.ts';

/** One step between two states of the follower, by their ids. */
export interface Edge extends PathStep {
  readonly target: number;
}

/** A set of the follower's states, interned: equal sets have equal ids. */
export type StateSetId = number & { readonly __brand: 'StateSetId' };

export class Follower<S> {
  private readonly successors: Successors<S>;
  private readonly ids = new Map<bigint, number>();
  private readonly states: S[] = [];
  /** Each state's observation fingerprint, by id. */
  readonly observations: bigint[] = [];
  private readonly edges: (readonly Edge[] | undefined)[] = [];
  /** Ids of the initial states, by their position in `init()`. */
  readonly initial: readonly number[];
  private readonly setIds = new Map<string, StateSetId>();
  private readonly sets: (readonly number[])[] = [];

  constructor(
    spec: Spec<S>,
    private readonly observation: Observation<S>,
  ) {
    this.successors = new Successors(spec, false);
    this.initial = this.successors.initialStates().map((s) => this.idOf(s));
  }

  /** How many distinct states the diff has met so far. */
  get size(): number {
    return this.states.length;
  }

  members(set: StateSetId): readonly number[] {
    return this.sets[set]!;
  }

  /** The initial states that show `observed`, with all they reach unseen. */
  start(observed: bigint): StateSetId {
    return this.closed(this.initial.filter((id) => this.observations[id] === observed));
  }

  /** Where `set` can be after a step that shows `observed` (empty when no state of it can). */
  after(set: StateSetId, observed: bigint): StateSetId {
    const reached = new Set<number>();
    for (const id of this.members(set)) {
      for (const edge of this.edgesOf(id)) {
        if (this.observations[edge.target] === observed) reached.add(edge.target);
      }
    }
    return this.closed([...reached]);
  }

  /** The steps out of a state, computed once. */
  edgesOf(id: number): readonly Edge[] {
    let out = this.edges[id];
    if (out === undefined) {
      const found: Edge[] = [];
      this.successors.forEach(this.states[id]!, (next, action, param) =>
        found.push({ target: this.idOf(next), action, param }),
      );
      this.edges[id] = out = found;
    }
    return out;
  }

  /** Adds every state reachable from `ids` by steps that keep the observation; interns the set. */
  private closed(ids: readonly number[]): StateSetId {
    const members = new Set(ids);
    const queue = [...ids];
    for (let i = 0; i < queue.length; i++) {
      const id = queue[i]!;
      for (const edge of this.edgesOf(id)) {
        if (this.observations[edge.target] !== this.observations[id] || members.has(edge.target)) continue;
        members.add(edge.target);
        queue.push(edge.target);
      }
    }
    const sorted = [...members].sort((x, y) => x - y);
    const key = sorted.join(',');
    let set = this.setIds.get(key);
    if (set === undefined) {
      set = this.sets.length as StateSetId;
      this.sets.push(sorted);
      this.setIds.set(key, set);
    }
    return set;
  }

  private idOf(state: S): number {
    const identity = this.observation.identity(state);
    let id = this.ids.get(identity);
    if (id === undefined) {
      id = this.states.length;
      this.ids.set(identity, id);
      this.states.push(state);
      this.observations.push(this.observation.of(state));
    }
    return id;
  }
}
