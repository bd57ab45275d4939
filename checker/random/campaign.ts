/**
 * Coverage of a random campaign, so a user can tell exploring from running in circles: walks,
 * steps, the deepest walk, distinct states seen (by fingerprint), per-action counts (taken, and
 * how often that led to a state no walk had seen), and how many walks reached each `sometimes`.
 */
import type { Spec } from '../../spec/types.ts';
import type { ActionPath } from '../path.ts';
import type { ActionCoverage } from '../result.ts';
import type { FingerprintStore } from '../store.ts';

export class Campaign {
  runs = 0;
  steps = 0;
  /** Initial states plus steps: every state a walk visited, repeats included. */
  visited = 0;
  deepestWalk = 0;
  readonly coverage: ActionCoverage[];
  /** Per `sometimes` goal: walks that reached it, and the shortest witness seen. */
  readonly goalWalks: number[];
  readonly goalExamples: (ActionPath | undefined)[];

  constructor(
    spec: Spec<unknown>,
    readonly store: FingerprintStore,
    goalCount: number,
  ) {
    this.coverage = spec.actions.map((a) => ({ action: a.name, fired: 0, found: 0 }));
    this.goalWalks = new Array<number>(goalCount).fill(0);
    this.goalExamples = new Array<ActionPath | undefined>(goalCount).fill(undefined);
  }

  /** Records a state by its fingerprint; returns true when it is new. */
  seeState(hi: number, lo: number): boolean {
    this.visited++;
    return this.store.insert(hi, lo) >= 0;
  }

  recordStep(action: number, isNew: boolean): void {
    this.steps++;
    const c = this.coverage[action]!;
    c.fired++;
    if (isNew) c.found++;
  }

  endWalk(steps: number): void {
    this.runs++;
    if (steps > this.deepestWalk) this.deepestWalk = steps;
  }

  /** A walk reached goal `index` after `steps` steps; `path` is called only for a shorter witness. */
  recordGoal(index: number, steps: number, path: () => ActionPath): void {
    this.goalWalks[index]!++;
    const best = this.goalExamples[index];
    if (best === undefined || steps < best.steps.length) this.goalExamples[index] = path();
  }
}
