/**
 * Dining philosophers, Chandy–Misra style (TLA+ Examples:
 * specifications/DiningPhilosophers/DiningPhilosophers.tla, NP = 5).
 *
 * Each fork is held by one of its two philosophers and is clean or dirty; all start dirty, fork f
 * held by philosopher f (fork 2 by philosopher 1). A philosopher loops (the PlusCal label `Loop`):
 * it hands a dirty fork it holds to the neighbour, cleaned (left fork first), then, if hungry and
 * holding both forks clean, goes to `Eat` (eats, dirtying both forks); if not hungry it goes to
 * `Think` (becomes hungry again). Actions are the labels, each with the philosopher as parameter.
 *
 * Properties: TypeOK, ExclusiveAccess (neighbours never eat at once) and NobodyStarves — one
 * property over every philosopher p, []<>(~hungry[p]) — which holds because every process is fair: the spec assumes
 * WF_vars(Philosopher(p)) for each p, one assumption per philosopher over the group of its label
 * actions: `weak(['Loop', 'Think', 'Eat'], p)`.
 *
 * Variant `unfair-process` (a bug: `process` instead of `fair process`): the philosophers may all
 * stop at once. Variant `one-unfair`: only the last philosopher is unfair; the others keep
 * going around a real cycle while it stalls and philosopher 1 starves.
 * TLC: 67 distinct states, 336 generated, depth 29.
 */
import { defineProtocol, defineSpec } from '../../spec/index.ts';

export type Label = 'Loop' | 'Eat' | 'Think';

export interface Fork {
  readonly holder: number;
  readonly clean: boolean;
}

export interface DiningState {
  /** forks[f - 1] is fork f. */
  readonly forks: readonly Fork[];
  /** hungry[p - 1] and pc[p - 1] belong to philosopher p. */
  readonly hungry: readonly boolean[];
  readonly pc: readonly Label[];
}

export const DINING_VARIANTS = {
  correct: 'DiningPhilosophers.tla: every philosopher is a fair process',
  'unfair-process': 'bug: philosophers are not fair processes; one may stop forever holding forks',
  'one-unfair': 'bug: the last philosopher is not a fair process; while it stalls, a neighbour starves',
} as const;
export type DiningVariant = keyof typeof DINING_VARIANTS;

const replace = <T>(array: readonly T[], index: number, value: T) => array.map((x, i) => (i === index ? value : x));

export function diningSpec(np = 5, variant: DiningVariant = 'correct') {
  const philosophers = Array.from({ length: np }, (_, i) => i + 1);
  const leftFork = (p: number) => p;
  const rightFork = (p: number) => (p === np ? 1 : p + 1);
  const leftPhilosopher = (p: number) => (p === 1 ? np : p - 1);
  const rightPhilosopher = (p: number) => (p === np ? 1 : p + 1);
  const fork = (s: DiningState, f: number) => s.forks[f - 1]!;
  const canEat = (s: DiningState, p: number) =>
    [leftFork(p), rightFork(p)].every((f) => fork(s, f).holder === p && fork(s, f).clean);
  const withPc = (s: DiningState, p: number, label: Label) => replace(s.pc, p - 1, label);

  /** Loop: hand over one dirty fork (left first), then go on to Eat, Think or Loop again. */
  const loop = (s: DiningState, p: number): DiningState | undefined => {
    if (s.pc[p - 1] !== 'Loop') return undefined;
    let forks = s.forks;
    const dirtyHeld = (f: number) => fork(s, f).holder === p && !fork(s, f).clean;
    if (dirtyHeld(leftFork(p))) forks = replace(forks, leftFork(p) - 1, { holder: leftPhilosopher(p), clean: true });
    else if (dirtyHeld(rightFork(p)))
      forks = replace(forks, rightFork(p) - 1, { holder: rightPhilosopher(p), clean: true });
    const after = { ...s, forks };
    const next: Label = s.hungry[p - 1] ? (canEat(after, p) ? 'Eat' : 'Loop') : 'Think';
    return { ...after, pc: withPc(s, p, next) };
  };
  const eat = (s: DiningState, p: number): DiningState | undefined => {
    if (s.pc[p - 1] !== 'Eat') return undefined;
    const dirty = (forks: readonly Fork[], f: number) => replace(forks, f - 1, { ...fork(s, f), clean: false });
    return {
      forks: dirty(dirty(s.forks, leftFork(p)), rightFork(p)),
      hungry: replace(s.hungry, p - 1, false),
      pc: withPc(s, p, 'Loop'),
    };
  };
  const think = (s: DiningState, p: number): DiningState | undefined =>
    s.pc[p - 1] === 'Think' ? { ...s, hungry: replace(s.hungry, p - 1, true), pc: withPc(s, p, 'Loop') } : undefined;

  const sharesFork = (p: number, q: number) =>
    [leftFork(p), rightFork(p)].some((f) => f === leftFork(q) || f === rightFork(q));
  return defineSpec({
    name: 'dining-philosophers',
    init: (): DiningState[] => [
      {
        forks: philosophers.map((f) => ({ holder: f === 2 ? 1 : f, clean: false })),
        hungry: philosophers.map(() => true),
        pc: philosophers.map(() => 'Loop' as const),
      },
    ],
    actions: {
      Loop: { params: philosophers, next: loop },
      Think: { params: philosophers, next: think },
      Eat: { params: philosophers, next: eat },
    },
    properties: ({ always, forAll }) => [
      always('TypeOK', (s) => s.forks.every((f) => philosophers.includes(f.holder)) && s.pc.length === np),
      always('ExclusiveAccess', (s) =>
        philosophers.every((p) =>
          philosophers.every((q) => p === q || !sharesFork(p, q) || !(s.pc[p - 1] === 'Eat' && s.pc[q - 1] === 'Eat')),
        ),
      ),
      forAll(philosophers).alwaysEventually('NobodyStarves', (s, p) => !s.hungry[p - 1]), // \A p \in 1..NP : []<>(~hungry[p])
    ],
    fairness: ({ weak }) =>
      philosophers
        .filter((p) => variant === 'correct' || (variant === 'one-unfair' && p !== np))
        .map((p) => weak(['Loop', 'Think', 'Eat'], p)), // WF_vars(Philosopher(p))
  });
}

export const diningPhilosophers = defineProtocol({
  name: 'dining-philosophers',
  summary: 'Chandy–Misra dining philosophers: nobody starves, under weak fairness per philosopher',
  config: { philosophers: { default: 5, doc: 'number of philosophers (NP)', min: 2, max: 8 } },
  variants: DINING_VARIANTS,
  build: (c, variant) => diningSpec(c.philosophers, variant),
});
