/**
 * LamportMutex's state as a packed layout: 12 words for N = 3. The layout declares what the
 * protocol bounds, and the bits follow: clocks are 1..maxClock + 1 (a successor past the clock
 * constraint holds maxClock + 1), so three share a word; a channel holds at most CHANNEL_BOUND
 * messages of the universe [ack, rel, req(1..maxClock)], so two channels share a word. A value
 * beyond the bounds stops the check, naming the field — never a silent loss.
 *
 * Why CHANNEL_BOUND messages suffice for any N: from p to q there is at most one ack (q cannot
 * request again before receiving it) and at most two of p's own messages, `rel, req` (p cannot
 * exit, sending rel, before q has received its req and acknowledged it; nor request twice without
 * exiting). A successor past the constraint adds one message to a reachable state, so it is
 * reachable too.
 */
import {
  arrayOf,
  bitArrayOf,
  type Draft,
  int,
  type PackedLayout,
  packedLayout,
  queueOf,
  setOf,
  type StateViewOf,
} from '../../spec/index.ts';

/** Processes are 0..N-1 (1..N in the TLA+ spec). */
export type Proc = number;

export type Message =
  | { readonly type: 'req'; readonly clock: number }
  | { readonly type: 'ack'; readonly clock: 0 }
  | { readonly type: 'rel'; readonly clock: 0 };

/** BoundedNetwork's bound on a channel's length, and each channel's capacity. */
export const CHANNEL_BOUND = 3;

export const ACK: Message = Object.freeze({ type: 'ack', clock: 0 });
export const REL: Message = Object.freeze({ type: 'rel', clock: 0 });

/** Every message a channel may hold: ack, rel, and a request for each clock the constraint explores (req(c) at 1 + c). */
export function messageUniverse(maxClock: number): Message[] {
  const requests = Array.from({ length: maxClock }, (_, i): Message => Object.freeze({ type: 'req', clock: i + 1 }));
  return [ACK, REL, ...requests];
}

export function lamportLayout(PROC: readonly Proc[], maxClock: number, messages: readonly Message[]) {
  const clock = int({ min: 1, max: maxClock + 1 });
  return packedLayout({
    /** clock[p]: p's logical clock. */
    clock: bitArrayOf(PROC, clock),
    /** req[p][q]: the clock of q's request as p knows it; 0 when p knows of none. */
    req: arrayOf(PROC, bitArrayOf(PROC, int({ max: maxClock + 1 }))),
    /** ack[p]: the processes that acknowledged p's request. */
    ack: bitArrayOf(PROC, setOf(PROC)),
    /** network[p][q]: in flight from p to q, oldest first (p→p stays empty: nothing is sent to oneself). */
    network: arrayOf(PROC, bitArrayOf(PROC, queueOf(CHANNEL_BOUND, messages))),
    /** The processes in their critical section. */
    crit: setOf(PROC),
  });
}

export type LamportLayout = ReturnType<typeof lamportLayout>;
/** A state as the actions and properties read it. */
export type State = StateViewOf<LamportLayout>;
/** A copy being written, which an action returns. */
export type Writing = LamportLayout extends PackedLayout<infer T> ? Draft<T> : never;
