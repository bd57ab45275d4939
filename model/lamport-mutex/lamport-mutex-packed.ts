/**
 * Lamport's mutual exclusion with a packed state layout (`spec/packed.ts`): the protocol of
 * `lamport-mutex.ts` action for action — the actions, their domains, the properties and the
 * clock constraint of `definition.ts` — with the state as one flat array of small integers. Same
 * states, same counts (MCLamportMutex, N = 3: 724,274 distinct, 2,729,079 generated, depth 61),
 * checked several times faster: `--set packed=true`. Traces show states decoded into exactly the
 * object model's shape (`LamportMutexState`).
 *
 * The words (14 for N = 3, against 40 with one word per value and `queueOf` channels): all the
 * clocks in one word, each row req[p][·] in one word (`SmallInts`, 3 bits a clock for
 * maxClock 6), ack[p] and crit as bitsets, and one word per channel p→q (no p→p channel:
 * nothing is sent to oneself) holding up to three message codes (`Channel`). The codes index
 * the interned universe [ack, rel, req(1), …, req(maxClock)]: `request` sends clock[p] from an
 * explored state, which the constraint keeps within 1..maxClock. Fewer words make copying and
 * hashing a state cheaper, which is most of what the checker does per state.
 *
 * Channel capacity 3 = BoundedNetwork's bound, and no reachable state needs more, for any N:
 * from p to q there is at most one ack (q cannot request again before receiving it) and at most
 * two of p's own messages, `rel, req` (p cannot exit, sending rel, before q has received its req
 * and acknowledged it; nor request twice without exiting). A successor past the constraint adds
 * one message to a reachable state, so it is reachable too. Were this wrong, the full queue
 * would stop the check with an error naming the channel, never drop a message.
 */
import { arrayOf, defineSpec, int, KripkeError, packedLayout, setOf, type Words } from '../../spec/index.ts';
import type { SetField } from '../../spec/index.ts';
import {
  CHANNEL_BOUND,
  lamportActions,
  lamportConstants,
  lamportConstraint,
  lamportProperties,
  type LamportRead,
} from './definition.ts';
import type { LamportMutexConfig, LamportMutexState, Message, Proc } from './lamport-mutex.ts';
import { bitsFor, Channel, SmallInts } from './lamport-mutex-words.ts';

const ACK: Message = Object.freeze({ type: 'ack', clock: 0 });
const REL: Message = Object.freeze({ type: 'rel', clock: 0 });
/** Message codes: ack 0, rel 1, req(c) 1 + c. */
const ACK_CODE = 0;
const REL_CODE = 1;
const reqCode = (clock: number) => 1 + clock;
const clockOfReq = (code: number) => code - 1;
const FIRST_REQ_CODE = reqCode(1);
const NO_CONSTRAINT = 'is the clock constraint missing?';

function lamportLayout(PROC: readonly Proc[], maxClock: number) {
  const messages: Message[] = [ACK, REL];
  for (let c = 1; c <= maxClock; c++) messages[reqCode(c)] = Object.freeze({ type: 'req', clock: c });
  const pairs = PROC.flatMap((p) => PROC.filter((q) => q !== p).map((q) => `${p}->${q}`));
  const layout = packedLayout({
    /** clock[p], all in one word. */
    clock: int(),
    /** req[p][q], one word per p. */
    req: arrayOf(PROC, int()),
    ack: arrayOf(PROC, setOf(PROC)),
    /** The channel p→q, one word per ordered pair. */
    network: arrayOf(pairs, int()),
    crit: setOf(PROC),
  });
  const { clock, req, ack, network, crit } = layout.fields;
  // A successor past the constraint may hold clock maxClock + 1.
  const clockBits = bitsFor(maxClock + 1),
    messageBits = bitsFor(messages.length);
  const channel: (Channel<Message> | undefined)[][] = PROC.map((p) =>
    PROC.map((q) =>
      p === q ? undefined : new Channel(network.at(`${p}->${q}`), messages, CHANNEL_BOUND, messageBits),
    ),
  );
  return {
    layout,
    messages,
    clock: new SmallInts(clock, PROC.length, clockBits, NO_CONSTRAINT),
    req: req.items.map((row) => new SmallInts(row, PROC.length, clockBits, NO_CONSTRAINT)),
    // PROC is 0..N-1, so a set's member p sits at position p (hasAt).
    ack: ack.items as readonly SetField<Proc>[],
    /** channel[p][q]: messages in flight from p to q. */
    channel,
    /** outgoing[p]: the channels from p to everyone else, for Broadcast. */
    outgoing: PROC.map((p) => PROC.filter((q) => q !== p).map((q) => channel[p]![q]!)),
    crit,
  };
}

export function lamportMutexPackedSpec(config: LamportMutexConfig = { n: 3, maxClock: 6, maxNat: 7 }) {
  const N = config.n;
  const constants = lamportConstants(config);
  const { PROC } = constants;
  const { layout, messages, clock, req, ack, channel, outgoing, crit } = lamportLayout(PROC, config.maxClock);
  const { maxClock, maxNat } = config;
  /** By message code: whether TypeOK accepts it (a request's clock must be within 1..maxNat). */
  const typed = messages.map((m) => m.type !== 'req' || m.clock <= maxNat);
  /** undefined when every message is typed (maxClock <= maxNat): no channel needs a look. */
  const typedMessages = typed.every(Boolean) ? undefined : typed;
  const channels = channel.flatMap((row) => row.filter((c) => c !== undefined));
  const read: LamportRead<Words> = {
    clock: (s, p) => clock.get(s, p),
    req: (s, p, q) => req[p]!.get(s, q),
    // no channel p→p: nothing is sent to oneself
    longerThan: (s, p, q, n) => channel[p]![q]?.longerThan(s, n) ?? false,
    inCritical: (s) => crit.size(s),
    // ack and crit are subsets of Proc by construction; a message is typed unless it is a request
    // whose clock exceeds maxNat (possible only when maxClock > maxNat).
    typedBeyondFields: (s) => typedMessages === undefined || channels.every((c) => c.every(s, typedMessages)),
  };

  const requestCode = (c: number): number => {
    if (c <= maxClock) return reqCode(c);
    throw new KripkeError(
      'invalid-value',
      `lamport-mutex (packed): a request with clock ${c} is outside the message universe req(1..${maxClock}); ${NO_CONSTRAINT}`,
      { model: 'lamport-mutex', field: 'network' },
    );
  };
  /** beats(p, q) for every q ≠ p: p's request has priority over every other it knows of. */
  const beatsAll = (s: Words, p: Proc) => {
    const row = req[p]!,
      mine = row.get(s, p);
    for (let q = 0; q < N; q++) {
      if (q === p) continue;
      const theirs = row.get(s, q);
      if (!(theirs === 0 || mine < theirs || (mine === theirs && p < q))) return false;
    }
    return true;
  };
  /** The code of the message at the head of channel q→p; -1 when there is none. */
  const headOf = (s: Words, q: Proc, p: Proc) => channel[q]![p]!.headCode(s);
  const broadcast = (t: number[], p: Proc, code: number) => {
    const out = outgoing[p]!;
    for (let i = 0; i < out.length; i++) out[i]!.push(t, code);
  };

  return defineSpec({
    name: 'lamport-mutex',
    layout: layout.shownAs(lamportDecoder(PROC, clock, req, ack, channel, crit)),
    init: (): Words[] => {
      const s = layout.blank();
      for (const p of PROC) clock.set(s, p, 1);
      return [s];
    },
    actions: lamportActions<Words>(constants, {
      request: (s, p) => {
        if (req[p]!.get(s, p) !== 0) return undefined;
        const t = s.slice(),
          c = clock.get(s, p);
        req[p]!.set(t, p, c);
        broadcast(t, p, requestCode(c));
        ack[p]!.clear(t);
        ack[p]!.add(t, p);
        return t;
      },
      enter: (s, p) => {
        if (ack[p]!.size(s) !== N || !beatsAll(s, p)) return undefined;
        const t = s.slice();
        crit.add(t, p);
        return t;
      },
      exit: (s, p) => {
        if (!crit.hasAt(s, p)) return undefined;
        const t = s.slice();
        crit.delete(t, p);
        broadcast(t, p, REL_CODE);
        req[p]!.set(t, p, 0);
        ack[p]!.clear(t);
        return t;
      },
      receiveRequest: (s, pair) => {
        const p = pair[0],
          q = pair[1]; // not destructured: V8 would iterate
        const m = headOf(s, q, p);
        if (m < FIRST_REQ_CODE) return undefined;
        const t = s.slice(),
          c = clockOfReq(m),
          own = clock.get(s, p);
        req[p]!.set(t, q, c);
        clock.set(t, p, c > own ? c + 1 : own + 1);
        channel[q]![p]!.shift(t);
        channel[p]![q]!.push(t, ACK_CODE);
        return t;
      },
      receiveAck: (s, pair) => {
        const p = pair[0],
          q = pair[1]; // not destructured: V8 would iterate
        if (headOf(s, q, p) !== ACK_CODE) return undefined;
        const t = s.slice();
        ack[p]!.add(t, q);
        channel[q]![p]!.shift(t);
        return t;
      },
      receiveRelease: (s, pair) => {
        const p = pair[0],
          q = pair[1]; // not destructured: V8 would iterate
        if (headOf(s, q, p) !== REL_CODE) return undefined;
        const t = s.slice();
        req[p]!.set(t, q, 0);
        channel[q]![p]!.shift(t);
        return t;
      },
    }),
    constraint: lamportConstraint(read, config),
    properties: lamportProperties(read, config),
  });
}

/** Decodes a packed state into the object model's `LamportMutexState` (sets as sorted arrays). */
function lamportDecoder(
  PROC: readonly Proc[],
  clock: SmallInts,
  req: readonly SmallInts[],
  ack: readonly SetField<Proc>[],
  channel: readonly (Channel<Message> | undefined)[][],
  crit: SetField<Proc>,
) {
  return (s: Words): LamportMutexState => ({
    clock: clock.values(s),
    req: req.map((row) => row.values(s)),
    ack: ack.map((f) => f.members(s)),
    network: PROC.map((p) => PROC.map((q) => channel[p]![q]?.items(s) ?? [])),
    crit: crit.members(s),
  });
}
