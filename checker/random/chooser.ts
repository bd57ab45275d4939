/**
 * Turns one choice into one step: which enabled (action, parameter) a walk takes next, computing
 * as few successors as possible. Choice `c` first tries candidate `(c - 1) mod C` of the state's
 * `C` candidates (every action with every parameter of its domain, in spec order), then further
 * candidates drawn from `c` by hashing, until one is enabled: rejection sampling, so each enabled
 * pair is equally likely and only the chosen successor is built. After `2C + 4` misses it falls
 * back to enumerating every enabled pair and taking the `(c - 1) mod n`-th. Strict mode makes
 * the same choices, after running every enabled action through the purity checks. A shard's
 * excluded actions are rejected unless nothing else is enabled.
 */
import type { Spec } from '../../spec/types.ts';
import type { Successors } from '../successors.ts';
import { pickEnabled } from './choices.ts';
import { DisabledMemo } from './disabled-memo.ts';
import { mix32 } from './swarm.ts';

const GOLDEN = 0x9e3779b9;

export class Chooser<S> {
  /** The chosen successor, its action and its parameter's index (set when `choose` returns true). */
  state!: S;
  action = 0;
  param = 0;
  private readonly sizes: Int32Array;
  /**
   * When every action's domain is fixed (`values`), the candidates never change: each candidate's
   * action and parameter index (and so their number) are computed once instead of at every step.
   */
  private readonly fixed: { readonly action: Int32Array; readonly param: Int32Array } | undefined;
  /** Candidates found disabled in states met before, by fingerprint (see `disabled-memo.ts`). */
  private readonly disabled: DisabledMemo | undefined;
  // Every enabled successor, for the fallback.
  private readonly enabledStates: S[] = [];
  private readonly enabledActions: number[] = [];
  private readonly enabledParams: number[] = [];
  private enabledCount = 0;
  private readonly sink = (successor: S, action: number, param: number): void => {
    const i = this.enabledCount++;
    this.enabledStates[i] = successor;
    this.enabledActions[i] = action;
    this.enabledParams[i] = param;
  };

  constructor(
    private readonly spec: Spec<S>,
    private readonly successors: Successors<S>,
    private readonly excluded: readonly boolean[] | undefined,
    private readonly strict: boolean,
  ) {
    this.sizes = new Int32Array(spec.actions.length);
    this.fixed = fixedCandidates(spec);
    // Candidates are numbered alike in every state only with fixed domains; the fingerprint is the
    // whole state only without a view or a symmetry; strict mode runs every action anyway.
    const memoizable = this.fixed && !strict && spec.view === undefined && spec.symmetry === undefined;
    this.disabled = memoizable ? new DisabledMemo(this.fixed.action.length) : undefined;
  }

  /** The state chosen in next has this fingerprint: what is found disabled there is remembered. */
  enter(hi: number, lo: number): void {
    this.disabled?.enter(hi, lo);
  }

  /** The state chosen in next was not fingerprinted: nothing is skipped or remembered there. */
  leave(): void {
    this.disabled?.leave();
  }

  /** Chooses the successor of `state` for choice `c` (> 0); false when no action is enabled. */
  choose(state: S, c: number): boolean {
    if (this.strict) this.successors.forEach(state, noop); // checks every enabled action's purity
    const total = this.measure(state);
    let r = (c - 1) % total;
    for (let t = 1; total > 0 && t <= 2 * total + 4; t++) {
      if (this.attempt(state, r, true)) return true;
      r = mix32((c + Math.imul(t, GOLDEN)) >>> 0) % total;
    }
    return this.enumerate(state, c);
  }

  /** Whether any action is enabled in `state` (builds at most one successor outside strict mode). */
  anyEnabled(state: S): boolean {
    if (this.strict) this.successors.forEach(state, noop);
    const total = this.measure(state);
    for (let r = 0; r < total; r++) if (this.attempt(state, r, false)) return true;
    return false;
  }

  private enumerate(state: S, c: number): boolean {
    this.enabledCount = 0;
    const n = this.successors.forEach(state, this.sink);
    if (n === 0) return false;
    const k = pickEnabled(c, n, this.enabledActions, this.excluded);
    this.state = this.enabledStates[k]!;
    this.action = this.enabledActions[k]!;
    this.param = this.enabledParams[k]!;
    return true;
  }

  /** Candidate `r` in spec order; false when it is not enabled (or excluded, if `honourExclusion`). */
  private attempt(state: S, candidate: number, honourExclusion: boolean): boolean {
    const disabled = this.disabled;
    if (disabled?.isDisabled(candidate)) return false;
    let a = 0,
      r = candidate;
    if (this.fixed !== undefined) {
      a = this.fixed.action[candidate]!;
      r = this.fixed.param[candidate]!;
    } else {
      const sizes = this.sizes;
      while (r >= sizes[a]!) r -= sizes[a++]!;
    }
    if (honourExclusion && this.excluded?.[a]) return false;
    const next = this.successors.successor(state, a, r);
    if (next === undefined) {
      disabled?.markDisabled(candidate);
      return false;
    }
    this.state = next;
    this.action = a;
    this.param = r;
    return true;
  }

  /** Records each action's domain size in `state`; returns the number of candidates. */
  private measure(state: S): number {
    if (this.fixed !== undefined) return this.fixed.action.length;
    const actions = this.spec.actions;
    let total = 0;
    for (let a = 0; a < actions.length; a++) {
      const domain = this.successors.domainOf(actions[a]!, state);
      this.sizes[a] = domain.length;
      total += domain.length;
    }
    return total;
  }
}

/** Each candidate's action and parameter index, when every action's domain is fixed. */
function fixedCandidates<S>(spec: Spec<S>) {
  const domains = spec.actions.map((action) => action.values);
  if (domains.some((values) => values === undefined)) return undefined;
  const total = domains.reduce((n, values) => n + values!.length, 0);
  const action = new Int32Array(total),
    param = new Int32Array(total);
  let r = 0;
  domains.forEach((values, a) => {
    for (let p = 0; p < values!.length; p++, r++) {
      action[r] = a;
      param[r] = p;
    }
  });
  return { action, param };
}

function noop(): void {}
