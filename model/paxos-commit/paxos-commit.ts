/**
 * Paxos Commit (TLA+ Examples: specifications/transaction_commit/PaxosCommit.tla), Gray and
 * Lamport's non-blocking commit: each resource manager's prepared/aborted decision is chosen by
 * its own instance of Paxos, run by a set of acceptors; the transaction commits when every
 * instance has chosen "prepared".
 *
 * A port action by action. As in the TLA+ spec, `msgs` is the set of all messages ever sent,
 * receipt is not modelled (an action is enabled when the messages it needs have been sent), and
 * leader selection is not modelled. The actions' names and domains and the properties are
 * defined once (`definition.ts`) for this file's records and the words of the packed port.
 *
 * PaxosCommit.cfg (RM = {r1,r2}, three acceptors, majorities = the pairs, Ballot = {0,1}): TLC
 * finds 1,321,761 distinct states, 16,959,159 generated, depth 28. `--set packed=true` checks
 * the same protocol written with a packed state layout (`paxos-commit-packed.ts`): same counts,
 * several times faster; `--set views=true` the same layout idea written against object-like views
 * of standard fields (`paxos-commit-views.ts`): same counts.
 */
import { defineProtocol, defineSpec, KripkeError, withEntry } from '../../spec/index.ts';
import {
  ABORT,
  COMMIT,
  everyAcceptorAnswered,
  type Message,
  type Phase1b,
  proposal,
  phase1a,
  phase1b,
  phase2a,
  phase2b,
  send,
  type Value,
} from './messages.ts';
import { paxosCommitActions, paxosCommitDomains, paxosCommitProperties, type PaxosCommitRead } from './definition.ts';
import { paxosCommitPackedSpec } from './paxos-commit-packed.ts';
import { paxosCommitViewSpec } from './paxos-commit-views.ts';

export type RmState = 'working' | 'prepared' | 'committed' | 'aborted';

/** What acceptor `ac` remembers about one instance: the ballot it promised, and its last vote. */
export interface AcceptorState {
  readonly mbal: number;
  readonly bal: number;
  readonly val: Value | 'none';
}

export interface PaxosCommitState {
  readonly rmState: Readonly<Record<string, RmState>>;
  /** `aState[ins][ac]`: acceptor ac's state in the Paxos instance of resource manager ins. */
  readonly aState: Readonly<Record<string, Readonly<Record<string, AcceptorState>>>>;
  readonly msgs: ReadonlySet<Message>;
}

export interface PaxosCommitConfig {
  readonly rms: number;
  readonly acceptors: number;
  /** Ballot = 0..maxBallot. */
  readonly maxBallot: number;
}

/** Evidence that instance rm chose a value: every acceptor of `majority` voted it in ballot `bal`. */
export interface Decision {
  readonly rm: string;
  readonly bal: number;
  readonly majority: readonly string[];
}

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Every subset of `items` with exactly `size` members, in lexicographic order. */
function subsetsOfSize<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((first, i) => subsetsOfSize(items.slice(i + 1), size - 1).map((rest) => [first, ...rest]));
}

/** Minimal majorities of the acceptors: for a1..a3, {a1,a2}, {a1,a3}, {a2,a3} as in PaxosCommit.cfg. */
export const majoritiesOf = (acceptors: readonly string[]) =>
  subsetsOfSize(acceptors, Math.floor(acceptors.length / 2) + 1);

const setRm = (s: PaxosCommitState, rm: string, to: RmState, msgs = s.msgs): PaxosCommitState => ({
  ...s,
  rmState: withEntry(s.rmState, rm, to),
  msgs,
});

const setAcceptor = (
  s: PaxosCommitState,
  ins: string,
  ac: string,
  to: AcceptorState,
  msgs: ReadonlySet<Message>,
): PaxosCommitState => ({ ...s, aState: withEntry(s.aState, ins, withEntry(s.aState[ins]!, ac, to)), msgs });

/** The constants of PaxosCommit.tla for a configuration (shared with the packed layout). */
export interface PaxosCommitConstants {
  readonly RM: readonly string[];
  readonly ACCEPTOR: readonly string[];
  readonly MAJORITY: readonly (readonly string[])[];
  readonly BALLOT: readonly number[];
  /** Ballot \ {0}: ballot 0 is the resource manager's own. */
  readonly LEADER_BALLOT: readonly number[];
}

export function paxosCommitConstants(config: PaxosCommitConfig): PaxosCommitConstants {
  const ACCEPTOR = ids('a', config.acceptors);
  const BALLOT = range(0, config.maxBallot);
  return {
    RM: ids('r', config.rms),
    ACCEPTOR,
    MAJORITY: majoritiesOf(ACCEPTOR),
    BALLOT,
    LEADER_BALLOT: BALLOT.slice(1),
  };
}

/** What the properties read of this file's states. */
function objectRead({ RM, ACCEPTOR, BALLOT }: PaxosCommitConstants): PaxosCommitRead<PaxosCommitState> {
  const ballot = (b: number) => BALLOT.includes(b);
  const acceptorOk = (a: AcceptorState | undefined) =>
    a !== undefined &&
    ballot(a.mbal) &&
    (a.bal === -1 || ballot(a.bal)) &&
    ['prepared', 'aborted', 'none'].includes(a.val);
  return {
    rm: (s, i) => s.rmState[RM[i]!],
    typedBeyondFields: (s) =>
      RM.every((ins) => ACCEPTOR.every((ac) => acceptorOk(s.aState[ins]?.[ac]))) &&
      [...s.msgs].every((m) => messageOk(m, RM, ACCEPTOR, ballot)),
  };
}

export function paxosCommitSpec(config: PaxosCommitConfig = { rms: 2, acceptors: 3, maxBallot: 1 }) {
  const constants = paxosCommitConstants(config);
  const { RM, ACCEPTOR, MAJORITY, BALLOT } = constants;

  /** The phase 1b messages for instance rm, ballot bal, from acceptors in MS (Phase2a's `mset`). */
  const phase1bFrom = (s: PaxosCommitState, rm: string, bal: number, MS: readonly string[]) => {
    const found: Phase1b[] = [];
    for (const m of s.msgs) {
      if (m.type === 'phase1b' && m.ins === rm && m.mbal === bal && MS.includes(m.acc)) found.push(m);
    }
    return found;
  };

  /** Decided(rm, v), witnessed by ballot b and majority MS: every acceptor of MS voted v in b. */
  function decidedIn(s: PaxosCommitState, rm: string, v: Value, b: number, MS: readonly string[]): boolean {
    for (const ac of MS) if (!s.msgs.has(phase2b(ac, rm, b, v))) return false;
    return true;
  }
  /** The witnesses of Decided(rm, v): every ballot and majority in which the majority voted v. */
  function decisions(s: PaxosCommitState, rm: string, v: Value): Decision[] {
    const found: Decision[] = [];
    for (const bal of BALLOT)
      for (const MS of MAJORITY) if (decidedIn(s, rm, v, bal, MS)) found.push({ rm, bal, majority: MS });
    return found;
  }
  /** decideCommit's domain: one witness of Decided(rm, "prepared") per RM, every combination. */
  function commitEvidence(s: PaxosCommitState): Decision[][] {
    let combinations: Decision[][] = [[]];
    for (const rm of RM) {
      const witnesses = decisions(s, rm, 'prepared');
      if (witnesses.length === 0) return [];
      combinations = combinations.flatMap((prefix) => witnesses.map((w) => [...prefix, w]));
    }
    return combinations;
  }

  return defineSpec({
    name: 'paxos-commit',
    init: (): PaxosCommitState[] => [
      {
        rmState: Object.fromEntries(RM.map((rm) => [rm, 'working'])),
        aState: Object.fromEntries(
          RM.map((rm) => [rm, Object.fromEntries(ACCEPTOR.map((ac) => [ac, { mbal: 0, bal: -1, val: 'none' }]))]),
        ),
        msgs: new Set(),
      },
    ],
    actions: paxosCommitActions<PaxosCommitState>(paxosCommitDomains(constants), {
      rmPrepare: (s, rm) =>
        s.rmState[rm] !== 'working' ? undefined : setRm(s, rm, 'prepared', send(s.msgs, phase2a(rm, 0, 'prepared'))),
      rmChooseToAbort: (s, rm) =>
        s.rmState[rm] !== 'working' ? undefined : setRm(s, rm, 'aborted', send(s.msgs, phase2a(rm, 0, 'aborted'))),
      rmRcvCommitMsg: (s, rm) => (s.msgs.has(COMMIT) ? setRm(s, rm, 'committed') : undefined),
      rmRcvAbortMsg: (s, rm) => (s.msgs.has(ABORT) ? setRm(s, rm, 'aborted') : undefined),
      phase1a: (s, [bal, rm]) => ({ ...s, msgs: send(s.msgs, phase1a(rm, bal)) }),
      phase2a: (s, [bal, rm, MS]) => {
        if (s.msgs.has(phase2a(rm, bal, 'prepared')) || s.msgs.has(phase2a(rm, bal, 'aborted'))) return undefined;
        const mset = phase1bFrom(s, rm, bal, MS);
        if (!everyAcceptorAnswered(mset, MS)) return undefined;
        return { ...s, msgs: send(s.msgs, phase2a(rm, bal, proposal(mset))) };
      },
      commitEvidence,
      decideCommit: (s) => ({ ...s, msgs: send(s.msgs, COMMIT) }),
      decideAbort: (s, [rm, b, MS]) =>
        decidedIn(s, rm, 'aborted', b, MS) ? { ...s, msgs: send(s.msgs, ABORT) } : undefined,
      phase1b: (s, [acc, ins, bal]) => {
        const a = s.aState[ins]![acc]!;
        if (!s.msgs.has(phase1a(ins, bal)) || !(a.mbal < bal)) return undefined;
        return setAcceptor(s, ins, acc, { ...a, mbal: bal }, send(s.msgs, phase1b(ins, bal, a.bal, a.val, acc)));
      },
      phase2b: (s, [acc, ins, bal, val]) => {
        if (!s.msgs.has(phase2a(ins, bal, val)) || !(s.aState[ins]![acc]!.mbal <= bal)) return undefined;
        return setAcceptor(s, ins, acc, { mbal: bal, bal, val }, send(s.msgs, phase2b(acc, ins, bal, val)));
      },
    }),
    properties: paxosCommitProperties(objectRead(constants), RM.length),
  });
}

function messageOk(
  m: Message,
  RM: readonly string[],
  ACCEPTOR: readonly string[],
  ballot: (b: number) => boolean,
): boolean {
  switch (m.type) {
    case 'phase1a':
      return RM.includes(m.ins) && ballot(m.bal) && m.bal !== 0;
    case 'phase1b':
      return RM.includes(m.ins) && ballot(m.mbal) && (m.bal === -1 || ballot(m.bal)) && ACCEPTOR.includes(m.acc);
    case 'phase2a':
      return RM.includes(m.ins) && ballot(m.bal);
    case 'phase2b':
      return RM.includes(m.ins) && ballot(m.bal) && ACCEPTOR.includes(m.acc);
    case 'Commit':
    case 'Abort':
      return true;
  }
}

export const paxosCommit = defineProtocol({
  name: 'paxos-commit',
  summary: "Gray and Lamport's Paxos Commit (PaxosCommit.tla): one Paxos instance per resource manager",
  config: {
    rms: { default: 2, doc: 'resource managers r1..rN', min: 1, max: 5 },
    acceptors: { default: 3, doc: 'acceptors a1..aN (majorities: every minimal majority)', min: 1, max: 5 },
    maxBallot: { default: 1, doc: "Ballot = 0..maxBallot (0 is the resource managers' own ballot)", min: 0, max: 4 },
    packed: { default: false, doc: 'packed state layout (paxos-commit-packed.ts): the same states, checked faster' },
    views: {
      default: false,
      doc: 'a packed layout written against object-like views (paxos-commit-views.ts): the same states',
    },
  },
  variants: { correct: 'PaxosCommit.tla as published' },
  build: (c) => {
    if (c.packed && c.views)
      throw new KripkeError('invalid-config', 'packed=true and views=true are two layouts: choose one', {
        model: 'paxos-commit',
        key: 'views',
      });
    if (c.views) return paxosCommitViewSpec(paxosCommitConstants(c));
    return c.packed ? paxosCommitPackedSpec(paxosCommitConstants(c)) : paxosCommitSpec(c);
  },
});
