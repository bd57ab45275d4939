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
 * The actions' names and domains, the constraint and the properties are defined once
 * (`definition.ts`) for this file's arrays, the words of `lamport-mutex-packed.ts` and the views of
 * `lamport-mutex-views.ts`.
 */
import { defineProtocol, defineSpec, KripkeError } from '../../spec/index.ts';
import {
  lamportActions,
  lamportConstants,
  lamportConstraint,
  lamportProperties,
  type LamportRead,
} from './definition.ts';
import { lamportMutexPackedSpec } from './lamport-mutex-packed.ts';
import { lamportMutexViewSpec } from './lamport-mutex-views.ts';

export type Proc = number;

export type Message =
  | { readonly type: 'req'; readonly clock: number }
  | { readonly type: 'ack'; readonly clock: 0 }
  | { readonly type: 'rel'; readonly clock: 0 };

export interface LamportMutexState {
  /** clock[p]: p's logical clock. */
  readonly clock: readonly number[];
  /** req[p][q]: the clock of q's request as p knows it; 0 when p knows of none. */
  readonly req: readonly (readonly number[])[];
  /** ack[p]: the processes that acknowledged p's request (a set, kept sorted). */
  readonly ack: readonly (readonly Proc[])[];
  /** network[p][q]: the messages in flight from p to q, oldest first. */
  readonly network: readonly (readonly (readonly Message[])[])[];
  /** The processes in their critical section (a set, kept sorted). */
  readonly crit: readonly Proc[];
}

export interface LamportMutexConfig {
  readonly n: number;
  /** The state constraint: no clock beyond this value is explored. */
  readonly maxClock: number;
  /** MCLamportMutex's `Nat <- 0..MaxNat`: the type invariant's bound for clocks. */
  readonly maxNat: number;
}

const ACK: Message = { type: 'ack', clock: 0 };
const REL: Message = { type: 'rel', clock: 0 };
const reqMessage = (clock: number): Message => ({ type: 'req', clock });

// Written as loops, not closures: these run for every successor.
function replace<T>(items: readonly T[], i: number, value: T): T[] {
  const copy = items.slice();
  copy[i] = value;
  return copy;
}

function addSorted(set: readonly Proc[], p: Proc): Proc[] {
  if (set.includes(p)) return set.slice();
  const added = [...set, p];
  added.sort(byNumber);
  return added;
}
const byNumber = (a: number, b: number) => a - b;

/** network with the head of channel q→p removed and, optionally, a message appended to p→q. */
function receive(s: LamportMutexState, p: Proc, q: Proc, reply?: Message): LamportMutexState['network'] {
  const network = replace(s.network, q, replace(s.network[q]!, p, s.network[q]![p]!.slice(1)));
  if (reply === undefined) return network;
  return replace(network, p, replace(network[p]!, q, [...network[p]![q]!, reply]));
}

/** Broadcast(p, m): append m to every channel from p except p's own. */
function broadcast(s: LamportMutexState, p: Proc, m: Message): LamportMutexState['network'] {
  const channels = s.network[p]!.slice();
  for (let r = 0; r < channels.length; r++) if (r !== p) channels[r] = [...channels[r]!, m];
  return replace(s.network, p, channels);
}

/** What the constraint and properties read of this file's states. */
function objectRead(PROC: readonly Proc[], maxNat: number): LamportRead<LamportMutexState> {
  const isProcSet = (set: readonly Proc[]) => set.every((p) => PROC.includes(p));
  const isMessage = (m: Message) =>
    m.type === 'req' ? Number.isInteger(m.clock) && m.clock >= 1 && m.clock <= maxNat : m.clock === 0;
  return {
    clock: (s, p) => s.clock[p]!,
    req: (s, p, q) => s.req[p]![q]!,
    longerThan: (s, p, q, n) => s.network[p]![q]!.length > n,
    inCritical: (s) => s.crit.length,
    typedBeyondFields: (s) =>
      isProcSet(s.crit) &&
      s.ack.every(isProcSet) &&
      s.network.every((row) => row.every((channel) => channel.every(isMessage))),
  };
}

export function lamportMutexSpec(config: LamportMutexConfig = { n: 3, maxClock: 6, maxNat: 7 }) {
  const constants = lamportConstants(config);
  const { PROC } = constants;
  const read = objectRead(PROC, config.maxNat);

  /** beats(p, q): p believes its request has priority over q's. */
  const beats = (s: LamportMutexState, p: Proc, q: Proc) => {
    const mine = s.req[p]![p]!,
      theirs = s.req[p]![q]!;
    return theirs === 0 || mine < theirs || (mine === theirs && p < q);
  };
  const beatsAll = (s: LamportMutexState, p: Proc) => {
    for (const q of PROC) if (q !== p && !beats(s, p, q)) return false;
    return true;
  };
  /** The message at the head of channel q→p, if it has the given type. */
  const headOf = (s: LamportMutexState, q: Proc, p: Proc, type: Message['type']) => {
    const m = s.network[q]![p]![0];
    return m !== undefined && m.type === type ? m : undefined;
  };

  return defineSpec({
    name: 'lamport-mutex',
    init: (): LamportMutexState[] => [
      {
        clock: PROC.map(() => 1),
        req: PROC.map(() => PROC.map(() => 0)),
        ack: PROC.map(() => []),
        network: PROC.map(() => PROC.map(() => [])),
        crit: [],
      },
    ],
    actions: lamportActions<LamportMutexState>(constants, {
      request: (s, p) =>
        s.req[p]![p] !== 0
          ? undefined
          : {
              ...s,
              req: replace(s.req, p, replace(s.req[p]!, p, s.clock[p]!)),
              network: broadcast(s, p, reqMessage(s.clock[p]!)),
              ack: replace(s.ack, p, [p]),
            },
      enter: (s, p) =>
        s.ack[p]!.length === PROC.length && beatsAll(s, p) ? { ...s, crit: addSorted(s.crit, p) } : undefined,
      exit: (s, p) =>
        !s.crit.includes(p)
          ? undefined
          : {
              ...s,
              crit: s.crit.filter((c) => c !== p),
              network: broadcast(s, p, REL),
              req: replace(s.req, p, replace(s.req[p]!, p, 0)),
              ack: replace(s.ack, p, []),
            },
      receiveRequest: (s, [p, q]) => {
        const m = headOf(s, q, p, 'req');
        if (m === undefined) return undefined;
        const c = m.clock,
          own = s.clock[p]!;
        return {
          ...s,
          req: replace(s.req, p, replace(s.req[p]!, q, c)),
          clock: replace(s.clock, p, c > own ? c + 1 : own + 1),
          network: receive(s, p, q, ACK),
        };
      },
      receiveAck: (s, [p, q]) =>
        headOf(s, q, p, 'ack') === undefined
          ? undefined
          : { ...s, ack: replace(s.ack, p, addSorted(s.ack[p]!, q)), network: receive(s, p, q) },
      receiveRelease: (s, [p, q]) =>
        headOf(s, q, p, 'rel') === undefined
          ? undefined
          : { ...s, req: replace(s.req, p, replace(s.req[p]!, q, 0)), network: receive(s, p, q) },
    }),
    constraint: lamportConstraint(read, config),
    properties: lamportProperties(read, config),
  });
}

export const lamportMutex = defineProtocol({
  name: 'lamport-mutex',
  summary: "Lamport's distributed mutual exclusion with logical clocks (LamportMutex.tla, MCLamportMutex.cfg)",
  config: {
    n: { default: 3, doc: 'processes', min: 1, max: 6 },
    maxClock: { default: 6, doc: 'state constraint: explore no clock beyond this', min: 1, max: 20 },
    maxNat: { default: 7, doc: "TypeOK's bound on clock values (MCLamportMutex's MaxNat)", min: 1, max: 30 },
    packed: { default: false, doc: 'packed state layout (lamport-mutex-packed.ts): the same states, checked faster' },
    views: {
      default: false,
      doc: 'a packed layout written against object-like views (lamport-mutex-views.ts): the same states',
    },
  },
  variants: { correct: 'LamportMutex.tla as published' },
  build: (c) => {
    if (c.packed && c.views)
      throw new KripkeError('invalid-config', 'packed=true and views=true are two layouts: choose one', {
        model: 'lamport-mutex',
        key: 'views',
      });
    if (c.views) return lamportMutexViewSpec(c);
    return c.packed ? lamportMutexPackedSpec(c) : lamportMutexSpec(c);
  },
});
