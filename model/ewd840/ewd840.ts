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
 * SyncTerminationDetection, is not ported.)
 *
 * Fairness as in the spec: one assumption, WF_vars(System) with System == InitiateProbe \/
 * \E i : PassToken(i) — weak fairness of the group of the two actions. Variant `wf-next`: the
 * spec's SpecWFNext, WF_vars(Next) (every action), under which Liveness holds too.
 *
 * The guards are disjunctions, and TLC generates one successor per true disjunct (the README's
 * counting rules): InitiateProbe's `tcolor = "black" \/ color[0] = "black"` and PassToken(i)'s
 * `~active[i] \/ color[i] = "black" \/ tcolor = "black"`. So each action's parameter says which
 * disjunct holds (`because`), in the spec's order: the same successors, counted as TLC counts them.
 * Black is `orange` here.
 *
 * Variant `no-fairness` (a bug): nothing forces the token to move, so termination may never be
 * detected — the checker shows the system stopping forever once everyone is passive.
 * TLC (N = 3): 302 distinct states, 2,001 generated, depth 9, Liveness holds (per action:
 * InitiateProbe 112, PassToken 350, SendMsg 898, Deactivate 449 generated). Deadlock is not
 * checked (EWD840.cfg: CHECK_DEADLOCK FALSE): once termination is detected nothing is enabled;
 * with `--deadlock` that is reported, as TLC does when deadlock checking is on.
 */
import { defineProtocol, defineSpec } from '../../spec/index.ts';

export type Color = 'white' | 'orange';

export interface Ewd840State {
  readonly active: readonly boolean[];
  readonly color: readonly Color[];
  readonly tpos: number;
  readonly tcolor: Color;
}

export const EWD840_VARIANTS = {
  correct: 'EWD840.tla: weak fairness of System (the token moves: InitiateProbe or PassToken)',
  'wf-next': "EWD840.tla's SpecWFNext: weak fairness of Next (every action)",
  'no-fairness': 'bug: no fairness; the token may stop moving, so termination is never detected',
} as const;
export type Ewd840Variant = keyof typeof EWD840_VARIANTS;

/** Which disjunct of a guard holds, as the action's parameter (TLC: one successor per true disjunct). */
const PROBE_REASONS = ['token orange', 'node 0 orange'] as const;
const PASS_REASONS = ['passive', 'orange', 'token orange'] as const;
type PassReason = (typeof PASS_REASONS)[number];
const passGuard: Record<PassReason, (s: Ewd840State, i: number) => boolean> = {
  passive: (s, i) => !s.active[i],
  orange: (s, i) => s.color[i] === 'orange',
  'token orange': (s) => s.tcolor === 'orange',
};

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const replace = <T>(array: readonly T[], index: number, value: T) => array.map((x, i) => (i === index ? value : x));

/** Every function from `n` positions to `values`, in TLC's enumeration order is irrelevant to counts. */
function allTuples<T>(n: number, values: readonly T[]): T[][] {
  return range(n).reduce<T[][]>((acc) => acc.flatMap((t) => values.map((v) => [...t, v])), [[]]);
}

export function ewd840Spec(n = 3, variant: Ewd840Variant = 'correct') {
  const nodes = range(n);
  const terminated = (s: Ewd840State) => s.active.every((a) => !a);
  const terminationDetected = (s: Ewd840State) =>
    s.tpos === 0 && s.tcolor === 'white' && s.color[0] === 'white' && !s.active[0];
  return defineSpec({
    name: 'ewd840',
    init: (): Ewd840State[] =>
      allTuples(n, [false, true]).flatMap((active) =>
        allTuples<Color>(n, ['white', 'orange']).flatMap((color) =>
          nodes.map((tpos) => ({ active, color, tpos, tcolor: 'orange' as const })),
        ),
      ),
    actions: {
      /** Node 0 starts a probe: one step per true disjunct of `tcolor = "black" \/ color[0] = "black"`. */
      initiateProbe: {
        params: PROBE_REASONS,
        next: (s, because) =>
          s.tpos === 0 && (because === 'token orange' ? s.tcolor === 'orange' : s.color[0] === 'orange')
            ? { ...s, tpos: n - 1, tcolor: 'white' as const, color: replace(s.color, 0, 'white' as const) }
            : undefined,
      },
      /** Node i passes the token on: one step per true disjunct of `~active[i] \/ color[i] = "black" \/ tcolor = "black"`. */
      passToken: {
        params: nodes.slice(1).flatMap((i) => PASS_REASONS.map((because) => ({ i, because }))),
        next: (s, { i, because }) =>
          s.tpos === i && passGuard[because](s, i)
            ? {
                ...s,
                tpos: i - 1,
                tcolor: s.color[i] === 'orange' ? ('orange' as const) : s.tcolor,
                color: replace(s.color, i, 'white' as const),
              }
            : undefined,
      },
      /** Node i activates node j; if j > i (the token may have passed j already), i turns orange. */
      sendMsg: {
        params: nodes.flatMap((i) => nodes.filter((j) => j !== i).map((j) => [i, j] as const)),
        next: (s, [i, j]) =>
          s.active[i]
            ? {
                ...s,
                active: replace(s.active, j, true),
                color: j > i ? replace(s.color, i, 'orange' as const) : s.color,
              }
            : undefined,
      },
      deactivate: {
        params: nodes,
        next: (s, i) => (s.active[i] ? { ...s, active: replace(s.active, i, false) } : undefined),
      },
    },
    properties: ({ always, leadsTo }) => [
      always('TypeOK', (s) => s.active.length === n && s.color.length === n && nodes.includes(s.tpos)),
      always('TerminationDetection', (s) => !terminationDetected(s) || terminated(s)),
      always(
        'Inv',
        (s) =>
          nodes.every((i) => i <= s.tpos || !s.active[i]) ||
          nodes.some((j) => j <= s.tpos && s.color[j] === 'orange') ||
          s.tcolor === 'orange',
      ),
      leadsTo('Liveness', terminated, terminationDetected),
    ],
    checkDeadlock: false, // EWD840.cfg: CHECK_DEADLOCK FALSE
    fairness: ({ weak, allActions }) =>
      variant === 'correct'
        ? [weak(['initiateProbe', 'passToken'])] // WF_vars(System)
        : variant === 'wf-next'
          ? [weak(allActions)]
          : [], // WF_vars(Next); none
  });
}

export const ewd840 = defineProtocol({
  name: 'ewd840',
  summary: "Dijkstra's termination detection on a ring (EWD 840); liveness under weak fairness",
  config: { nodes: { default: 3, doc: 'number of nodes on the ring (N)', min: 1, max: 6 } },
  variants: EWD840_VARIANTS,
  build: (c, variant) => ewd840Spec(c.nodes, variant),
});
