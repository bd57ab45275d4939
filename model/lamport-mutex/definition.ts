/**
 * What LamportMutex is in either representation — `lamport-mutex.ts` (arrays of values) and
 * `lamport-mutex-packed.ts` (words): the actions' names, order and parameter domains, the clock
 * constraint and the properties, defined once. Each representation gives the actions' steps and
 * a `LamportRead` of its states; the compiler holds both to these names.
 */
import type { PropertyConstructors } from '../../spec/index.ts';
import type { LamportMutexConfig, Proc } from './lamport-mutex.ts';

/** BoundedNetwork's bound on a channel's length. */
export const CHANNEL_BOUND = 3;

export interface LamportConstants {
  readonly PROC: readonly Proc[];
  /** Every (p, q), p ≠ q: p receives from q. */
  readonly PAIRS: readonly (readonly [Proc, Proc])[];
}

export function lamportConstants({ n }: LamportMutexConfig): LamportConstants {
  const PROC = Array.from({ length: n }, (_, i) => i);
  return { PROC, PAIRS: PROC.flatMap((p) => PROC.filter((q) => q !== p).map((q) => [p, q] as const)) };
}

type Step<S, P> = (s: S, param: P) => S | undefined;

/** Each action's step over a state `S`; undefined when not enabled. */
export interface LamportSteps<S> {
  /** p asks for the critical section: it records its own request and broadcasts it. */
  readonly request: Step<S, Proc>;
  /** p enters once all acknowledged and its request beats all others it knows of. */
  readonly enter: Step<S, Proc>;
  /** p leaves and tells everyone. */
  readonly exit: Step<S, Proc>;
  /** p receives q's request, advances its clock past it, and acknowledges. */
  readonly receiveRequest: Step<S, readonly [Proc, Proc]>;
  /** p receives q's acknowledgement. */
  readonly receiveAck: Step<S, readonly [Proc, Proc]>;
  /** p receives q's release and forgets q's request. */
  readonly receiveRelease: Step<S, readonly [Proc, Proc]>;
}

/** The actions of a spec, in order, each with its domain and the representation's step. */
export function lamportActions<S>({ PROC, PAIRS }: LamportConstants, step: LamportSteps<S>) {
  return {
    request: { params: PROC, next: step.request },
    enter: { params: PROC, next: step.enter },
    exit: { params: PROC, next: step.exit },
    receiveRequest: { params: PAIRS, next: step.receiveRequest },
    receiveAck: { params: PAIRS, next: step.receiveAck },
    receiveRelease: { params: PAIRS, next: step.receiveRelease },
  };
}

/** What the constraint and the properties read of a state. */
export interface LamportRead<S> {
  readonly clock: (s: S, p: Proc) => number;
  /** req[p][q]. */
  readonly req: (s: S, p: Proc, q: Proc) => number;
  /** Whether more than `n` messages are in flight from p to q. */
  readonly longerThan: (s: S, p: Proc, q: Proc, n: number) => boolean;
  /** How many processes are in their critical section. */
  readonly inCritical: (s: S) => number;
  /** The rest of TypeOK, which only this representation can get wrong: ack and crit subsets of Proc, messages well-typed. */
  readonly typedBeyondFields: (s: S) => boolean;
}

/** MCLamportMutex's state constraint: no clock beyond maxClock is explored. */
export function lamportConstraint<S>(read: LamportRead<S>, { n, maxClock }: LamportMutexConfig) {
  const { clock } = read;
  return (s: S) => {
    for (let p = 0; p < n; p++) if (clock(s, p) > maxClock) return false;
    return true;
  };
}

const inRange = (c: number, min: number, max: number) => Number.isInteger(c) && c >= min && c <= max;

/** TypeOK (Clock = 1..maxNat and Nat = 0..maxNat, as MCLamportMutex overrides them), BoundedNetwork, Mutex. */
export function lamportProperties<S>(read: LamportRead<S>, { n, maxNat }: LamportMutexConfig) {
  const { clock, req, longerThan } = read;
  // Loops, not closures: these run on every new state.
  const typeOk = (s: S) => {
    for (let p = 0; p < n; p++) {
      if (!inRange(clock(s, p), 1, maxNat)) return false;
      for (let q = 0; q < n; q++) if (!inRange(req(s, p, q), 0, maxNat)) return false;
    }
    return read.typedBeyondFields(s);
  };
  const boundedNetwork = (s: S) => {
    for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) if (longerThan(s, p, q, CHANNEL_BOUND)) return false;
    return true;
  };
  return ({ always }: PropertyConstructors<S>) => [
    always('TypeOK', typeOk),
    always('BoundedNetwork', boundedNetwork),
    always('Mutex', (s) => read.inCritical(s) <= 1),
  ];
}
