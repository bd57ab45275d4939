/**
 * One random walk, driven by a sequence of choices (see `choices.ts` for what a choice means),
 * checking every safety property at every step. The same walker replays a saved path, so a printed
 * path re-detects the violation it came from. Buffers are reused across walks: the hot loop only
 * allocates what the model's own actions allocate.
 */
import { KripkeError } from '../../spec/errors.ts';
import type { PropertyKind } from '../../spec/properties.ts';
import { stepAllowed } from '../action-constraint.ts';
import type { Spec } from '../../spec/types.ts';
import type { ResolvedOptions } from '../options.ts';
import type { ActionPath, PathStep } from '../path.ts';
import type { ViolationKind } from '../result.ts';
import { Successors } from '../successors.ts';
import type { Campaign } from './campaign.ts';
import { WalkChecks } from './checks.ts';
import { Chooser } from './chooser.ts';
import { SKIP } from './choices.ts';

export interface WalkViolation {
  readonly property: string;
  readonly kind: ViolationKind;
  readonly propertyKind: PropertyKind | 'deadlock';
  readonly instance?: string;
  readonly note?: string;
}

const DEADLOCK: WalkViolation = {
  property: 'deadlock',
  kind: 'deadlock',
  propertyKind: 'deadlock',
  note: 'no action is enabled and the state is not terminal',
};

export class Walker<S> {
  readonly checks: WalkChecks<S>;
  /** How many choices the last walk consumed: that prefix of its choices reproduces it. */
  consumed = 0;
  private readonly successors: Successors<S>;
  private readonly inits: readonly S[];
  private readonly constraint: ((state: S) => boolean) | undefined;
  private readonly checkDeadlock: boolean;
  private readonly goalHit: Uint8Array;
  private readonly chooser: Chooser<S>;
  // The walk so far.
  private readonly pathActions: number[] = [];
  private readonly pathParams: number[] = [];
  private length = 0;
  private initIndex = 0;
  private current!: S;
  private previous: S | undefined;
  private outside = false;
  private campaign: Campaign | undefined;
  private readonly where = () => ({ step: String(this.length) });

  constructor(
    private readonly spec: Spec<S>,
    options: ResolvedOptions,
    excluded: readonly boolean[],
  ) {
    this.successors = new Successors(spec, options.strict);
    this.chooser = new Chooser(spec, this.successors, excluded.includes(true) ? excluded : undefined, options.strict);
    this.inits = this.successors.initialStates();
    if (this.inits.length === 0) throw new KripkeError('init-threw', 'init returned no states', { model: spec.name });
    this.checks = new WalkChecks(spec, options.properties);
    this.constraint = spec.constraint;
    this.checkDeadlock = options.checkDeadlock;
    this.goalHit = new Uint8Array(this.checks.goals.length);
  }

  /** Walks from initial state `initChoice` (modulo their number) following `choices`. */
  walk(initChoice: number, choices: readonly number[], campaign?: Campaign): WalkViolation | undefined {
    const found = this.start(initChoice % this.inits.length, campaign);
    if (found) return this.end(found);
    const chooser = this.chooser;
    let i = 0;
    while (!this.outside) {
      while (i < choices.length && choices[i] === SKIP) i++;
      if (i >= choices.length) return this.end(chooser.anyEnabled(this.current) ? undefined : this.deadlock());
      const enabled = chooser.choose(this.current, choices[i++]!);
      this.consumed = i;
      if (!enabled) return this.end(this.deadlock());
      const violation = this.take(chooser.state, chooser.action, chooser.param);
      if (violation) return this.end(violation);
    }
    return this.end(undefined);
  }

  /** Replays `path` with the same checks; a step that is not enabled is an `invalid-trace` error. */
  replay(path: ActionPath): WalkViolation | undefined {
    if (path.init >= this.inits.length) {
      throw new KripkeError(
        'invalid-trace',
        `the path starts at initial state #${path.init}, but '${this.spec.name}' has ${this.inits.length}`,
        { model: this.spec.name, step: '0' },
      );
    }
    const found = this.start(path.init, undefined);
    if (found) return found;
    for (let i = 0; i < path.steps.length; i++) {
      const { action, param } = path.steps[i]!;
      const next = this.successors.successor(this.current, action, param);
      if (next === undefined) throw this.notEnabled(i, action, param);
      const violation = this.take(next, action, param);
      if (violation) return violation;
    }
    return !this.outside && !this.chooser.anyEnabled(this.current) ? this.deadlock() : undefined;
  }

  /** The path of the last walk, up to where it stopped. */
  path(): ActionPath {
    const steps: PathStep[] = [];
    for (let i = 0; i < this.length; i++) steps.push({ action: this.pathActions[i]!, param: this.pathParams[i]! });
    return { init: this.initIndex, steps };
  }

  get steps(): number {
    return this.length;
  }

  private start(init: number, campaign: Campaign | undefined): WalkViolation | undefined {
    this.campaign = campaign;
    this.goalHit.fill(0);
    this.initIndex = init;
    this.length = 0;
    this.consumed = 0;
    const state = this.inits[init]!;
    const refinement = this.checks.violatedInitial(state);
    if (refinement) return { property: refinement.name, kind: 'refinement', propertyKind: 'refines' };
    return this.arrive(state, -1, false);
  }

  private end(violation: WalkViolation | undefined): WalkViolation | undefined {
    this.campaign?.endWalk(this.length);
    return violation;
  }

  private deadlock(): WalkViolation | undefined {
    if (!this.checkDeadlock || this.spec.terminal?.(this.current)) return undefined;
    return DEADLOCK;
  }

  /**
   * Takes one step: action properties and refinements on the step, then everything about the new
   * state; a step the action constraint rejects ends the walk there (as a state outside the constraint does).
   */
  private take(next: S, action: number, param: number): WalkViolation | undefined {
    const before = this.current;
    this.pathActions[this.length] = action;
    this.pathParams[this.length] = param;
    this.length++;
    let excluded = false;
    if (this.checks.checksSteps || this.spec.actionConstraint !== undefined) {
      const a = this.spec.actions[action]!;
      const label = { action: a.name, param: a.domain(before)[param] };
      const broken = this.checks.violatedStep(before, next, label);
      if (broken) {
        this.campaign?.recordStep(action, false);
        const kinds =
          broken.kind === 'refines'
            ? ({ kind: 'refinement', propertyKind: 'refines' } as const)
            : ({ kind: 'step', propertyKind: 'alwaysStep' } as const);
        return {
          property: broken.name,
          ...kinds,
          ...(broken.instance === undefined ? {} : { instance: broken.instance }),
        };
      }
      excluded = !stepAllowed(this.spec, before, next, label);
    }
    return this.arrive(next, action, excluded);
  }

  /** Enters a state: coverage, invariants, `sometimes` goals, and the constraint boundaries. */
  private arrive(state: S, action: number, excluded: boolean): WalkViolation | undefined {
    this.previous = action < 0 ? undefined : this.current;
    this.current = state;
    this.outside = excluded || (this.constraint !== undefined && !this.constraint(state));
    if (this.campaign) this.record(state, action);
    else this.chooser.leave();
    const broken = this.checks.violatedInvariant(state);
    if (broken)
      return {
        property: broken.name,
        kind: 'invariant',
        propertyKind: 'always',
        ...(broken.instance === undefined ? {} : { instance: broken.instance }),
      };
    const goals = this.goalHit;
    for (let g = 0; g < goals.length; g++) {
      if (goals[g] === 0 && this.checks.reached(g, state)) {
        goals[g] = 1;
        this.campaign?.recordGoal(g, this.length, () => this.path());
      }
    }
    return undefined;
  }

  private record(state: S, action: number): void {
    const campaign = this.campaign!;
    let isNew = false;
    if (state === this.previous) {
      campaign.visited++; // an action returned its input: the same state, already seen (and entered)
    } else if (!this.outside) {
      this.successors.identify(state, this.where);
      const { hi, lo } = this.successors.hasher;
      isNew = campaign.seeState(hi, lo);
      this.chooser.enter(hi, lo);
    } else {
      campaign.visited++;
      this.chooser.leave();
    }
    if (action >= 0) campaign.recordStep(action, isNew);
  }

  private notEnabled(step: number, action: number, param: number): KripkeError {
    const a = this.spec.actions[action];
    const name = a ? `action '${a.name}'` : `action #${action}`;
    return new KripkeError(
      'invalid-trace',
      `step ${step + 1}: ${name} with parameter #${param} is not enabled in the state before it`,
      { model: this.spec.name, step: String(step + 1) },
    );
  }
}
