/**
 * Peterson's mutual exclusion algorithm for two processes (TLA+ Examples:
 * specifications/locks_auxiliary_vars/Peterson.tla, from the PlusCal algorithm there).
 *
 * Each process loops: raise its flag `c[self]` (a1), give the turn away (a2), wait until the
 * other's flag is down or the turn is its own (a3), run its critical section (cs), lower its flag
 * (a4). Actions are the PlusCal labels, each with the process (1 or 2) as parameter.
 *
 * Properties (Peterson.cfg): TypeOK and Inv — the flags match the program counters, a process in
 * its critical section holds the turn or the other has not passed a2, and mutual exclusion (also
 * checked on its own as MutualExclusion).
 * Variant `turn-to-self` (a bug): a2 takes the turn instead of giving it away; both processes can
 * then enter the critical section.
 * TLC: 42 distinct states, 77 generated, depth 11.
 */
import { defineProtocol, defineSpec } from '../../spec/index.ts';

export type Proc = 1 | 2;
export type Label = 'a0' | 'a1' | 'a2' | 'a3' | 'cs' | 'a4';
export type PerProc<T> = Readonly<Record<Proc, T>>;

export interface PetersonState {
  readonly pc: PerProc<Label>;
  readonly c: PerProc<boolean>;
  readonly turn: Proc;
}

export const PETERSON_VARIANTS = {
  correct: "Peterson's algorithm as in Peterson.tla",
  'turn-to-self': 'bug: a process takes the turn (turn := self) instead of giving it away',
} as const;
export type PetersonVariant = keyof typeof PETERSON_VARIANTS;

const PROCS: readonly Proc[] = [1, 2];
const LABELS: ReadonlySet<string> = new Set<Label>(['a0', 'a1', 'a2', 'a3', 'cs', 'a4']);
const other = (p: Proc): Proc => (p === 1 ? 2 : 1);
const inCritical = (label: Label) => label === 'cs' || label === 'a4';
/** The labels at which a process's flag is raised. */
const flagRaised = (label: Label) => label === 'a2' || label === 'a3' || label === 'cs' || label === 'a4';

/** A step of process `self` from label `from` to `to`, also changing `c` or `turn`. */
function step(from: Label, to: Label, update: (s: PetersonState, self: Proc) => Partial<PetersonState> = () => ({})) {
  return {
    params: PROCS,
    next: (s: PetersonState, self: Proc): PetersonState | undefined =>
      s.pc[self] === from ? { ...s, ...update(s, self), pc: { ...s.pc, [self]: to } } : undefined,
  };
}

const setFlag = (value: boolean) => (s: PetersonState, self: Proc) => ({ c: { ...s.c, [self]: value } });

export function petersonSpec(variant: PetersonVariant = 'correct') {
  const enter = step('a3', 'cs');
  return defineSpec({
    name: 'peterson',
    init: (): PetersonState[] => [{ pc: { 1: 'a0', 2: 'a0' }, c: { 1: false, 2: false }, turn: 1 }],
    actions: {
      a0: step('a0', 'a1'),
      a1: step('a1', 'a2', setFlag(true)),
      a2: step('a2', 'a3', (_, self) => ({ turn: variant === 'turn-to-self' ? self : other(self) })),
      // await ~c[Other(self)] \/ turn = self
      a3: {
        params: PROCS,
        next: (s: PetersonState, self: Proc) =>
          !s.c[other(self)] || s.turn === self ? enter.next(s, self) : undefined,
      },
      cs: step('cs', 'a4'),
      a4: step('a4', 'a0', setFlag(false)),
    },
    properties: ({ always }) => [
      always(
        'TypeOK',
        (s) => PROCS.every((p) => typeof s.c[p] === 'boolean' && LABELS.has(s.pc[p])) && PROCS.includes(s.turn),
      ),
      always(
        'Inv',
        (s) =>
          PROCS.every((p) => s.c[p] === flagRaised(s.pc[p])) &&
          PROCS.every((p) => !inCritical(s.pc[p]) || s.turn === p || ['a0', 'a1', 'a2'].includes(s.pc[other(p)])) &&
          mutualExclusion(s),
      ),
      always('MutualExclusion', mutualExclusion),
    ],
  });
}

function mutualExclusion(s: PetersonState): boolean {
  return !(inCritical(s.pc[1]) && inCritical(s.pc[2]));
}

export const peterson = defineProtocol({
  name: 'peterson',
  summary: "Peterson's mutual exclusion for two processes (Peterson.tla)",
  config: {},
  variants: PETERSON_VARIANTS,
  build: (_, variant) => petersonSpec(variant),
});
