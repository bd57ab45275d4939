/**
 * Lamport's mutual exclusion with a packed state layout (`spec/packed.ts`): the protocol of
 * `lamport-mutex.ts` action for action — same actions in the same order, same parameters, same
 * properties and clock constraint — with the state as one flat array of small integers. Same
 * states, same counts (MCLamportMutex, N = 3: 724,274 distinct, 2,729,079 generated, depth 61),
 * checked several times faster: `--set packed=true`. Traces show states decoded into exactly the
 * object model's shape (`LamportMutexState`).
 *
 * The words: clock[p], req[p][q], ack[p] (a bitset), one FIFO queue per ordered pair p→q (no
 * p→p channel: nothing is ever sent to oneself), crit (a bitset). A message is one word: its
 * position in the interned universe [ack, rel, req(1), …, req(maxClock)] — `request` sends
 * clock[p] from an explored state, which the constraint keeps within 1..maxClock.
 *
 * Channel capacity 3 = BoundedNetwork's bound, and no reachable state needs more, for any N:
 * from p to q there is at most one ack (q cannot request again before receiving it) and at most
 * two of p's own messages, `rel, req` (p cannot exit, sending rel, before q has received its req
 * and acknowledged it; nor request twice without exiting). A successor past the constraint adds
 * one message to a reachable state, so it is reachable too. Were this wrong, the full queue
 * would stop the check with an error naming the channel, never drop a message.
 */
import { arrayOf, defineSpec, int, KripkeError, packedLayout, queueOf, setOf, type StateLayout, type Words } from '../../spec/index.ts';
import type { IntField, QueueField, SetField } from '../../spec/index.ts';
import type { LamportMutexConfig, LamportMutexState, Message, Proc } from './lamport-mutex.ts';

/** BoundedNetwork's bound on a channel's length, and each channel's capacity (see above). */
const CHANNEL_BOUND = 3;

const ACK: Message = Object.freeze({ type: 'ack', clock: 0 });
const REL: Message = Object.freeze({ type: 'rel', clock: 0 });

/** req(1) … req(maxClock), interned: reqs[c] is the request sent with clock c. */
function requestMessages(maxClock: number): Message[] {
  const reqs: Message[] = [];
  for (let c = 1; c <= maxClock; c++) reqs[c] = Object.freeze({ type: 'req', clock: c });
  return reqs;
}

function lamportLayout(PROC: readonly Proc[], maxClock: number) {
  const reqs = requestMessages(maxClock);
  const pairs = PROC.flatMap((p) => PROC.filter((q) => q !== p).map((q) => `${p}->${q}`));
  const layout = packedLayout({
    clock: arrayOf(PROC, int()),
    req: arrayOf(PROC, arrayOf(PROC, int())),
    ack: arrayOf(PROC, setOf(PROC)),
    network: arrayOf(pairs, queueOf(CHANNEL_BOUND, [ACK, REL, ...reqs.slice(1)])),
    crit: setOf(PROC),
  });
  const { clock, req, ack, network, crit } = layout.fields;
  // Fields by process number (PROC is 0..N-1, so a set's member p sits at position p).
  const channel: (QueueField<Message> | undefined)[][] = PROC.map((p) => PROC.map((q) => (p === q ? undefined : network.at(`${p}->${q}`))));
  return {
    layout,
    reqs,
    clock: clock.items as readonly IntField[],
    req: req.items.map((row) => row.items as readonly IntField[]),
    ack: ack.items as readonly SetField<Proc>[],
    /** channel[p][q]: messages in flight from p to q. */
    channel,
    /** Every channel, for the invariants. */
    channels: network.items as readonly QueueField<Message>[],
    /** outgoing[p]: the channels from p to everyone else, for Broadcast. */
    outgoing: PROC.map((p) => PROC.filter((q) => q !== p).map((q) => channel[p]![q]!)),
    crit,
  };
}

export function lamportMutexPackedSpec(config: LamportMutexConfig = { n: 3, maxClock: 6, maxNat: 7 }) {
  const N = config.n;
  const PROC: Proc[] = Array.from({ length: N }, (_, i) => i);
  const PAIRS = PROC.flatMap((p) => PROC.filter((q) => q !== p).map((q) => [p, q] as const));
  const { layout, reqs, clock, req, ack, channel, channels, outgoing, crit } = lamportLayout(PROC, config.maxClock);
  const { maxClock, maxNat } = config;

  const reqMessage = (c: number): Message => {
    const m = reqs[c];
    if (m === undefined) throw new KripkeError('invalid-value', `lamport-mutex (packed): a request with clock ${c} is outside the message universe req(1..${maxClock}); is the clock constraint missing?`, { model: 'lamport-mutex', field: 'network' });
    return m;
  };
  /** beats(p, q) for every q ≠ p: p's request has priority over every other it knows of. */
  const beatsAll = (s: Words, p: Proc) => {
    const row = req[p]!, mine = row[p]!.get(s);
    for (let q = 0; q < N; q++) {
      if (q === p) continue;
      const theirs = row[q]!.get(s);
      if (!(theirs === 0 || mine < theirs || (mine === theirs && p < q))) return false;
    }
    return true;
  };
  /** The message at the head of channel q→p, if it has the given type. */
  const headOf = (s: Words, q: Proc, p: Proc, type: Message['type']) => {
    const m = channel[q]![p]!.at(s, 0);
    return m !== undefined && m.type === type ? m : undefined;
  };
  const clearSet = (t: number[], set: SetField<Proc>) => {
    for (let q = 0; q < N; q++) if (set.hasAt(t, q)) set.delete(t, q);
  };
  const broadcast = (t: number[], p: Proc, m: Message) => {
    const out = outgoing[p]!;
    for (let i = 0; i < out.length; i++) out[i]!.push(t, m);
  };

  return defineSpec({
    name: 'lamport-mutex',
    layout: shownAsObjects(layout, lamportDecoder(PROC, clock, req, ack, channel, crit)),
    init: (): Words[] => {
      const s = layout.blank();
      for (const f of clock) f.set(s, 1);
      return [s];
    },
    actions: {
      /** p asks for the critical section: it records its own request and broadcasts it. */
      request: {
        params: PROC,
        next: (s: Words, p: Proc) => {
          if (req[p]![p]!.get(s) !== 0) return undefined;
          const t = s.slice(), c = clock[p]!.get(s);
          req[p]![p]!.set(t, c);
          broadcast(t, p, reqMessage(c));
          clearSet(t, ack[p]!);
          ack[p]!.add(t, p);
          return t;
        },
      },
      /** p enters once all acknowledged and its request beats all others it knows of. */
      enter: {
        params: PROC,
        next: (s: Words, p: Proc) => {
          if (ack[p]!.size(s) !== N || !beatsAll(s, p)) return undefined;
          const t = s.slice();
          crit.add(t, p);
          return t;
        },
      },
      /** p leaves and tells everyone. */
      exit: {
        params: PROC,
        next: (s: Words, p: Proc) => {
          if (!crit.hasAt(s, p)) return undefined;
          const t = s.slice();
          crit.delete(t, p);
          broadcast(t, p, REL);
          req[p]![p]!.set(t, 0);
          clearSet(t, ack[p]!);
          return t;
        },
      },
      /** p receives q's request, advances its clock past it, and acknowledges. */
      receiveRequest: {
        params: PAIRS,
        next: (s: Words, [p, q]: readonly [Proc, Proc]) => {
          const m = headOf(s, q, p, 'req');
          if (m === undefined) return undefined;
          const t = s.slice(), c = m.clock, own = clock[p]!.get(s);
          req[p]![q]!.set(t, c);
          clock[p]!.set(t, c > own ? c + 1 : own + 1);
          channel[q]![p]!.shift(t);
          channel[p]![q]!.push(t, ACK);
          return t;
        },
      },
      /** p receives q's acknowledgement. */
      receiveAck: {
        params: PAIRS,
        next: (s: Words, [p, q]: readonly [Proc, Proc]) => {
          if (headOf(s, q, p, 'ack') === undefined) return undefined;
          const t = s.slice();
          ack[p]!.add(t, q);
          channel[q]![p]!.shift(t);
          return t;
        },
      },
      /** p receives q's release and forgets q's request. */
      receiveRelease: {
        params: PAIRS,
        next: (s: Words, [p, q]: readonly [Proc, Proc]) => {
          if (headOf(s, q, p, 'rel') === undefined) return undefined;
          const t = s.slice();
          req[p]![q]!.set(t, 0);
          channel[q]![p]!.shift(t);
          return t;
        },
      },
    },
    constraint: (s) => {
      for (let p = 0; p < N; p++) if (clock[p]!.get(s) > maxClock) return false;
      return true;
    },
    properties: ({ always }) => [
      always('TypeOK', (s) => typeOk(s, clock, req, channels, maxNat)),
      always('BoundedNetwork', (s) => {
        for (let i = 0; i < channels.length; i++) if (channels[i]!.length(s) > CHANNEL_BOUND) return false;
        return true;
      }),
      always('Mutex', (s) => crit.size(s) <= 1),
    ],
  });
}

/**
 * TypeOK, with Clock = 1..maxNat and Nat = 0..maxNat as MCLamportMutex overrides them. ack and
 * crit are subsets of Proc by construction; a message is typed unless it is a request whose
 * clock exceeds maxNat (possible only when maxClock > maxNat).
 */
function typeOk(s: Words, clock: readonly IntField[], req: readonly (readonly IntField[])[], channels: readonly QueueField<Message>[], maxNat: number): boolean {
  for (let p = 0; p < clock.length; p++) {
    const c = clock[p]!.get(s);
    if (c < 1 || c > maxNat) return false;
    const row = req[p]!;
    for (let q = 0; q < row.length; q++) {
      const r = row[q]!.get(s);
      if (r < 0 || r > maxNat) return false;
    }
  }
  for (let i = 0; i < channels.length; i++) {
    const ch = channels[i]!;
    for (let k = ch.length(s) - 1; k >= 0; k--) if (ch.at(s, k)!.clock > maxNat) return false;
  }
  return true;
}

/** Decodes a packed state into the object model's `LamportMutexState` (sets as sorted arrays). */
function lamportDecoder(PROC: readonly Proc[], clock: readonly IntField[], req: readonly (readonly IntField[])[],
  ack: readonly SetField<Proc>[], channel: readonly (QueueField<Message> | undefined)[][], crit: SetField<Proc>) {
  return (s: Words): LamportMutexState => ({
    clock: clock.map((f) => f.get(s)),
    req: req.map((row) => row.map((f) => f.get(s))),
    ack: ack.map((f) => f.members(s)),
    network: PROC.map((p) => PROC.map((q) => (channel[p]![q]?.decode(s) as Message[] | undefined) ?? [])),
    crit: crit.members(s),
  });
}

/** The layout as the checker sees it, showing states in the object model's shape. */
function shownAsObjects(layout: StateLayout, decode: (s: Words) => LamportMutexState): StateLayout {
  return { size: layout.size, decode, fieldAt: (word) => layout.fieldAt(word) };
}
