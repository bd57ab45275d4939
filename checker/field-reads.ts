/**
 * Catches a property that reads a state field no state has (`s.leadr` for `s.leader`): in
 * JavaScript that read is `undefined`, and the property holds of nothing — a vacuous pass.
 * Each safety or reachability property is evaluated, besides normally, on a recording proxy of
 * the state for its first SAMPLE evaluations (every one under `strict`); a top-level field it
 * reads that is absent becomes a suspect, and stays one until some later state has it (a field
 * that is only sometimes present is optional, not a typo). Suspects left at the end are an error.
 * The verdict always comes from the plain evaluation; the proxy's result is discarded.
 */
import type { Property } from '../spec/properties.ts';
import type { Spec } from '../spec/types.ts';

const SAMPLE = 64;

interface Tracked {
  readonly property: string;
  sampled: number;
  /** Fields read while absent, never yet seen present. */
  readonly suspects: Set<string>;
  /** Fields some state had: never suspects again. */
  readonly present: Set<string>;
}

export interface VacuousRead {
  readonly property: string;
  readonly field: string;
  readonly fields: readonly string[];
}

export class FieldReads<S> {
  private readonly tracked: Tracked[] = [];
  private fields: readonly string[] = [];

  constructor(private readonly strict: boolean) {}

  /** The spec with its safety and reachability properties wrapped to record what they read. */
  wrap(spec: Spec<S>): Spec<S> {
    return { ...spec, properties: spec.properties.map((p) => this.wrapProperty(p)) };
  }

  /** Suspects left after the run, for properties not in `violated`. */
  vacuous(violated: ReadonlySet<string>): VacuousRead[] {
    return this.tracked
      .filter((t) => !violated.has(t.property))
      .flatMap((t) => [...t.suspects].map((field) => ({ property: t.property, field, fields: this.fields })));
  }

  private wrapProperty(p: Property<S>): Property<S> {
    if (p.kind !== 'always' && p.kind !== 'sometimes' && p.kind !== 'alwaysStep') return p;
    const t: Tracked = { property: p.name, sampled: 0, suspects: new Set(), present: new Set() };
    this.tracked.push(t);
    // Past the sample, an evaluation costs one comparison and allocates nothing.
    if (p.kind === 'alwaysStep') {
      const holds = p.holds;
      return {
        ...p,
        holds: (before, after, label) => {
          const result = holds(before, after, label);
          if (this.sampling(t)) this.probe(t, [before, after], (b, a) => holds(b as S, a as S, label));
          else if (t.suspects.size > 0) {
            this.clearPresent(t, before);
            this.clearPresent(t, after);
          }
          return result;
        },
      };
    }
    const holds = p.holds;
    return {
      ...p,
      holds: (state: S) => {
        const result = holds(state);
        if (this.sampling(t)) this.probe(t, [state], (s) => holds(s as S));
        else if (t.suspects.size > 0) this.clearPresent(t, state);
        return result;
      },
    } as Property<S>;
  }

  private sampling(t: Tracked): boolean {
    if (!this.strict && t.sampled >= SAMPLE) return false;
    t.sampled++;
    return true;
  }

  private probe(t: Tracked, states: readonly S[], run: (...proxies: unknown[]) => unknown): void {
    if (!states.every(isRecord)) return;
    if (this.fields.length === 0) this.fields = Object.keys(states[0] as object);
    const absent = new Set<string>();
    const proxies = states.map(
      (s) =>
        new Proxy(s as object, {
          get(target, key, receiver) {
            if (typeof key === 'string' && !(key in target)) absent.add(key);
            return Reflect.get(target, key, receiver) as unknown;
          },
          // `'leader' in s` is a deliberate test for an optional field: not a typo.
          has(target, key) {
            if (typeof key === 'string') t.present.add(key);
            return Reflect.has(target, key);
          },
        }),
    );
    try {
      run(...proxies);
    } catch {
      // The plain evaluation already answered; a proxy only records reads.
    }
    for (const field of absent) if (!t.present.has(field)) t.suspects.add(field);
    for (const s of states) this.clearPresent(t, s);
  }

  private clearPresent(t: Tracked, state: unknown): void {
    if (!isRecord(state)) return;
    for (const field of t.suspects) {
      if (field in state) {
        t.suspects.delete(field);
        t.present.add(field);
      }
    }
  }
}

function isRecord(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
