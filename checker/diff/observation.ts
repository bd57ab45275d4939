/**
 * What a behaviour diff compares: each state's observation (what an outside party sees) and its
 * identity (which states are one), both reduced to 64-bit fingerprints.
 */
import { KripkeError } from '../../spec/errors.ts';
import type { Spec } from '../../spec/types.ts';
import { describeInvalidValue, Hasher } from '../fingerprint/index.ts';
import { messageOf } from '../successors.ts';

/** Projects a state onto what is observable; the result must be a state value (plain data). */
export type Observe<S> = (state: S) => unknown;

/**
 * The default observation: the whole state — as the model identifies it (its `view`, when it has
 * one), and decoded into named fields for a packed layout, so that an object model and its packed
 * port observe alike.
 */
export function wholeState<S>(spec: Spec<S>): Observe<S> {
  const { layout, view } = spec;
  if (layout) return (s) => layout.decode(s as readonly number[]);
  return view ?? ((s) => s);
}

export class Observation<S> {
  private readonly hasher = new Hasher();

  constructor(
    private readonly spec: Spec<S>,
    private readonly observe: Observe<S>,
  ) {}

  /** The fingerprint of what `state` shows. */
  of(state: S): bigint {
    let shown: unknown;
    try {
      shown = this.observe(state);
    } catch (e) {
      throw new KripkeError('property-threw', `the observation threw: ${messageOf(e)}`, { model: this.spec.name });
    }
    return this.hash(shown, 'the observation');
  }

  /**
   * Which states are one: the state, or its view when the model declares one (symmetry is not
   * applied: a permuted representative would be observed under other names).
   */
  identity(state: S): bigint {
    return this.hash(this.spec.view ? this.spec.view(state) : state, 'a state');
  }

  private hash(value: unknown, what: string): bigint {
    try {
      return this.hasher.of(value);
    } catch {
      const why = describeInvalidValue(value) ?? 'it is not plain immutable data';
      throw new KripkeError('invalid-value', `${what} cannot be compared: ${why}`, { model: this.spec.name });
    }
  }
}
