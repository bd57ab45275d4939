/**
 * Parent links by state id: how each distinct state was first reached, in 5 bytes a state — the
 * parent's id and the successor's position among the parent's enabled successors (TLC keeps
 * fingerprint + parent and recovers the action by replay; we replay too). Stored in chunks so
 * growing never copies.
 */
import type { ActionPath, PathStep } from './path.ts';
import type { Successors } from './successors.ts';

const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;
/** Positions of 255 and above are kept in a Map (states with that many successors are rare). */
const BIG = 255;

/** Where a state came from: its initial state and the choice (successor position) at each step. */
export interface Lineage {
  readonly init: number;
  readonly choices: readonly number[];
}

export class ParentLinks {
  /** The parent's id, or `-1 - initIndex` for an initial state. */
  private readonly parents: Int32Array[] = [];
  private readonly choices: Uint8Array[] = [];
  private readonly bigChoices = new Map<number, number>();

  setRoot(id: number, initIndex: number): void {
    this.set(id, -1 - initIndex, 0);
  }

  set(id: number, parentId: number, choice: number): void {
    const chunk = id >>> CHUNK_BITS;
    while (chunk >= this.parents.length) {
      this.parents.push(new Int32Array(CHUNK));
      this.choices.push(new Uint8Array(CHUNK));
    }
    this.parents[chunk]![id & MASK] = parentId;
    if (choice < BIG) this.choices[chunk]![id & MASK] = choice;
    else {
      this.choices[chunk]![id & MASK] = BIG;
      this.bigChoices.set(id, choice);
    }
  }

  get bytes(): number {
    return this.parents.length * CHUNK * 5 + this.bigChoices.size * 16;
  }

  lineage(id: number): Lineage {
    const choices: number[] = [];
    let at = id;
    for (;;) {
      const parent = this.parents[at >>> CHUNK_BITS]![at & MASK]!;
      if (parent < 0) return { init: -1 - parent, choices: choices.reverse() };
      const choice = this.choices[at >>> CHUNK_BITS]![at & MASK]!;
      choices.push(choice === BIG ? this.bigChoices.get(at)! : choice);
      at = parent;
    }
  }
}

/**
 * Turns a lineage back into an action path by replaying it: at each state, the action and
 * parameter of the successor at the recorded position. Optionally extended by one more step.
 */
export function pathOf<S>(
  successors: Successors<S>,
  initial: readonly S[],
  lineage: Lineage,
  extra?: PathStep,
): ActionPath {
  const steps: PathStep[] = [];
  let state: S = initial[lineage.init] as S;
  for (const choice of lineage.choices) {
    let position = 0;
    let found = false;
    successors.forEach(state, (successor, action, param) => {
      if (position++ !== choice) return;
      steps.push({ action, param });
      state = successor;
      found = true;
    });
    if (!found) throw new Error(`internal: path replay found no successor at position ${choice}`);
  }
  if (extra) steps.push(extra);
  return { init: lineage.init, steps };
}
