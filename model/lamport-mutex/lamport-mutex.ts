/**
 * Lamport's distributed mutual exclusion (TLA+ Examples: specifications/lamport_mutex/
 * LamportMutex.tla, checked with MCLamportMutex.cfg), from "Time, Clocks and the Ordering of
 * Events in a Distributed System" (CACM 1978).
 *
 * Each process keeps a logical clock and a copy of everyone's latest request; messages travel on
 * FIFO channels `network[p][q]`. A process enters the critical section once everyone has
 * acknowledged its request and its request beats every other one it knows of (lower clock, ties
 * broken by process id). Processes are numbered 0..N-1 here (1..N in the TLA+ spec).
 *
 * The clocks are unbounded; as in MCLamportMutex.cfg, the state constraint `clock[p] <= maxClock`
 * keeps the state space finite (a successor beyond it is checked but not explored). With N = 3,
 * MaxNat = 7, maxClock = 6, TLC finds 724,274 distinct states, 2,729,079 generated, depth 61.
 *
 * Written against views of a packed layout (`definePackedSpec`, `layout.ts`): the actions read
 * `s.req.get(p).get(q)`, `t.network.get(q).get(p).shift()`, `t.ack.get(p).add(q)`, while the
 * checker copies and hashes 12 words (N = 3).
 */
import { defineProtocol, definePackedSpec, KripkeError } from '../../spec/index.ts';
import {
  ACK,
  CHANNEL_BOUND,
  lamportLayout,
  type Message,
  messageUniverse,
  type Proc,
  REL,
  type State,
  type Writing,
} from './layout.ts';

export type { Message, Proc };

export interface LamportMutexConfig {
  readonly n: number;
  /** The state constraint: no clock beyond this value is explored. */
  readonly maxClock: number;
  /** MCLamportMutex's `Nat <- 0..MaxNat`: the type invariant's bound for clocks. */
  readonly maxNat: number;
}

const inRange = (c: number, min: number, max: number) => Number.isInteger(c) && c >= min && c <= max;

export function lamportMutexSpec(config: LamportMutexConfig = { n: 3, maxClock: 6, maxNat: 7 }) {
  const { n, maxClock, maxNat } = config;
  const PROC: readonly Proc[] = Array.from({ length: n }, (_, i) => i);
  /** Every (p, q), p ≠ q: p receives from q. */
  const PAIRS = PROC.flatMap((p) => PROC.filter((q) => q !== p).map((q) => [p, q] as const));
  const messages = messageUniverse(maxClock);
  const layout = lamportLayout(PROC, maxClock, messages);

  const requestOf = (c: number): Message => {
    if (c >= 1 && c <= maxClock) return messages[1 + c]!;
    throw new KripkeError(
      'invalid-value',
      `lamport-mutex: a request with clock ${c} is outside the message universe req(1..${maxClock}); is the clock constraint missing?`,
      { model: 'lamport-mutex', field: 'network' },
    );
  };
  /** beats(p, q) for every q ≠ p: p's request has priority over every other it knows of. */
  const beatsAll = (s: State, p: Proc) => {
    const known = s.req.get(p),
      mine = known.get(p);
    for (const q of PROC) {
      if (q === p) continue;
      const theirs = known.get(q);
      if (!(theirs === 0 || mine < theirs || (mine === theirs && p < q))) return false;
    }
    return true;
  };
  /** The message at the head of channel q→p, if any. */
  const headOf = (s: State, q: Proc, p: Proc) => s.network.get(q).get(p).at(0);
  /** Broadcast(p, m): m on every channel from p to another process. */
  const broadcast = (t: Writing, p: Proc, m: Message) => {
    const out = t.network.get(p);
    for (const q of PROC) if (q !== p) out.get(q).push(m);
  };

  // The constraint and the properties run on every new state: loops, not closures.
  /** MCLamportMutex's state constraint: no clock beyond maxClock is explored. */
  const withinClocks = (s: State) => {
    for (const p of PROC) if (s.clock.get(p) > maxClock) return false;
    return true;
  };
  /**
   * TypeOK, with Clock = 1..maxNat and Nat = 0..maxNat as MCLamportMutex overrides them. ack and
   * crit are subsets of Proc by the layout; a message is typed unless it is a request whose clock
   * exceeds maxNat, a question only when maxClock > maxNat.
   */
  const typeOk = (s: State) => {
    for (const p of PROC) {
      if (!inRange(s.clock.get(p), 1, maxNat)) return false;
      const known = s.req.get(p);
      for (const q of PROC) if (!inRange(known.get(q), 0, maxNat)) return false;
    }
    if (maxClock <= maxNat) return true;
    for (const p of PROC)
      for (const q of PROC)
        for (const m of s.network.get(p).get(q)) if (m.type === 'req' && m.clock > maxNat) return false;
    return true;
  };
  const boundedNetwork = (s: State) => {
    for (const p of PROC) for (const q of PROC) if (s.network.get(p).get(q).length > CHANNEL_BOUND) return false;
    return true;
  };

  return definePackedSpec(layout, {
    name: 'lamport-mutex',
    init: (blank) => {
      const s = blank();
      for (const p of PROC) s.clock.set(p, 1);
      return [s];
    },
    actions: {
      /** p asks for the critical section: it records its own request and broadcasts it. */
      request: {
        params: PROC,
        next: (s, p) => {
          if (s.req.get(p).get(p) !== 0) return undefined;
          const t = s.copy(),
            c = s.clock.get(p);
          t.req.get(p).set(p, c);
          broadcast(t, p, requestOf(c));
          const acks = t.ack.get(p);
          acks.clear();
          acks.add(p);
          return t;
        },
      },
      /** p enters once all acknowledged and its request beats all others it knows of. */
      enter: {
        params: PROC,
        next: (s, p) => {
          if (s.ack.get(p).size !== n || !beatsAll(s, p)) return undefined;
          const t = s.copy();
          t.crit.add(p);
          return t;
        },
      },
      /** p leaves and tells everyone. */
      exit: {
        params: PROC,
        next: (s, p) => {
          if (!s.crit.has(p)) return undefined;
          const t = s.copy();
          t.crit.delete(p);
          broadcast(t, p, REL);
          t.req.get(p).set(p, 0);
          t.ack.get(p).clear();
          return t;
        },
      },
      /** p receives q's request, advances its clock past it, and acknowledges. */
      receiveRequest: {
        params: PAIRS,
        next: (s, pair) => {
          const p = pair[0],
            q = pair[1]; // not destructured: V8 would iterate
          const m = headOf(s, q, p);
          if (m === undefined || m.type !== 'req') return undefined;
          const t = s.copy(),
            own = s.clock.get(p);
          t.req.get(p).set(q, m.clock);
          t.clock.set(p, m.clock > own ? m.clock + 1 : own + 1);
          t.network.get(q).get(p).shift();
          t.network.get(p).get(q).push(ACK);
          return t;
        },
      },
      /** p receives q's acknowledgement. */
      receiveAck: {
        params: PAIRS,
        next: (s, pair) => {
          const p = pair[0],
            q = pair[1];
          if (headOf(s, q, p) !== ACK) return undefined;
          const t = s.copy();
          t.ack.get(p).add(q);
          t.network.get(q).get(p).shift();
          return t;
        },
      },
      /** p receives q's release and forgets q's request. */
      receiveRelease: {
        params: PAIRS,
        next: (s, pair) => {
          const p = pair[0],
            q = pair[1];
          if (headOf(s, q, p) !== REL) return undefined;
          const t = s.copy();
          t.req.get(p).set(q, 0);
          t.network.get(q).get(p).shift();
          return t;
        },
      },
    },
    constraint: withinClocks,
    properties: ({ always }) => [
      always('TypeOK', typeOk),
      always('BoundedNetwork', boundedNetwork),
      always('Mutex', (s) => s.crit.size <= 1),
    ],
  });
}

export const lamportMutex = defineProtocol({
  name: 'lamport-mutex',
  summary: "Lamport's distributed mutual exclusion with logical clocks (LamportMutex.tla, MCLamportMutex.cfg)",
  config: {
    n: { default: 3, doc: 'processes', min: 1, max: 6 },
    maxClock: { default: 6, doc: 'state constraint: explore no clock beyond this', min: 1, max: 20 },
    maxNat: { default: 7, doc: "TypeOK's bound on clock values (MCLamportMutex's MaxNat)", min: 1, max: 30 },
  },
  variants: { correct: 'LamportMutex.tla as published' },
  build: (c) => lamportMutexSpec(c),
});
