/**
 * Successor generation and state identity: the part of the hot loop every engine shares.
 * Calls the user's code, turns its mistakes into named `KripkeError`s, fingerprints states with
 * a hasher it owns, and in strict mode checks purity (the input re-hashed after every call, each
 * action run twice) — by hashing, not by freezing, so that it works whatever the module system
 * (a write to a frozen object fails silently in sloppy-mode CommonJS code).
 */
import { KripkeError } from '../spec/errors.ts';
import type { StateLayout } from '../spec/packed.ts';
import type { Action, Spec } from '../spec/types.ts';
import { describeInvalidValue, Hasher, NOT_A_VALUE } from './fingerprint/index.ts';
import { IdentityCache } from './fingerprint/identity-cache.ts';
import { formatValue } from './format-value.ts';
import { firstDifference } from './value-difference.ts';

/** Receives one successor: the action's index and the parameter's index in its domain. */
export type SuccessorSink<S> = (successor: S, action: number, param: number) => void;

export class Successors<S> {
  /** Owns the search's hashing state; `identify` leaves a state's fingerprint in `hasher.hi`/`lo`. */
  readonly hasher = new Hasher();
  private readonly actions: readonly Action<S>[];
  private readonly identity: (state: S) => unknown;
  /** The word count of a packed spec's states, hashed word by word (0: walk the value). */
  private readonly packedSize: number;
  /** Strict mode: the state being expanded, as it was before any action ran (to name a mutated field). */
  private snapshot: unknown;
  /** With symmetry: identities of recently seen concrete states, by their own fingerprint. */
  private readonly identities: IdentityCache | undefined;

  constructor(
    private readonly spec: Spec<S>,
    private readonly strict: boolean,
  ) {
    this.actions = spec.actions;
    const { view, symmetry } = spec;
    this.identity = view && symmetry ? (s) => view(symmetry(s)) : (view ?? symmetry ?? ((s) => s));
    this.packedSize = spec.layout !== undefined && !view && !symmetry ? spec.layout.size : 0;
    // Strict mode computes every representative, so a symmetry that is not a function of the state shows.
    this.identities = symmetry && !strict ? new IdentityCache() : undefined;
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
    if (states.length === 0) {
      // No initial state means no behaviour: every property would hold of nothing.
      throw new KripkeError(
        'invalid-spec',
        'init returned no states: there is nothing to check, and every property would pass vacuously',
        { model: this.spec.name },
      );
    }
    states.forEach((s, i) => this.requireValue(s, { init: String(i) }));
    return states;
  }

  /** Calls `sink` for every enabled (action, parameter) of `state`, in spec order. Returns how many. */
  forEach(state: S, sink: SuccessorSink<S>): number {
    let count = 0;
    const before = this.strict ? this.beginStrict(state) : 0n;
    for (let a = 0; a < this.actions.length; a++) {
      const action = this.actions[a]!;
      const domain = this.domainOf(action, state);
      for (let p = 0; p < domain.length; p++) {
        const successor = this.apply(action, state, domain[p], p);
        if (this.strict) this.checkPurity(action, state, domain[p], p, successor, before);
        if (successor === undefined) continue;
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

  /** Fingerprints the state's identity (view of its symmetry representative) into `hasher.hi`/`lo`. */
  identify(state: S, where: () => Record<string, string>): void {
    if (this.packedSize > 0) {
      try {
        this.hasher.words(state as readonly number[], this.packedSize);
      } catch (e) {
        if (e !== NOT_A_VALUE) throw e;
        throw this.invalid(state, where());
      }
      return;
    }
    const identities = this.identities;
    if (identities !== undefined) {
      this.hashValue(state, where);
      const { hi, lo } = this.hasher;
      if (identities.has(hi, lo)) {
        this.hasher.hi = identities.hi;
        this.hasher.lo = identities.lo;
        return;
      }
      this.hashIdentity(state, where);
      identities.set(hi, lo, this.hasher.hi, this.hasher.lo);
      return;
    }
    this.hashIdentity(state, where);
  }

  /** Fingerprints the state's identity, computing it (view, symmetry). */
  private hashIdentity(state: S, where: () => Record<string, string>): void {
    let identity: unknown;
    try {
      identity = this.identity(state);
    } catch (e) {
      throw new KripkeError('action-threw', `view or symmetry threw: ${messageOf(e)}`, {
        model: this.spec.name,
        ...where(),
      });
    }
    this.hashValue(identity, where);
  }

  /** Fingerprints a value (a state, or its identity) into `hasher.hi`/`lo`, naming it when it is not one. */
  private hashValue(value: unknown, where: () => Record<string, string>): void {
    try {
      this.hasher.fingerprint(value);
    } catch (e) {
      if (e !== NOT_A_VALUE) throw e;
      throw this.invalid(value, where());
    }
  }

  /** The state's identity as one bigint (off the hot path). */
  identityOf(state: S, where: () => Record<string, string> = () => ({})): bigint {
    this.identify(state, where);
    return (BigInt(this.hasher.hi >>> 0) << 32n) | BigInt(this.hasher.lo >>> 0);
  }

  /** The action's parameter domain in `state`, its mistakes named (`domain-threw`). */
  domainOf(action: Action<S>, state: S): readonly unknown[] {
    if (action.values !== undefined) return action.values; // a fixed domain: nothing to call or check
    try {
      const domain = action.domain(state);
      if (!Array.isArray(domain)) throw new TypeError('params must return an array');
      return domain;
    } catch (e) {
      throw new KripkeError('domain-threw', `action '${action.name}': params threw: ${messageOf(e)}`, {
        model: this.spec.name,
        action: action.name,
      });
    }
  }

  private apply(action: Action<S>, state: S, param: unknown, paramIndex: number): S | undefined {
    try {
      return action.next(state, param, paramIndex);
    } catch (e) {
      throw new KripkeError(
        'action-threw',
        `action '${action.name}' threw: ${messageOf(e)}`,
        this.where(action, param),
      );
    }
  }

  /** Strict mode, before a state's actions run: its fingerprint, and a copy to name a field that changes. */
  private beginStrict(state: S): bigint {
    this.snapshot = undefined;
    try {
      this.snapshot = structuredClone(state);
    } catch {
      // not cloneable: a mutation is still caught, only without the field's name
    }
    return this.valueFingerprint(state, undefined);
  }

  private checkPurity(
    action: Action<S>,
    state: S,
    param: unknown,
    paramIndex: number,
    successor: S | undefined,
    before: bigint,
  ): void {
    this.requireUnchanged(action, state, param, before);
    if (successor === undefined) return;
    const first = this.valueFingerprint(successor, this.where(action, param));
    const again = this.apply(action, state, param, paramIndex);
    this.requireUnchanged(action, state, param, before);
    if (again === undefined || this.valueFingerprint(again, this.where(action, param)) !== first) {
      throw new KripkeError(
        'nondeterministic',
        `action '${action.name}' is not deterministic: called twice on the same state it returned ` +
          `${again === undefined ? 'a state, then undefined' : 'two different states'}`,
        this.where(action, param),
      );
    }
  }

  private requireUnchanged(action: Action<S>, state: S, param: unknown, before: bigint): void {
    if (this.valueFingerprint(state, undefined) === before) return;
    const field = this.snapshot === undefined ? undefined : firstDifference(this.snapshot, state);
    const what = field === undefined ? '' : ` (${field})`;
    throw new KripkeError(
      'state-mutated',
      `action '${action.name}' modified its input state${what}; return a new state instead`,
      { ...this.where(action, param), ...(field === undefined ? {} : { field: field.split(' ')[0]! }) },
    );
  }

  private valueFingerprint(value: unknown, where: Record<string, string> | undefined): bigint {
    try {
      return this.hasher.of(value);
    } catch (e) {
      if (e !== NOT_A_VALUE) throw e;
      throw this.invalid(value, where ?? {});
    }
  }

  private requireValue(value: unknown, where: Record<string, string>): void {
    try {
      if (this.spec.layout) this.hasher.words(value as readonly number[], this.spec.layout.size);
      else this.hasher.fingerprint(value);
    } catch (e) {
      if (e !== NOT_A_VALUE) throw e;
      throw this.invalid(value, where);
    }
  }

  private invalid(value: unknown, where: Record<string, string>): KripkeError {
    const what = this.spec.layout
      ? describeInvalidWords(value, this.spec.layout)
      : (describeInvalidValue(value) ?? 'the value is not plain immutable data');
    const source = where.action ? `action '${where.action}' returned a state where ` : '';
    return new KripkeError('invalid-value', `${source}${what}`, {
      model: this.spec.name,
      ...where,
      field: what.split(' ')[0]!,
    });
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
