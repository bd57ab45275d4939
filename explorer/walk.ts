/**
 * Moving on from a state without clicking every step: a random walk of N steps (seeded, so the
 * same seed from the same state takes the same steps), and "step until property P holds or
 * fails" — a breadth-first search from the current state, so the steps it adds are as few as can be.
 */
import { Hasher } from '../checker/fingerprint/index.ts';
import { formatPath, type ActionPath, type PathStep } from '../checker/path.ts';
import { messageOf } from '../checker/successors.ts';
import { KripkeError, unknownName } from '../spec/errors.ts';
import type { Property } from '../spec/properties.ts';
import type { UntilResult, WalkResult } from './api-types.ts';
import type { ModelSession } from './session.ts';
import { memberName } from './properties-view.ts';

interface Successor {
  readonly state: unknown;
  readonly step: PathStep;
}

export function randomWalk(session: ModelSession, from: string, steps: number, seed: number): WalkResult {
  const start = session.stateAt(from);
  const random = mulberry32(seed);
  const taken: PathStep[] = [];
  let state = start.state;
  const result = (stopped: WalkResult['stopped'], property?: string): WalkResult => ({
    path: formatPath({ init: start.path.init, steps: [...start.path.steps, ...taken] }),
    seed,
    taken: taken.length,
    stopped,
    ...(property ? { property } : {}),
  });
  while (taken.length < steps) {
    const next = successorsOf(session, state);
    if (next.length === 0) return result('end');
    const chosen = next[Math.floor(random() * next.length)]!;
    const broken = brokenBy(session, state, chosen);
    taken.push(chosen.step);
    state = chosen.state;
    if (broken) return result('violation', broken);
  }
  return result('steps');
}

export function stepUntil(
  session: ModelSession,
  from: string,
  name: string,
  goal: 'holds' | 'fails',
  maxStates: number,
): UntilResult {
  const property = session.spec.properties.find((p) => memberName(p) === name);
  if (property === undefined)
    throw unknownName('property', name, session.spec.properties.map(memberName), { model: session.spec.name });
  const test = goalTest(property, goal);
  const start = session.stateAt(from);
  const hasher = new Hasher();
  const fingerprintOf = (state: unknown) => hasher.of(state);
  const parents = new Map<bigint, { parent: bigint; step: PathStep } | null>([[fingerprintOf(start.state), null]]);
  let frontier: unknown[] = [start.state];
  const found = (fp: bigint, last?: PathStep): UntilResult => {
    const steps = [...stepsTo(parents, fp), ...(last ? [last] : [])];
    return { found: true, path: formatPath(extend(start.path, steps)), steps: steps.length, explored: parents.size };
  };
  if (test.state?.(start.state)) return found(fingerprintOf(start.state));
  while (frontier.length > 0) {
    const next: unknown[] = [];
    for (const state of frontier) {
      const parent = fingerprintOf(state);
      for (const successor of successorsOf(session, state)) {
        const fp = fingerprintOf(successor.state);
        const hit =
          test.state?.(successor.state) ||
          test.step?.(state, successor.state, stepLabelOf(session, state, successor.step));
        if (hit) return found(parent, successor.step);
        if (parents.has(fp)) continue;
        if (parents.size >= maxStates)
          return {
            found: false,
            explored: parents.size,
            exhaustive: false,
            message: `not found within ${maxStates} states`,
          };
        parents.set(fp, { parent, step: successor.step });
        next.push(successor.state);
      }
    }
    frontier = next;
  }
  return {
    found: false,
    explored: parents.size,
    exhaustive: true,
    message: `no state reachable from here makes '${name}' ${goal === 'holds' ? 'hold' : 'fail'}`,
  };
}

interface GoalTest {
  readonly state?: (s: unknown) => boolean;
  readonly step?: (before: unknown, after: unknown, label: { action: string; param: unknown }) => boolean;
}

function goalTest(property: Property<unknown>, goal: 'holds' | 'fails'): GoalTest {
  switch (property.kind) {
    case 'always':
    case 'sometimes':
      return { state: (s) => guarded(property, () => property.holds(s) === (goal === 'holds')) };
    case 'alwaysStep':
      return { step: (a, b, l) => guarded(property, () => property.holds(a, b, l) === (goal === 'holds')) };
    default:
      throw new KripkeError(
        'invalid-config',
        `'${property.name}' is a ${property.kind} property, about infinite behaviours: ` +
          'no single state makes it hold or fail (run a check with liveness instead)',
        { property: property.name },
      );
  }
}

function successorsOf(session: ModelSession, state: unknown): Successor[] {
  const out: Successor[] = [];
  session.successors.forEach(state, (next, action, param) => out.push({ state: next, step: { action, param } }));
  return out;
}

/** The first invariant the successor breaks, or step property the step breaks. */
function brokenBy(session: ModelSession, before: unknown, successor: Successor): string | undefined {
  const label = stepLabelOf(session, before, successor.step);
  return session.spec.properties.find((p) =>
    guarded(
      p,
      () =>
        (p.kind === 'always' && !p.holds(successor.state)) ||
        (p.kind === 'alwaysStep' && !p.holds(before, successor.state, label)),
    ),
  )?.name;
}

/** Runs a property's code, naming the property if it throws. */
function guarded<T>(property: Property<unknown>, run: () => T): T {
  try {
    return run();
  } catch (e) {
    throw new KripkeError('property-threw', `property '${property.name}' threw: ${messageOf(e)}`, {
      property: property.name,
    });
  }
}

function stepLabelOf(session: ModelSession, state: unknown, step: PathStep): { action: string; param: unknown } {
  const action = session.spec.actions[step.action]!;
  return { action: action.name, param: action.domain(state)[step.param] };
}

function stepsTo(parents: ReadonlyMap<bigint, { parent: bigint; step: PathStep } | null>, fp: bigint): PathStep[] {
  const steps: PathStep[] = [];
  for (let link = parents.get(fp); link; link = parents.get(link.parent)) steps.push(link.step);
  return steps.reverse();
}

function extend(path: ActionPath, steps: readonly PathStep[]): ActionPath {
  return { init: path.init, steps: [...path.steps, ...steps] };
}

/** A small seeded generator (mulberry32): the same seed gives the same walk on every machine. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
