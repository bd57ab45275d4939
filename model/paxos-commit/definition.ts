/**
 * What Paxos Commit is in either representation — `paxos-commit.ts` (records and a Set of
 * messages) and `paxos-commit-packed.ts` (words): the actions' names, order and parameter
 * domains, and the properties, defined once. Each representation gives the actions' steps (and
 * decideCommit's state-dependent domain) and a `PaxosCommitRead` of its states; the compiler
 * holds both to these names.
 *
 * Where an action of the TLA+ spec is an existential (`\E m \in msgs`, `\E MS \in Majority`),
 * the parameter is the witness, so each satisfying choice is one successor — as TLC counts them.
 */
import type { PropertyConstructors } from '../../spec/index.ts';
import type { Value } from './messages.ts';
import type { Decision, PaxosCommitConstants, RmState } from './paxos-commit.ts';

const VALUES: readonly Value[] = ['prepared', 'aborted'];
export const RM_STATES: readonly RmState[] = ['working', 'prepared', 'committed', 'aborted'];

/** Every action's parameters, in order (decideCommit's depend on the state: see `PaxosCommitSteps`). */
export function paxosCommitDomains({ RM, ACCEPTOR, MAJORITY, BALLOT, LEADER_BALLOT }: PaxosCommitConstants) {
  return {
    RM,
    /** (bal, rm): a leader of ballot bal > 0 in instance rm. */
    phase1a: LEADER_BALLOT.flatMap((bal) => RM.map((rm) => [bal, rm] as const)),
    /** (bal, rm, MS): that leader, having heard phase 1b from the majority MS. */
    phase2a: LEADER_BALLOT.flatMap((bal) => RM.flatMap((rm) => MAJORITY.map((MS) => [bal, rm, MS] as const))),
    /** (rm, b, MS): MS voted "aborted" in ballot b of instance rm. */
    decideAbort: RM.flatMap((rm) => BALLOT.flatMap((b) => MAJORITY.map((MS) => [rm, b, MS] as const))),
    /** (acc, ins, bal): acceptor acc promises ballot bal > 0 of instance ins. */
    phase1b: ACCEPTOR.flatMap((acc) => RM.flatMap((ins) => LEADER_BALLOT.map((bal) => [acc, ins, bal] as const))),
    /** (acc, ins, bal, val): acceptor acc votes val in ballot bal of instance ins. */
    phase2b: ACCEPTOR.flatMap((acc) =>
      RM.flatMap((ins) => BALLOT.flatMap((bal) => VALUES.map((val) => [acc, ins, bal, val] as const))),
    ),
  };
}
export type PaxosCommitDomains = ReturnType<typeof paxosCommitDomains>;
type Param<K extends Exclude<keyof PaxosCommitDomains, 'RM'>> = PaxosCommitDomains[K][number];

/** A step; `index` is the parameter's position in its domain (the checker passes it). */
type Step<S, P> = (s: S, param: P, index?: number) => S | undefined;

/** Each action's step over a state `S`; undefined when not enabled. */
export interface PaxosCommitSteps<S> {
  /** rm prepares: it votes "prepared" in ballot 0 of its own instance. */
  readonly rmPrepare: Step<S, string>;
  /** rm spontaneously aborts, voting "aborted" in ballot 0. */
  readonly rmChooseToAbort: Step<S, string>;
  /** rm learns the commit (a stuttering step when it already committed). */
  readonly rmRcvCommitMsg: Step<S, string>;
  readonly rmRcvAbortMsg: Step<S, string>;
  /** A leader starts ballot bal > 0 in instance rm (sending it again is harmless). */
  readonly phase1a: Step<S, Param<'phase1a'>>;
  /**
   * A leader that heard phase 1b for ballot bal from every acceptor of majority MS proposes the
   * value of the highest vote they reported, or "aborted" if none voted.
   */
  readonly phase2a: Step<S, Param<'phase2a'>>;
  /**
   * decideCommit's domain: the ways to show that every instance chose "prepared", one witness (a
   * ballot and a majority that voted "prepared" in it) per RM. TLC expands the `\A rm \in RM :
   * Decided(rm, "prepared")` of Decide into one conjunct per RM and enumerates each conjunct's
   * `\E b, MS`, so each combination is one successor.
   */
  readonly commitEvidence: (s: S) => readonly (readonly Decision[])[];
  /** Every instance chose "prepared": announce Commit. */
  readonly decideCommit: Step<S, readonly Decision[]>;
  /** Instance rm chose "aborted" (majority MS voted so in ballot b): announce Abort. */
  readonly decideAbort: Step<S, Param<'decideAbort'>>;
  /** Acceptor acc promises ballot bal of instance ins, reporting its last vote. */
  readonly phase1b: Step<S, Param<'phase1b'>>;
  /** Acceptor acc votes val in ballot bal of instance ins, unless it promised a higher ballot. */
  readonly phase2b: Step<S, Param<'phase2b'>>;
}

/** The actions of a spec, in order, each with its domain and the representation's step. */
export function paxosCommitActions<S>(domains: PaxosCommitDomains, step: PaxosCommitSteps<S>) {
  return {
    rmPrepare: { params: domains.RM, next: step.rmPrepare },
    rmChooseToAbort: { params: domains.RM, next: step.rmChooseToAbort },
    rmRcvCommitMsg: { params: domains.RM, next: step.rmRcvCommitMsg },
    rmRcvAbortMsg: { params: domains.RM, next: step.rmRcvAbortMsg },
    phase1a: { params: domains.phase1a, next: step.phase1a },
    phase2a: { params: domains.phase2a, next: step.phase2a },
    decideCommit: { params: step.commitEvidence, next: step.decideCommit },
    decideAbort: { params: domains.decideAbort, next: step.decideAbort },
    phase1b: { params: domains.phase1b, next: step.phase1b },
    phase2b: { params: domains.phase2b, next: step.phase2b },
  };
}

/** What the properties read of a state. */
export interface PaxosCommitRead<S> {
  /** rmState[RM[i]]; undefined when the state holds none there (PCTypeOK fails). */
  readonly rm: (s: S, i: number) => RmState | undefined;
  /** The rest of PCTypeOK, which depends on how the representation holds acceptors and messages. */
  readonly typedBeyondFields: (s: S) => boolean;
}

export function paxosCommitProperties<S>(read: PaxosCommitRead<S>, rms: number) {
  const { rm } = read;
  // Loops, not closures: these run on every new state.
  const typeOk = (s: S) => {
    for (let i = 0; i < rms; i++) {
      const state = rm(s, i);
      if (state === undefined || !RM_STATES.includes(state)) return false;
    }
    return read.typedBeyondFields(s);
  };
  /** TCConsistent: no resource manager committed while another aborted. */
  const consistent = (s: S) => {
    let committed = false,
      aborted = false;
    for (let i = 0; i < rms; i++) {
      const state = rm(s, i);
      if (state === 'committed') committed = true;
      else if (state === 'aborted') aborted = true;
    }
    return !(committed && aborted);
  };
  return ({ always }: PropertyConstructors<S>) => [
    always('PCTypeOK', typeOk),
    // PaxosCommit implements TCommit: no resource manager commits while another aborts.
    always('TCConsistent', consistent),
  ];
}
