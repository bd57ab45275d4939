/**
 * Evaluates safety and reachability properties as an engine discovers states and steps, and
 * records violations (first per property — for a family, the first of any of its instances) and
 * `sometimes` examples. Refinements are step properties with an initial-state check. Liveness
 * properties are not its business: see the liveness engine.
 */
import { KripkeError } from '../spec/errors.ts';
import type { Invariant, Reachability, Refinement, StepInvariant, StepLabel } from '../spec/properties.ts';
import type { Spec } from '../spec/types.ts';
import type { ActionPath } from './path.ts';
import { RefinementCheck } from './refinement.ts';
import type { Example, Violation } from './result.ts';
import { messageOf } from './successors.ts';

export interface MonitorSnapshot {
  readonly violations: readonly Violation[];
  readonly examples: readonly (readonly [string, ActionPath])[];
  readonly violated: readonly string[];
}

export class PropertyMonitor<S> {
  readonly violations: Violation[] = [];
  private invariants: Invariant<S>[];
  private readonly steps: StepInvariant<S>[];
  /** The refinements not yet violated (a violated one leaves the list). */
  private refinements: { readonly property: Refinement<S>; readonly check: RefinementCheck<S> }[];
  private readonly unreached: Reachability<S>[];
  private readonly examples = new Map<string, ActionPath>();
  private readonly violated = new Set<string>();

  constructor(
    private readonly spec: Spec<S>,
    selected: ReadonlySet<string>,
    private readonly continueAfterViolation: boolean,
  ) {
    const chosen = spec.properties.filter((p) => selected.has(p.name));
    this.invariants = chosen.filter((p): p is Invariant<S> => p.kind === 'always');
    this.steps = chosen.filter((p): p is StepInvariant<S> => p.kind === 'alwaysStep');
    this.unreached = chosen.filter((p): p is Reachability<S> => p.kind === 'sometimes');
    this.refinements = chosen
      .filter((p): p is Refinement<S> => p.kind === 'refines')
      .map((property) => ({ property, check: new RefinementCheck(spec.name, property) }));
  }

  /** Whether some action property reads each step (with its label). */
  get hasStepProperties(): boolean {
    return this.steps.length > 0;
  }

  /** Whether some refinement reads each step (it needs no label). */
  get hasRefinements(): boolean {
    return this.refinements.length > 0;
  }

  /** True when the engine should stop: a violation was found and we are not continuing. */
  get shouldStop(): boolean {
    return this.violations.length > 0 && !this.continueAfterViolation;
  }

  /** Checks invariants and `sometimes` in a state; `pathTo` is called only when a path is needed. */
  checkState(state: S, pathTo: () => ActionPath): void {
    // Runs for every new state: no closure per invariant; a violated invariant leaves the list.
    const invariants = this.invariants;
    for (let i = 0; i < invariants.length; i++) {
      const inv = invariants[i]!;
      if (this.holds(inv, state)) continue;
      this.violated.add(inv.name);
      this.violations.push({
        property: inv.name,
        kind: 'invariant',
        propertyKind: 'always',
        path: pathTo(),
        ...instanceOf(inv),
      });
      this.invariants = invariants.filter((p) => p.name !== inv.name); // a family's other instances too
      return this.checkState(state, pathTo);
    }
    for (let i = 0; i < this.unreached.length; i++) {
      const goal = this.unreached[i]!;
      if (this.evaluate(goal.name, () => goal.holds(state))) {
        this.examples.set(goal.name, pathTo());
        this.unreached.splice(i--, 1);
      }
    }
  }

  /** Checks refinements on an initial state (it must map to an abstract initial state). */
  checkInitial(state: S, pathTo: () => ActionPath): void {
    for (const refinement of this.refinements) {
      if (refinement.check.initialHolds(state)) continue;
      this.refinementFails(
        refinement.property,
        pathTo(),
        `the initial state maps to no initial state of '${refinement.property.abstract.name}'`,
      );
    }
  }

  /** Checks action properties on one step; `pathTo` gives the path ending with that step. */
  checkStep(before: S, after: S, label: StepLabel, pathTo: () => ActionPath): void {
    for (const prop of this.steps) {
      if (this.violated.has(prop.name)) continue;
      if (!this.evaluate(prop.name, () => prop.holds(before, after, label))) {
        this.violated.add(prop.name);
        this.violations.push({
          property: prop.name,
          kind: 'step',
          propertyKind: 'alwaysStep',
          path: pathTo(),
          ...instanceOf(prop),
        });
      }
    }
  }

  /** Checks refinements on one step of `action`; `pathTo` gives the path ending with that step. */
  checkRefinements(before: S, after: S, action: string, pathTo: () => ActionPath): void {
    const refinements = this.refinements;
    for (let i = 0; i < refinements.length; i++) {
      const { property, check } = refinements[i]!;
      if (check.stepHolds(before, after)) continue;
      const path = pathTo();
      this.refinementFails(
        property,
        path,
        `the step into state ${path.steps.length + 1} (${action}) maps to no step of '${property.abstract.name}' nor to a stutter`,
      );
    }
  }

  private refinementFails(property: Refinement<S>, path: ActionPath, note: string): void {
    this.refinements = this.refinements.filter((r) => r.property !== property);
    this.violated.add(property.name);
    this.violations.push({ property: property.name, kind: 'refinement', propertyKind: 'refines', path, note });
  }

  recordDeadlock(path: ActionPath): void {
    if (this.violated.has('deadlock')) return;
    this.violated.add('deadlock');
    this.violations.push({
      property: 'deadlock',
      kind: 'deadlock',
      propertyKind: 'deadlock',
      path,
      note: 'no action is enabled and the state is not terminal',
    });
  }

  /** At the end of an exhaustive run: every `sometimes` never reached is a failure. */
  finishExhaustive(): void {
    for (const goal of this.unreached) {
      this.violations.push({
        property: goal.name,
        kind: 'unreachable',
        propertyKind: 'sometimes',
        path: undefined,
        note: 'no reachable state satisfies it',
      });
    }
    this.unreached.length = 0;
  }

  /** What a checkpoint saves: violations and examples so far (the rest follows from them). */
  snapshot(): MonitorSnapshot {
    return { violations: [...this.violations], examples: [...this.examples], violated: [...this.violated] };
  }

  /** Resumes from a checkpoint's snapshot, taken of a monitor of the same spec and properties. */
  restore(snapshot: MonitorSnapshot): void {
    this.violations.push(...snapshot.violations);
    for (const [name, path] of snapshot.examples) this.examples.set(name, path);
    for (const name of snapshot.violated) this.violated.add(name);
    const keep = <P extends { name: string }>(list: P[], drop: (p: P) => boolean) =>
      list.splice(0, list.length, ...list.filter((p) => !drop(p)));
    keep(this.invariants, (p) => this.violated.has(p.name));
    keep(this.unreached, (p) => this.examples.has(p.name));
  }

  exampleList(): Example[] {
    return this.spec.properties
      .filter((p) => p.kind === 'sometimes' && this.examples.has(p.name))
      .map((p) => ({ property: p.name, path: this.examples.get(p.name) }));
  }

  private holds(inv: Invariant<S>, state: S): boolean {
    let result: unknown;
    try {
      result = inv.holds(state);
    } catch (e) {
      throw this.threw(inv.name, e);
    }
    return this.boolean(inv.name, result);
  }

  private evaluate(name: string, run: () => boolean): boolean {
    let result: unknown;
    try {
      result = run();
    } catch (e) {
      throw this.threw(name, e);
    }
    return this.boolean(name, result);
  }

  private threw(name: string, e: unknown): KripkeError {
    return new KripkeError('property-threw', `property '${name}' threw: ${messageOf(e)}`, {
      model: this.spec.name,
      property: name,
    });
  }

  private boolean(name: string, result: unknown): boolean {
    if (typeof result === 'boolean') return result;
    throw new KripkeError('property-threw', `property '${name}' returned ${typeof result}, not a boolean`, {
      model: this.spec.name,
      property: name,
    });
  }
}

/** A family member's instance, for its violation. */
function instanceOf(property: { readonly instance?: string }): { instance?: string } {
  return property.instance === undefined ? {} : { instance: property.instance };
}
