/**
 * Tiny TLA+ specs ported for experiments with TLC, each quoted above its port. TLC's figures for
 * them (tla2tools 1.8.0, one worker) are pinned in `action-constraint.test.ts` and
 * `counting-rules.test.ts`; these are the examples of the README's sections on action constraints
 * and on TLC's counting rules. Exported one by one so that worker threads can load them.
 */
import { defineSpec } from '../spec/define.ts';

interface XY {
  readonly x: number;
  readonly y: number;
}

/**
 * ```tla
 * Init == x = 0 /\ y = 0
 * IncX == x < 3 /\ x' = x + 1 /\ y' = y
 * IncY == y < 3 /\ y' = y + 1 /\ x' = x
 * Next == IncX \/ IncY
 * ActCon == ~(x = 1 /\ x' = 2)          \* ACTION_CONSTRAINT in AC_con.cfg
 * NotTwo == x # 2                       \* INVARIANT in AC_inv.cfg
 * ```
 */
function grid(options: { constrained: boolean; invariant?: boolean; disabled?: boolean }) {
  return defineSpec({
    name: 'grid',
    init: (): XY[] => [{ x: 0, y: 0 }],
    actions: {
      // `disabled`: the workaround the action constraint replaces — the step is simply not enabled.
      incX: { next: (s) => (s.x < 3 && !(options.disabled && s.x === 1) ? { ...s, x: s.x + 1 } : undefined) },
      incY: { next: (s) => (s.y < 3 ? { ...s, y: s.y + 1 } : undefined) },
    },
    actionConstraint: options.constrained ? (before, after) => !(before.x === 1 && after.x === 2) : undefined,
    properties: ({ always }) => (options.invariant ? [always('NotTwo', (s) => s.x !== 2)] : []),
  });
}

export const gridSpec = grid({ constrained: false });
export const gridConstrained = grid({ constrained: true });
export const gridDisabled = grid({ constrained: false, disabled: true });
export const gridConstrainedInvariant = grid({ constrained: true, invariant: true });

interface X {
  readonly x: number;
}

/**
 * ```tla
 * Init == x = 0
 * IncX == x < 3 /\ x' = x + 1
 * Spec == Init /\ [][IncX]_x /\ WF_x(IncX)      \* SpecS: SF_x(IncX); Spec0: no fairness
 * ActCon == ~(x = 1 /\ x' = 2)
 * Reach3 == <>(x = 3)
 * StepProp == [][x' # 2]_x
 * ```
 */
function counter(fairness: 'weak' | 'strong' | 'none', constrained: boolean) {
  return defineSpec({
    name: 'counter',
    init: (): X[] => [{ x: 0 }],
    actions: { incX: { next: (s) => (s.x < 3 ? { x: s.x + 1 } : undefined) } },
    actionConstraint: constrained ? (before, after) => !(before.x === 1 && after.x === 2) : undefined,
    properties: ({ eventually, alwaysStep }) => [
      eventually('Reach3', (s) => s.x === 3),
      alwaysStep('StepProp', (_, after) => after.x !== 2),
    ],
    fairness: ({ weak, strong }) => (fairness === 'none' ? [] : [(fairness === 'weak' ? weak : strong)('incX')]),
    checkDeadlock: false,
  });
}

export const counterWeak = counter('weak', false);
export const counterWeakConstrained = counter('weak', true);
export const counterStrongConstrained = counter('strong', true);
export const counterUnfairConstrained = counter('none', true);

/**
 * ```tla
 * Init == x = 0
 * A == x = 0 /\ x' = 1
 * B == x = 0 /\ x' = 2
 * C == x = 2 /\ x' = 1
 * Spec == Init /\ [][A \/ B \/ C]_x /\ WF_x(A)      \* Spec0: no fairness
 * ActCon == ~(x = 0 /\ x' = 1)
 * Reach2 == <>(x = 2)
 * ```
 */
function detour(fair: boolean, constrained: boolean) {
  return defineSpec({
    name: 'detour',
    init: (): X[] => [{ x: 0 }],
    actions: {
      a: { next: (s) => (s.x === 0 ? { x: 1 } : undefined) },
      b: { next: (s) => (s.x === 0 ? { x: 2 } : undefined) },
      c: { next: (s) => (s.x === 2 ? { x: 1 } : undefined) },
    },
    actionConstraint: constrained ? (before, after) => !(before.x === 0 && after.x === 1) : undefined,
    properties: ({ eventually }) => [eventually('Reach2', (s) => s.x === 2)],
    fairness: ({ weak }) => (fair ? [weak('a')] : []),
    checkDeadlock: false,
  });
}

export const detourFair = detour(true, false);
export const detourFairConstrained = detour(true, true);
export const detourUnfairConstrained = detour(false, true);

/**
 * One successor per true disjunct, and per witness of an `\E`, in a guard:
 * ```tla
 * Either == x < 2 /\ (x = 0 \/ y = 0) /\ x' = x + 1 /\ y' = y
 * Witness == y < 2 /\ (\E i \in 1..3 : i > x) /\ y' = y + 1 /\ x' = x
 * Next == Either \/ Witness
 * ```
 */
export const guards = defineSpec({
  name: 'guards',
  init: (): XY[] => [{ x: 0, y: 0 }],
  actions: {
    either: {
      params: ['x = 0', 'y = 0'] as const, // the disjunct that holds
      next: (s, holds) => (s.x < 2 && (holds === 'x = 0' ? s.x === 0 : s.y === 0) ? { ...s, x: s.x + 1 } : undefined),
    },
    witness: {
      params: [1, 2, 3], // the witness i
      next: (s, i) => (s.y < 2 && i > s.x ? { ...s, y: s.y + 1 } : undefined),
    },
  },
  checkDeadlock: false,
});

/**
 * `x' \in S` takes each member of the set once; `\E i \in S : x' = f(i)` each witness:
 * ```tla
 * InSet == x = 0 /\ x' \in {i % 2 : i \in 1..4}
 * Exists == x = 0 /\ \E i \in 1..4 : x' = i % 2
 * ```
 */
const oneToFour = [1, 2, 3, 4];
export const choices = defineSpec({
  name: 'choices',
  init: (): X[] => [{ x: 0 }],
  actions: {
    inSet: {
      params: [...new Set(oneToFour.map((i) => i % 2))].sort(),
      next: (s, v) => (s.x === 0 ? { x: v } : undefined),
    },
    exists: { params: oneToFour, next: (s, i) => (s.x === 0 ? { x: i % 2 } : undefined) },
  },
  checkDeadlock: false,
});

/**
 * At a violation, counts depend on the order of Next's disjuncts (TLC: left to right):
 * ```tla
 * NextXY == IncX \/ IncY     NextYX == IncY \/ IncX     Safe == ~(x = 2 /\ y = 0)
 * ```
 */
function ordered(xFirst: boolean) {
  const incX = { next: (s: XY) => (s.x < 3 ? { ...s, x: s.x + 1 } : undefined) };
  const incY = { next: (s: XY) => (s.y < 3 ? { ...s, y: s.y + 1 } : undefined) };
  return defineSpec({
    name: xFirst ? 'next-xy' : 'next-yx',
    init: (): XY[] => [{ x: 0, y: 0 }],
    actions: xFirst ? { incX, incY } : { incY, incX },
    properties: ({ always }) => [always('Safe', (s) => !(s.x === 2 && s.y === 0))],
    checkDeadlock: false,
  });
}

export const nextXY = ordered(true);
export const nextYX = ordered(false);

/**
 * TLC enumerates a set in its sorted order, whatever order it is written in:
 * ```tla
 * Pick == v = "none" /\ \E s \in {"c", "a", "b"} : v' = s      NotB == v # "b"
 * ```
 */
export function pick(order: readonly string[]) {
  return defineSpec({
    name: 'pick',
    init: (): { v: string }[] => [{ v: 'none' }],
    actions: { pick: { params: order, next: (s, v) => (s.v === 'none' ? { v } : undefined) } },
    properties: ({ always }) => [always('NotB', (s) => s.v !== 'b')],
    checkDeadlock: false,
  });
}

/**
 * Every way a guard can be true counts, however deep: `\E` under `\A` (their product), in the
 * consequent of a true `=>`, inside IF, LET and operator definitions; CHOOSE picks one.
 * ```tla
 * ForallExists == x = 0 /\ (\A i \in 1..2 : \E j \in 1..3 : j >= i) /\ x' = 1   \* 3 * 2 = 6
 * ImpliesTrue  == x = 0 /\ ((x = 0) => \E j \in 1..3 : j > 0) /\ x' = 2        \* 3
 * ImpliesFalse == x = 0 /\ ((x = 1) => \E j \in 1..3 : j > 0) /\ x' = 3        \* 1
 * IfGuard      == x = 0 /\ (IF x = 0 THEN (TRUE \/ TRUE) ELSE FALSE) /\ x' = 4  \* 2
 * Op(y) == y = 0 \/ y < 5      ViaOp == x = 0 /\ Op(x) /\ x' = 5               \* 2
 * ViaLet == x = 0 /\ LET ok == \E j \in 1..3 : j > 0 IN ok /\ x' = 6            \* 3
 * Choose == x = 0 /\ x' = CHOOSE j \in 1..3 : j > 0                              \* 1
 * ```
 */
export const nested = defineSpec({
  name: 'nested',
  init: (): X[] => [{ x: 0 }],
  actions: {
    forallExists: { params: productOfWitnesses(), next: (s) => (s.x === 0 ? { x: 1 } : undefined) },
    impliesTrue: { params: [1, 2, 3], next: (s) => (s.x === 0 ? { x: 2 } : undefined) },
    impliesFalse: { next: (s) => (s.x === 0 ? { x: 3 } : undefined) },
    ifGuard: { params: ['first TRUE', 'second TRUE'], next: (s) => (s.x === 0 ? { x: 4 } : undefined) },
    viaOp: { params: ['y = 0', 'y < 5'], next: (s) => (s.x === 0 ? { x: 5 } : undefined) },
    viaLet: { params: [1, 2, 3], next: (s) => (s.x === 0 ? { x: 6 } : undefined) },
    choose: { next: (s) => (s.x === 0 ? { x: 1 } : undefined) },
  },
  checkDeadlock: false,
});

/** `\A i \in 1..2 : \E j \in 1..3 : j >= i`: a witness j for each i, every combination of them (3 × 2). */
function productOfWitnesses(): (readonly [number, number])[] {
  const witnesses = (i: number) => [1, 2, 3].filter((j) => j >= i);
  return witnesses(1).flatMap((j1) => witnesses(2).map((j2) => [j1, j2] as const));
}
