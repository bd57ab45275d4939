/**
 * Lamport's mutual exclusion written against views of a packed layout (`definePackedSpec`): the
 * actions read like the object model's — `s.req.get(p).get(q)`, `t.network.get(q).get(p).shift()`,
 * `t.ack.get(p).add(q)` — while the checker copies and hashes 12 words (N = 3). The actions'
 * names and domains, the clock constraint and the properties are `definition.ts`'s, as for the
 * other two representations; the same counts (MCLamportMutex, N = 3: 724,274 distinct, 2,729,079
 * generated, depth 61): `--set views=true`.
 *
 * The layout declares what the protocol bounds, and the bits follow: clocks are 1..maxClock + 1
 * (a successor past the constraint holds maxClock + 1), so three share a word; a channel holds at
 * most CHANNEL_BOUND messages of the universe [ack, rel, req(1..maxClock)], so two channels share
 * a word. (Why three suffice: `lamport-mutex-packed.ts`.) A value beyond the bounds stops the
 * check, naming the field — never a silent loss.
 */
import {
  arrayOf,
  bitArrayOf,
  type Draft,
  definePackedSpec,
  int,
  KripkeError,
  type PackedLayout,
  packedLayout,
  queueOf,
  setOf,
  type StateViewOf,
} from '../../spec/index.ts';
import {
  CHANNEL_BOUND,
  lamportActions,
  lamportConstants,
  lamportConstraint,
  lamportProperties,
  type LamportRead,
} from './definition.ts';
import type { LamportMutexConfig, Message, Proc } from './lamport-mutex.ts';

const ACK: Message = Object.freeze({ type: 'ack', clock: 0 });
const REL: Message = Object.freeze({ type: 'rel', clock: 0 });

/** Every message a channel may hold: ack, rel, and a request for each clock the constraint explores. */
function messageUniverse(maxClock: number): Message[] {
  const requests = Array.from({ length: maxClock }, (_, i): Message => Object.freeze({ type: 'req', clock: i + 1 }));
  return [ACK, REL, ...requests];
}

export function lamportLayout(PROC: readonly Proc[], maxClock: number, messages: readonly Message[]) {
  const clock = int({ min: 1, max: maxClock + 1 });
  return packedLayout({
    clock: bitArrayOf(PROC, clock),
    /** req[p][q]: q's request as p knows it, 0 for none. */
    req: arrayOf(PROC, bitArrayOf(PROC, int({ max: maxClock + 1 }))),
    ack: bitArrayOf(PROC, setOf(PROC)),
    /** network[p][q]: in flight from p to q, oldest first (p→p stays empty). */
    network: arrayOf(PROC, bitArrayOf(PROC, queueOf(CHANNEL_BOUND, messages))),
    crit: setOf(PROC),
  });
}

type LamportLayout = ReturnType<typeof lamportLayout>;
type State = StateViewOf<LamportLayout>;
type Writing = LamportLayout extends PackedLayout<infer T> ? Draft<T> : never;

export function lamportMutexViewSpec(config: LamportMutexConfig = { n: 3, maxClock: 6, maxNat: 7 }) {
  const { maxClock, maxNat } = config;
  const constants = lamportConstants(config);
  const { PROC } = constants;
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
  /** TypeOK's messages: a request's clock must be within 1..maxNat (a question only when maxClock > maxNat). */
  const typedMessages = (s: State) => {
    if (maxClock <= maxNat) return true;
    for (const p of PROC)
      for (const q of PROC)
        for (const m of s.network.get(p).get(q)) if (m.type === 'req' && m.clock > maxNat) return false;
    return true;
  };
  const read: LamportRead<State> = {
    clock: (s, p) => s.clock.get(p),
    req: (s, p, q) => s.req.get(p).get(q),
    longerThan: (s, p, q, n) => s.network.get(p).get(q).length > n,
    inCritical: (s) => s.crit.size,
    // ack and crit are subsets of Proc by construction.
    typedBeyondFields: typedMessages,
  };

  return definePackedSpec(layout, {
    name: 'lamport-mutex',
    init: (blank) => {
      const s = blank();
      for (const p of PROC) s.clock.set(p, 1);
      return [s];
    },
    actions: lamportActions<State>(constants, {
      request: (s, p) => {
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
      enter: (s, p) => {
        if (s.ack.get(p).size !== PROC.length || !beatsAll(s, p)) return undefined;
        const t = s.copy();
        t.crit.add(p);
        return t;
      },
      exit: (s, p) => {
        if (!s.crit.has(p)) return undefined;
        const t = s.copy();
        t.crit.delete(p);
        broadcast(t, p, REL);
        t.req.get(p).set(p, 0);
        t.ack.get(p).clear();
        return t;
      },
      receiveRequest: (s, pair) => {
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
      receiveAck: (s, pair) => {
        const p = pair[0],
          q = pair[1];
        if (headOf(s, q, p) !== ACK) return undefined;
        const t = s.copy();
        t.ack.get(p).add(q);
        t.network.get(q).get(p).shift();
        return t;
      },
      receiveRelease: (s, pair) => {
        const p = pair[0],
          q = pair[1];
        if (headOf(s, q, p) !== REL) return undefined;
        const t = s.copy();
        t.req.get(p).set(q, 0);
        t.network.get(q).get(p).shift();
        return t;
      },
    }),
    constraint: lamportConstraint(read, config),
    properties: lamportProperties(read, config),
  });
}
