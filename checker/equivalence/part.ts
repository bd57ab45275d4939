/**
 * One random spec of the equivalence test, with what the test's reference explorer needs to
 * check it without the checker's hashing: the state's identity as a string.
 */
import type { Spec } from '../../spec/types.ts';

/** The spec kinds every engine must agree on (issue 12): each stresses a different identity. */
export const KINDS = ['plain', 'interned', 'constraint', 'view', 'liveness', 'symmetric', 'actor', 'packed'] as const;
export type Kind = (typeof KINDS)[number];

export interface Part<S = any> {
  readonly kind: Kind;
  readonly spec: Spec<S>;
  /** The identity the checker should give the state (view, symmetry class), as a canonical string. */
  readonly key: (state: S) => string;
  /**
   * Whether states with equal keys are equal states and every step is followed (no view or
   * symmetry reduction, no constraint): then liveness can be decided on the reference graph.
   */
  readonly concrete: boolean;
}
