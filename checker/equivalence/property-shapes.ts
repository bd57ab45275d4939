/**
 * Random properties for the equivalence test's specs, written against a kind's named measures
 * (numbers read off a state: a counter, a set's size…): invariants, an action property, a
 * reachability goal, legal end states, and a liveness property with fairness. Shapes are plain
 * JSON, so a worker thread rebuilds the same properties from its settings.
 */
import type { Fairness } from '../../spec/fairness.ts';
import {
  always,
  alwaysEventually,
  alwaysStep,
  eventually,
  eventuallyAlways,
  leadsTo,
  type Property,
  sometimes,
} from '../../spec/properties.ts';
import type { LivenessKind } from '../liveness/oracle.ts';

/** `measure(s) === is`. */
export interface Predicate {
  readonly on: string;
  readonly is: number;
}

export interface PropertyShape {
  /** `inv0`, `inv1`, …: the measure never equals `not`. */
  readonly invariants: readonly { readonly on: string; readonly not: number }[];
  /** `step`: action number `action` never raises the measure by exactly `jump`. */
  readonly step: { readonly action: number; readonly on: string; readonly jump: number } | null;
  /** `reach`: some reachable state satisfies it. */
  readonly reach: Predicate | null;
  /** Legal end states: any, none (every dead end is a deadlock), or those satisfying a predicate. */
  readonly terminal: 'any' | 'none' | Predicate;
  readonly liveness: { readonly kind: LivenessKind; readonly p: Predicate; readonly q: Predicate } | null;
  /** Fairness by action number, optionally for one parameter value. */
  readonly fairness: readonly {
    readonly kind: 'weak' | 'strong';
    readonly action: number;
    readonly param: number | null;
  }[];
}

export type Measures<S> = Readonly<Record<string, (s: S) => number>>;

const holds =
  <S>(m: Measures<S>, p: Predicate) =>
  (s: S) =>
    m[p.on]!(s) === p.is;

export function propertiesOf<S>(m: Measures<S>, shape: PropertyShape, actionNames: readonly string[]): Property<S>[] {
  const properties: Property<S>[] = shape.invariants.map((inv, i) =>
    always(`inv${i}`, (s: S) => m[inv.on]!(s) !== inv.not),
  );
  const { step, reach, liveness } = shape;
  if (step) {
    const action = actionNames[step.action % actionNames.length];
    properties.push(
      alwaysStep(
        'step',
        (b: S, a: S, label) => label.action !== action || m[step.on]!(a) !== m[step.on]!(b) + step.jump,
      ),
    );
  }
  if (reach) properties.push(sometimes('reach', holds(m, reach)));
  if (liveness) properties.push(livenessProperty(m, liveness));
  return properties;
}

function livenessProperty<S>(m: Measures<S>, l: NonNullable<PropertyShape['liveness']>): Property<S> {
  const p = holds(m, l.p);
  switch (l.kind) {
    case 'eventually':
      return eventually('live', p);
    case 'alwaysEventually':
      return alwaysEventually('live', p);
    case 'eventuallyAlways':
      return eventuallyAlways('live', p);
    case 'leadsTo':
      return leadsTo('live', p, holds(m, l.q));
  }
}

export function terminalOf<S>(m: Measures<S>, shape: PropertyShape): ((s: S) => boolean) | undefined {
  const { terminal } = shape;
  if (terminal === 'any') return () => true;
  return terminal === 'none' ? undefined : holds(m, terminal);
}

/** The fairness assumptions, by the spec's action names; `paramValue` maps a parameter number to its value. */
/**
 * The shape's fairness over the spec's actions. `domainSize` gives the size of an action's fixed
 * parameter domain (undefined for one computed from the state): fairness names a value in it, as
 * `defineSpec` requires before the run (an empty domain: the whole action).
 */
export function fairnessOf(
  shape: PropertyShape,
  actionNames: readonly string[],
  paramValue?: (n: number) => unknown,
  domainSize?: (action: number) => number | undefined,
): Fairness[] {
  return shape.fairness.map((f) => {
    const index = f.action % actionNames.length;
    const action = actionNames[index]!;
    const size = domainSize?.(index);
    if (f.param === null || paramValue === undefined || size === 0) return { kind: f.kind, members: [{ action }] };
    return { kind: f.kind, members: [{ action, param: paramValue(size === undefined ? f.param : f.param % size) }] };
  });
}
