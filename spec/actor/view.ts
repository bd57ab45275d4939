/**
 * A cheaper identity for actor-system states, used as the spec's `view`: in-flight messages are
 * interned to small numbers by their canonical keys, so the checker hashes a short array of
 * numbers instead of walking every message. Equal views ⇔ equal states.
 */
import { canonicalKey } from './canonical.ts';
import type { SystemState } from './types.ts';

// One process-wide table: a canonical key always maps to the same number.
const interned = new Map<string, number>();
const byObject = new WeakMap<object, number>();

export function intern(value: unknown): number {
  const isObject = typeof value === 'object' && value !== null;
  if (isObject) {
    const known = byObject.get(value);
    if (known !== undefined) return known;
  }
  const key = canonicalKey(value);
  let id = interned.get(key);
  if (id === undefined) {
    id = interned.size;
    interned.set(key, id);
  }
  if (isObject) byObject.set(value, id);
  return id;
}

/**
 * The view function: the state with each in-flight message replaced by its number. Envelopes are
 * created once and shared by every later state, so numbering them is a cached lookup, while the
 * changed node's new state is hashed directly (no canonical key needed for it).
 */
export function actorView(s: SystemState<unknown, unknown, unknown>): unknown[] {
  const network: number[] = new Array<number>(s.network.length);
  for (let i = 0; i < network.length; i++) network[i] = intern(s.network[i]);
  return [s.nodes, s.down, s.timers, s.spent, s.partition, s.history, network];
}
