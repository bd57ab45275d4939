/**
 * EWD 840: Dijkstra's termination detection on a ring (TLA+ Examples:
 * specifications/ewd840/EWD840.tla, configuration EWD840.cfg with N = 3).
 *
 * Nodes 0..N-1 are active or passive; an active node may activate another by a message and may
 * become passive at any moment (the environment). A token travels from node N-1 down to node 0
 * (the system): node 0 starts a probe by sending a white token, a node passes it on when passive,
 * staining it orange if the node itself is orange (it activated a node the token had passed).
 * A white token back at a white, passive node 0 means: everyone has terminated.
 *
 * Properties: TypeOK, TerminationDetection (detection implies termination) and Dijkstra's
 * invariant Inv; the liveness property `Liveness`: terminated ~> terminationDetected, which holds
 * under weak fairness of the system's token moves. (TDSpec, the refinement of
 * SyncTerminationDetection, is not ported: Kripke does not check refinement.)
 *
 * Fairness: the spec assumes WF(System), System = InitiateProbe \/ E i: PassToken(i). We state
 * weak fairness of each of the two actions; the two agree here because at most one of them is
 * enabled (the token has one position) and only a System step moves the token, so "System
 * continuously enabled" means "the same one continuously enabled".
 *
 * Variant `no-fairness` (a bug): nothing forces the token to move, so termination may never be
 * detected — the checker shows the system stopping forever once everyone is passive.
 * TLC (N = 3): 302 distinct states, 2001 generated, depth 9, Liveness holds. Kripke: the same
 * distinct states, depth and verdict; 1817 generated, not TLC's 2001 (unexplained; see the
 * test). Deadlock: the states where termination was detected are terminal; no other deadlocks.
 */
import { defineProtocol, defineSpec, weak } from '../../spec/index.ts';

export type Color = 'white' | 'orange';

export interface Ewd840State {
  readonly active: readonly boolean[];
  readonly color: readonly Color[];
  readonly tpos: number;
  readonly tcolor: Color;
}

export const EWD840_VARIANTS = {
  correct: 'EWD840.tla with weak fairness of the token moves',
  'no-fairness': 'bug: no fairness; the token may stop moving, so termination is never detected',
} as const;
export type Ewd840Variant = keyof typeof EWD840_VARIANTS;

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const replace = <T>(array: readonly T[], index: number, value: T) => array.map((x, i) => (i === index ? value : x));

/** Every function from `n` positions to `values`, in TLC's enumeration order is irrelevant to counts. */
function allTuples<T>(n: number, values: readonly T[]): T[][] {
  return range(n).reduce<T[][]>((acc) => acc.flatMap((t) => values.map((v) => [...t, v])), [[]]);
}

export function ewd840Spec(n = 3, variant: Ewd840Variant = 'correct') {
  const nodes = range(n);
  const terminated = (s: Ewd840State) => s.active.every((a) => !a);
  const terminationDetected = (s: Ewd840State) => s.tpos === 0 && s.tcolor === 'white' && s.color[0] === 'white' && !s.active[0];
  return defineSpec({
    name: 'ewd840',
    init: (): Ewd840State[] => allTuples(n, [false, true]).flatMap((active) =>
      allTuples<Color>(n, ['white', 'orange']).flatMap((color) => nodes.map((tpos) => ({ active, color, tpos, tcolor: 'orange' as const })))),
    actions: {
      initiateProbe: {
        next: (s) => (s.tpos === 0 && (s.tcolor === 'orange' || s.color[0] === 'orange')
          ? { ...s, tpos: n - 1, tcolor: 'white' as const, color: replace(s.color, 0, 'white' as const) } : undefined),
      },
      passToken: {
        params: nodes.slice(1),
        next: (s, i) => (s.tpos === i && (!s.active[i] || s.color[i] === 'orange' || s.tcolor === 'orange')
          ? { ...s, tpos: i - 1, tcolor: s.color[i] === 'orange' ? 'orange' as const : s.tcolor, color: replace(s.color, i, 'white' as const) }
          : undefined),
      },
      /** Node i activates node j; if j > i (the token may have passed j already), i turns orange. */
      sendMsg: {
        params: nodes.flatMap((i) => nodes.filter((j) => j !== i).map((j) => [i, j] as const)),
        next: (s, [i, j]) => (s.active[i]
          ? { ...s, active: replace(s.active, j, true), color: j > i ? replace(s.color, i, 'orange' as const) : s.color } : undefined),
      },
      deactivate: {
        params: nodes,
        next: (s, i) => (s.active[i] ? { ...s, active: replace(s.active, i, false) } : undefined),
      },
    },
    properties: ({ always, leadsTo }) => [
      always('TypeOK', (s) => s.active.length === n && s.color.length === n && nodes.includes(s.tpos)),
      always('TerminationDetection', (s) => !terminationDetected(s) || terminated(s)),
      always('Inv', (s) => nodes.every((i) => i <= s.tpos || !s.active[i]) ||
        nodes.some((j) => j <= s.tpos && s.color[j] === 'orange') || s.tcolor === 'orange'),
      leadsTo('Liveness', terminated, terminationDetected),
    ],
    // After detection nothing is enabled: a legal end (EWD840.cfg turns deadlock checking off).
    terminal: terminationDetected,
    fairness: variant === 'no-fairness' ? [] : [weak('initiateProbe'), weak('passToken')],
  });
}

export const ewd840 = defineProtocol({
  name: 'ewd840',
  summary: "Dijkstra's termination detection on a ring (EWD 840); liveness under weak fairness",
  config: { nodes: { default: 3, doc: 'number of nodes on the ring (N)', min: 1, max: 6 } },
  variants: EWD840_VARIANTS,
  build: (c, variant) => ewd840Spec(c.nodes, variant),
});
