import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { fingerprintOf } from '../../checker/fingerprint/index.ts';
import { exploreStateGraph } from '../../counterexamples/state-graph.ts';
import { traceToJson } from '../../counterexamples/export-json.ts';
import { parseTrace } from '../../counterexamples/load-trace.ts';
import { replayTrace } from '../../counterexamples/replay.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { always, type Spec, type Words } from '../../spec/index.ts';
import { boulanger, type BoulangerConfig, type BoulangerState, boulangerSpec } from './boulanger.ts';
import { boulangerLayout, boulangerPackedSpec } from './boulanger-packed.ts';
import { LABELS } from './invariant.ts';

// The full MCBoulanger (N = 3, MaxNat = 3) is a benchmark, not a test:
// `npx tsx bench/measure-one.ts boulanger '{"packed":true}' 1` (TLC: 7,866,982 / 63,482,135 / 84).
const SMALL: BoulangerConfig = { n: 2, maxNat: 3 };

/** The reachable states (explored or only generated past the constraint), as fingerprints of the states shown. */
function reachable<S>(spec: Spec<S>): Set<bigint> {
  return new Set(exploreStateGraph(spec, 100_000).states.map((s) => fingerprintOf(spec.display(s))));
}

/** The packed states reachable within the constraint (a plain BFS over the actions). */
function reachableWords(spec: Spec<Words>): Words[] {
  const seen = new Set<string>();
  const states: Words[] = [];
  const visit = (s: Words) => {
    if (seen.has(s.join()) || !spec.constraint!(s)) return;
    seen.add(s.join());
    states.push(s);
  };
  spec.init().forEach(visit);
  for (let k = 0; k < states.length; k++) {
    for (const action of spec.actions) {
      for (const param of action.domain(states[k]!)) {
        const next = action.next(states[k]!, param);
        if (next !== undefined) visit(next);
      }
    }
  }
  return states;
}

/** Whether each invariant holds in `state`, by name. */
function invariantVerdicts<S>(spec: Spec<S>, state: S): Record<string, boolean> {
  const verdicts: Record<string, boolean> = {};
  for (const property of spec.properties)
    if (property.kind === 'always') verdicts[property.name] = property.holds(state);
  return verdicts;
}

/** The spec with one invariant: nobody enters the critical section. */
const nobodyInCs = <S>(spec: Spec<S>, inCs: (s: S) => boolean): Spec<S> => ({
  ...spec,
  properties: [always<S>('nobody in cs', (s) => !inCs(s))],
});

/** The shortest trace into the critical section. */
function traceToCs<S>(probe: Spec<S>) {
  const result = check(probe);
  if (result.status !== 'violation') throw new Error(`expected a violation, got ${result.status}`);
  return buildTrace(probe, result.violations[0]!.path!, { property: 'nobody in cs' });
}
const labels = (trace: ReturnType<typeof traceToCs>) =>
  trace.steps.map((s) => (s.action ? [s.action.name, s.action.param] : 'init'));

/** Every value each word may hold, a little past Nat for the numbers (so TypeOK can fail). */
/** Every way to give one field of one process another value of its type (written through the layout). */
function fieldChanges(config: BoulangerConfig): ((t: number[]) => void)[] {
  const { num, flag, pc, unchecked, max, nxt, previous } = boulangerLayout(config.n).fields;
  const upTo = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
  const changes: ((t: number[]) => void)[] = [];
  for (let p = 0; p < config.n; p++) {
    for (const k of upTo(0, config.maxNat + 1))
      changes.push(
        (t) => num.items[p]!.set(t, k),
        (t) => max.items[p]!.set(t, k),
      );
    for (const k of upTo(-1, config.maxNat + 1)) changes.push((t) => previous.items[p]!.set(t, k));
    for (const b of [false, true]) changes.push((t) => flag.items[p]!.set(t, b));
    for (const code of upTo(0, LABELS.length - 1)) changes.push((t) => pc.items[p]!.setCode(t, code));
    for (const code of upTo(0, config.n - 1)) changes.push((t) => nxt.items[p]!.setCode(t, code));
    for (const members of upTo(0, 2 ** config.n - 1)) {
      changes.push((t) => {
        const set = unchecked.items[p]!;
        set.clear(t);
        for (let q = 0; q < config.n; q++) if (members & (1 << q)) set.addAt(t, q);
      });
    }
  }
  return changes;
}

describe('boulanger, packed layout (boulanger-packed.ts)', () => {
  it("two processes, MaxNat 3: the object model's counts (8,574 / 51,897 / 51), BFS and DFS", () => {
    const packed = boulangerPackedSpec(SMALL);
    const object = check(boulangerSpec(SMALL));
    for (const engine of ['bfs', 'dfs'] as const) {
      const result = check(packed, { engine });
      expect(result.status).toBe('pass');
      expect(result.stats).toMatchObject({ distinctStates: 8574, generatedStates: 51897 });
    }
    expect(check(packed).stats).toMatchObject({ depth: 51 });
    expect(object.stats).toMatchObject({ distinctStates: 8574, generatedStates: 51897, depth: 51 });
  });

  it('three processes, MaxNat 2: 68,616 states, 434,233 generated, depth 61, as the object model', () => {
    const result = check(boulangerPackedSpec({ n: 3, maxNat: 2 }));
    expect(result.status).toBe('pass');
    expect(result.stats).toMatchObject({ distinctStates: 68616, generatedStates: 434233, depth: 61 });
  });

  it("reaches exactly the object model's states, decoded into the same fields", () => {
    const object = reachable(boulangerSpec(SMALL));
    const packed = reachable(boulangerPackedSpec(SMALL));
    // 8,574 within the constraint, and the states past it (generated, checked, not explored).
    expect(object.size).toBe(11725);
    expect(packed).toEqual(object);
  });

  it("its invariants, on words, agree with the object model's on every state one field away from a reachable one", () => {
    const packed = boulangerPackedSpec(SMALL),
      object = boulangerSpec(SMALL);
    const changes = fieldChanges(SMALL);
    const verdicts = new Map<string, number>();
    const states = reachableWords(packed);
    for (let k = 0; k < states.length; k += 5) {
      for (const change of changes) {
        const words = states[k]!.slice();
        change(words);
        // The packed layout shows a state as the object model's state.
        const decoded = packed.display(words) as BoulangerState;
        const verdict = invariantVerdicts(packed, words);
        expect(verdict, JSON.stringify(decoded)).toEqual(invariantVerdicts(object, decoded));
        for (const [name, holds] of Object.entries(verdict))
          verdicts.set(`${name}:${holds}`, (verdicts.get(`${name}:${holds}`) ?? 0) + 1);
      }
    }
    // Both verdicts occur for every property, so the comparison has teeth.
    for (const name of ['MutualExclusion', 'TypeOK', 'Inv']) {
      expect(verdicts.get(`${name}:true`)).toBeGreaterThan(100);
      expect(verdicts.get(`${name}:false`)).toBeGreaterThan(100);
    }
  });

  it('decodes the initial state as the object model writes it', () => {
    const spec = boulangerPackedSpec(SMALL);
    expect(spec.display(spec.init()[0]!)).toEqual(boulangerSpec(SMALL).init()[0]);
  });

  it('is pure: strict mode finds nothing', () => {
    expect(check(boulangerPackedSpec({ n: 2, maxNat: 2 }), { strict: true }).status).toBe('pass');
  });

  it("finds the object model's shortest trace into the critical section, shown, saved and replayed alike", () => {
    const { pc } = boulangerLayout(SMALL.n).fields;
    const packed = nobodyInCs(boulangerPackedSpec(SMALL), (s) => pc.items.some((f) => f.get(s) === 'cs'));
    const object = nobodyInCs(boulangerSpec(SMALL), (s) => s.pc.includes('cs'));
    const [fromPacked, fromObject] = [traceToCs(packed), traceToCs(object)];
    expect(labels(fromObject)).toEqual([
      'init',
      ['ncs', 0],
      ['e1', 0],
      ['e2', [0, 1]],
      ['e2Done', 0],
      ['e3', 0],
      ['e4', 0],
      ['w1Done', 0],
    ]);
    expect(labels(fromPacked)).toEqual(labels(fromObject));
    expect(fromPacked.steps.map((s) => s.shown)).toEqual(fromObject.steps.map((s) => s.state));
    const saved = parseTrace(JSON.stringify(traceToJson(fromPacked)), 'trace.json');
    expect(replayTrace(object, saved).status).toBe('reproduced');
    expect(replayTrace(packed, saved).status).toBe('reproduced');
  });

  it("is chosen by the protocol's packed setting, with the same actions and properties", () => {
    const packed = boulanger.instantiate({ n: '2', maxNat: '3', packed: 'true' });
    const object = boulanger.instantiate({ n: '2', maxNat: '3' });
    expect(packed.layout).toBeDefined();
    expect(object.layout).toBeUndefined();
    expect(packed.actions.map((a) => a.name)).toEqual(object.actions.map((a) => a.name));
    expect(packed.properties.map((p) => p.name)).toEqual(object.properties.map((p) => p.name));
  });
});
