/**
 * A consistent-hash ring with virtual nodes. Each server owns `vnodes` positions on a 32-bit ring,
 * derived from its name (`s2#0`, `s2#1`, …); a key belongs to the first position at or after its
 * hash, wrapping around. A membership change then moves only the keys of the server that joined or
 * left. The `rebuilt-ring` bug rebuilds the ring from scratch on every change, naming the virtual
 * nodes by the member's index in the list: after s1 leaves, s2 takes s1's positions, s3 takes
 * s2's, and most keys move.
 */
import type { ActorId } from '../../spec/index.ts';
import type { Token } from './messages.ts';

/**
 * FNV-1a over the characters, then MurmurHash3's finaliser: FNV alone leaves names that differ in
 * their last character (`s1#0`, `s2#0`) close together on the ring.
 */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const byPosition = (a: Token, b: Token) =>
  a.position - b.position || (a.server < b.server ? -1 : a.server > b.server ? 1 : 0);

/** The positions of one server, named after `label` (its own name, or the bug's list index). */
function tokensOf(server: ActorId, label: string, vnodes: number): Token[] {
  return Array.from({ length: vnodes }, (_, i) => ({ position: hash32(`${label}#${i}`), server }));
}

/** The ring built from the members' names: the reference every correct ring agrees with. */
export function referenceRing(members: readonly ActorId[], vnodes: number): Token[] {
  return members.flatMap((m) => tokensOf(m, m, vnodes)).sort(byPosition);
}

/** Adds or removes one server's positions, leaving every other position where it was. */
export function updateRing(ring: readonly Token[], server: ActorId, joined: boolean, vnodes: number): Token[] {
  const others = ring.filter((t) => t.server !== server);
  return joined ? [...others, ...tokensOf(server, server, vnodes)].sort(byPosition) : others;
}

/**
 * The bug: the ring rebuilt from the member list, the i-th member taking the positions named
 * after the i-th server of the full list (`s1`, `s2`, … — the same ring as long as nobody is missing).
 */
export function rebuiltRing(members: readonly ActorId[], allServers: readonly ActorId[], vnodes: number): Token[] {
  return members.flatMap((m, i) => tokensOf(m, allServers[i]!, vnodes)).sort(byPosition);
}

/** The server owning `key`: the first position at or after the key's hash, wrapping around. */
export function ownerOf(ring: readonly Token[], key: string): ActorId | undefined {
  if (ring.length === 0) return undefined;
  const h = hash32(key);
  return (ring.find((t) => t.position >= h) ?? ring[0]!).server;
}
