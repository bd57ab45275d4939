/**
 * The in-flight messages of an actor system, as a plain array kept in canonical order:
 * - unordered / duplicating: sorted by (sender, receiver, message); a multiset (equal envelopes
 *   adjacent) for `unordered`, a set for `duplicating`.
 * - fifo: grouped by link (sender, receiver), links sorted, each link's messages in send order.
 * Every function returns a new array and never modifies its input.
 */
import { canonicalKey } from '../canonical.ts';
import type { Envelope, NetworkSemantics } from './types.ts';

type Kind = NetworkSemantics['kind'];

const linkKey = (e: Envelope<unknown>) => `${e.from}\u0000${e.to}`;

// Envelopes are immutable and shared between states: compute each one's sort key once.
const keys = new WeakMap<Envelope<unknown>, string>();
function envelopeKey(e: Envelope<unknown>): string {
  let key = keys.get(e);
  if (key === undefined) {
    key = `${linkKey(e)}\u0000${canonicalKey(e.msg)}`;
    keys.set(e, key);
  }
  return key;
}

/** Adds one message. In a duplicating network an already present message is not added twice. */
export function enqueue<M>(kind: Kind, network: readonly Envelope<M>[], envelope: Envelope<M>): readonly Envelope<M>[] {
  if (kind === 'fifo') {
    const link = linkKey(envelope);
    let at = network.length;
    while (at > 0 && linkKey(network[at - 1]!) > link) at--;
    return insertAt(network, at, envelope);
  }
  const key = envelopeKey(envelope);
  const at = lowerBound(network, key);
  if (kind === 'duplicating' && at < network.length && envelopeKey(network[at]!) === key) return network;
  return insertAt(network, at, envelope);
}

/**
 * The messages that may be delivered (or dropped, or duplicated) next, each distinct one once:
 * every distinct message when unordered, each link's oldest when fifo.
 */
export function deliverable<M>(kind: Kind, network: readonly Envelope<M>[]): readonly Envelope<M>[] {
  const key = kind === 'fifo' ? linkKey : envelopeKey;
  return network.filter((e, i) => i === 0 || key(network[i - 1]!) !== key(e));
}

/** Removes one occurrence of `envelope` (a member of `deliverable`). */
export function remove<M>(network: readonly Envelope<M>[], envelope: Envelope<M>): readonly Envelope<M>[] {
  const at = indexOf(network, envelope);
  return at < 0 ? network : [...network.slice(0, at), ...network.slice(at + 1)];
}

/** Adds a copy of a message in flight, next to it (for fifo: at the end of its link). */
export function duplicate<M>(
  kind: Kind,
  network: readonly Envelope<M>[],
  envelope: Envelope<M>,
): readonly Envelope<M>[] {
  if (kind === 'fifo') return enqueue(kind, network, envelope);
  const at = indexOf(network, envelope);
  return at < 0 ? network : insertAt(network, at, envelope);
}

export function indexOf<M>(network: readonly Envelope<M>[], envelope: Envelope<M>): number {
  const same = network.indexOf(envelope);
  if (same >= 0) return same;
  const key = envelopeKey(envelope);
  return network.findIndex((e) => envelopeKey(e) === key);
}

function insertAt<M>(network: readonly Envelope<M>[], at: number, envelope: Envelope<M>): readonly Envelope<M>[] {
  return [...network.slice(0, at), envelope, ...network.slice(at)];
}

/** The first position whose envelope's key is not below `key` (binary search). */
function lowerBound(network: readonly Envelope<unknown>[], key: string): number {
  let low = 0;
  let high = network.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (envelopeKey(network[mid]!) < key) low = mid + 1;
    else high = mid;
  }
  return low;
}
