/**
 * The properties a walk checks at every step: invariants on each state, action properties and
 * refinements on each step (refinements also on the initial state), and `sometimes` goals
 * (recorded as witnesses, never failures: random search cannot show that a state is
 * unreachable). A property that throws or returns a non-boolean is a model error.
 */
import { KripkeError } from '../../spec/errors.ts';
import type { Invariant, Reachability, Refinement, StepInvariant, StepLabel } from '../../spec/properties.ts';
import type { Spec } from '../../spec/types.ts';
import { RefinementCheck } from '../refinement.ts';
import { messageOf } from '../successors.ts';

export class WalkChecks<S> {
  readonly invariants: readonly Invariant<S>[];
  readonly stepProperties: readonly StepInvariant<S>[];
  readonly refinements: readonly { readonly property: Refinement<S>; readonly check: RefinementCheck<S> }[];
  readonly goals: readonly Reachability<S>[];

  constructor(
    private readonly spec: Spec<S>,
    selected: ReadonlySet<string>,
  ) {
    const chosen = spec.properties.filter((p) => selected.has(p.name));
    this.invariants = chosen.filter((p): p is Invariant<S> => p.kind === 'always');
    this.stepProperties = chosen.filter((p): p is StepInvariant<S> => p.kind === 'alwaysStep');
    this.refinements = chosen
      .filter((p): p is Refinement<S> => p.kind === 'refines')
      .map((property) => ({ property, check: new RefinementCheck(spec.name, property) }));
    this.goals = chosen.filter((p): p is Reachability<S> => p.kind === 'sometimes');
  }

  /** Whether steps are checked one by one (action properties or refinements). */
  get checksSteps(): boolean {
    return this.stepProperties.length > 0 || this.refinements.length > 0;
  }

  /** The first refinement an initial state violates, if any. */
  violatedInitial(state: S): Refinement<S> | undefined {
    return this.refinements.find((r) => !r.check.initialHolds(state))?.property;
  }

  /** The first invariant `state` violates, if any. */
  violatedInvariant(state: S): Invariant<S> | undefined {
    const invariants = this.invariants;
    for (let i = 0; i < invariants.length; i++) {
      const inv = invariants[i]!;
      if (!this.holds(inv.name, this.run(inv.name, inv.holds, state))) return inv;
    }
    return undefined;
  }

  /** The first action property or refinement the step violates, if any. */
  violatedStep(before: S, after: S, label: StepLabel): StepInvariant<S> | Refinement<S> | undefined {
    for (const prop of this.stepProperties) {
      let result: unknown;
      try {
        result = prop.holds(before, after, label);
      } catch (e) {
        throw this.threw(prop.name, e);
      }
      if (!this.holds(prop.name, result)) return prop;
    }
    return this.refinements.find((r) => !r.check.stepHolds(before, after))?.property;
  }

  /** Whether goal `index` holds in `state`. */
  reached(index: number, state: S): boolean {
    const goal = this.goals[index]!;
    return this.holds(goal.name, this.run(goal.name, goal.holds, state));
  }

  private run(name: string, predicate: (state: S) => boolean, state: S): unknown {
    try {
      return predicate(state);
    } catch (e) {
      throw this.threw(name, e);
    }
  }

  private holds(name: string, result: unknown): boolean {
    if (result === true) return true;
    if (result === false) return false;
    throw new KripkeError('property-threw', `property '${name}' returned ${typeof result}, not a boolean`, {
      model: this.spec.name,
      property: name,
    });
  }

  private threw(name: string, e: unknown): KripkeError {
    return new KripkeError('property-threw', `property '${name}' threw: ${messageOf(e)}`, {
      model: this.spec.name,
      property: name,
    });
  }
}
