/**
 * Successor generation and state identity: the part of the hot loop every engine shares.
 * Calls the user's code, turns its mistakes into named `KripkeError`s, and in strict mode checks
 * purity (frozen inputs, each action run twice, the input re-hashed afterwards).
 */
import { KripkeError } from '../spec/errors.ts';
import type { Action, Spec } from '../spec/types.ts';
import type { StateLayout } from '../spec/packed.ts';
import { describeInvalidValue, fingerprint, fingerprintHi, fingerprintLo, fingerprintWords, NOT_A_VALUE } from './fingerprint.ts';
import { formatValue } from './format-value.ts';

/** Receives one successor: the action's index and the parameter's index in its domain. */
export type SuccessorSink<S> = (successor: S, action: number, param: number) => void;

export class Successors<S> {
  private readonly actions: readonly Action<S>[];
  private readonly identify: (state: S) => unknown;
  /** The word count of a packed spec's states, hashed word by word (0: walk the value). */
  private readonly packedSize: number;

  constructor(
    private readonly spec: Spec<S>,
    private readonly strict: boolean,
  ) {
    this.actions = spec.actions;
    const { view, symmetry } = spec;
    this.identify = view && symmetry ? (s) => view(symmetry(s)) : view ?? symmetry ?? ((s) => s);
    this.packedSize = spec.layout !== undefined && !view && !symmetry ? spec.layout.size : 0;
  }

  /** The initial states, checked to be state values. */
  initialStates(): readonly S[] {
    let states: readonly S[];
    try {
      states = this.spec.init();
    } catch (e) {
      throw new KripkeError('init-threw', `init threw: ${messageOf(e)}`, { model: this.spec.name });
    }
    if (!Array.isArray(states)) {
      throw new KripkeError('init-threw', 'init must return an array of states', { model: this.spec.name });
    }
    states.forEach((s, i) => this.requireValue(s, { init: String(i) }));
    if (this.strict) states.forEach(deepFreeze);
    return states;
  }

  /** Calls `sink` for every enabled (action, parameter) of `state`, in spec order. Returns how many. */
  forEach(state: S, sink: SuccessorSink<S>): number {
    let count = 0;
    const before = this.strict ? this.stateFingerprint(state) : 0n;
    for (let a = 0; a < this.actions.length; a++) {
      const action = this.actions[a]!;
      const domain = this.domainOf(action, state);
      for (let p = 0; p < domain.length; p++) {
        const successor = this.apply(action, state, domain[p], p);
        if (successor === undefined) continue;
        if (this.strict) this.checkPurity(action, state, domain[p], p, successor, before);
        count++;
        sink(successor, a, p);
      }
    }
    return count;
  }

  /** Replays one path step; undefined when that action/parameter is not enabled there. */
  successor(state: S, actionIndex: number, paramIndex: number): S | undefined {
    const action = this.actions[actionIndex];
    if (action === undefined) return undefined;
    const domain = this.domainOf(action, state);
    if (paramIndex >= domain.length) return undefined;
    return this.apply(action, state, domain[paramIndex], paramIndex);
  }

  /** Fingerprints the state's identity (view of its symmetry representative) into fingerprintHi/Lo. */
  identifyAndHash(state: S, where: () => Record<string, string>): void {
    if (this.packedSize > 0) {
      try {
        fingerprintWords(state as readonly number[], this.packedSize);
      } catch (e) {
        if (e !== NOT_A_VALUE) throw e;
        throw this.invalid(state, where());
      }
      return;
    }
    let identity: unknown;
    try {
      identity = this.identify(state);
    } catch (e) {
      throw new KripkeError('action-threw', `view or symmetry threw: ${messageOf(e)}`, { model: this.spec.name, ...where() });
    }
    try {
      fingerprint(identity);
    } catch (e) {
      if (e !== NOT_A_VALUE) throw e;
      throw this.invalid(state === identity ? state : identity, where());
    }
  }

  private domainOf(action: Action<S>, state: S): readonly unknown[] {
    try {
      const domain = action.domain(state);
      if (!Array.isArray(domain)) throw new TypeError('params must return an array');
      return domain;
    } catch (e) {
      throw new KripkeError('domain-threw', `action '${action.name}': params threw: ${messageOf(e)}`, {
        model: this.spec.name, action: action.name,
      });
    }
  }

  private apply(action: Action<S>, state: S, param: unknown, paramIndex: number): S | undefined {
    let successor: S | undefined;
    try {
      successor = action.next(state, param, paramIndex);
    } catch (e) {
      const mutation = this.strict && e instanceof TypeError && /read.only|frozen|not extensible/i.test(e.message);
      throw new KripkeError(mutation ? 'state-mutated' : 'action-threw',
        mutation ? `action '${action.name}' modified its input state (${e.message}); return a new state instead`
          : `action '${action.name}' threw: ${messageOf(e)}`,
        this.where(action, param));
    }
    if (successor === undefined) return undefined;
    if (this.strict) deepFreeze(successor);
    return successor;
  }

  private checkPurity(action: Action<S>, state: S, param: unknown, paramIndex: number, successor: S, before: bigint): void {
    this.requireUnchanged(action, state, param, before);
    const first = this.valueFingerprint(successor, action, param);
    const again = this.apply(action, state, param, paramIndex);
    this.requireUnchanged(action, state, param, before);
    if (again === undefined || this.valueFingerprint(again, action, param) !== first) {
      throw new KripkeError('nondeterministic',
        `action '${action.name}' is not deterministic: called twice on the same state it returned ` +
        `${again === undefined ? 'a state, then undefined' : 'two different states'}`, this.where(action, param));
    }
  }

  private requireUnchanged(action: Action<S>, state: S, param: unknown, before: bigint): void {
    if (this.stateFingerprint(state) !== before) {
      throw new KripkeError('state-mutated', `action '${action.name}' modified its input state; return a new state instead`,
        this.where(action, param));
    }
  }

  private valueFingerprint(value: unknown, action: Action<S>, param: unknown): bigint {
    try {
      fingerprint(value);
    } catch (e) {
      if (e !== NOT_A_VALUE) throw e;
      throw this.invalid(value, this.where(action, param));
    }
    return (BigInt(fingerprintHi >>> 0) << 32n) | BigInt(fingerprintLo >>> 0);
  }

  private stateFingerprint(state: S): bigint {
    fingerprint(state);
    return (BigInt(fingerprintHi >>> 0) << 32n) | BigInt(fingerprintLo >>> 0);
  }

  private requireValue(value: unknown, where: Record<string, string>): void {
    try {
      fingerprint(value);
    } catch (e) {
      if (e !== NOT_A_VALUE) throw e;
      throw this.invalid(value, where);
    }
  }

  private invalid(value: unknown, where: Record<string, string>): KripkeError {
    const what = this.spec.layout ? describeInvalidWords(value, this.spec.layout) : describeInvalidValue(value) ?? 'the value is not plain immutable data';
    const source = where.action ? `action '${where.action}' returned a state where ` : '';
    return new KripkeError('invalid-value', `${source}${what}`, { model: this.spec.name, ...where, field: what.split(' ')[0]! });
  }

  where(action: Action<S>, param: unknown): Record<string, string> {
    const where: Record<string, string> = { model: this.spec.name, action: action.name };
    if (!action.parameterless) where.param = formatValue(param, 60);
    return where;
  }
}

/** Why a packed state is not one: its length, or the first word that is not an integer, by field. */
function describeInvalidWords(value: unknown, layout: StateLayout): string {
  if (!Array.isArray(value)) return `$ is ${typeof value}, not the layout's array of ${layout.size} words`;
  if (value.length !== layout.size) return `$ has ${value.length} words; the layout has ${layout.size}`;
  const bad = value.findIndex((w) => typeof w !== 'number' || (w | 0) !== w);
  return `${layout.fieldAt(bad) || `word ${bad}`} is ${formatValue(value[bad], 40)}, not an integer (write packed states through the layout's fields)`;
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Freezes plain objects and arrays all the way down (Maps and Sets are re-hashed instead). */
export function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  if (value instanceof Map) {
    value.forEach((v, k) => { deepFreeze(k); deepFreeze(v); });
    return;
  }
  if (value instanceof Set) {
    value.forEach(deepFreeze);
    return;
  }
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
}
