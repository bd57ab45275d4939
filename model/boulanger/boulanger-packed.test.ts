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
import { boulangerLayout } from './boulanger-packed.ts';
import { LABELS } from './invariant.ts';

// The full MCBoulanger (N = 3, MaxNat = 3) is a benchmark, not a test:
// `npx tsx bench/measure-one.ts boulanger '{"packed":true}' 1` (TLC: 7,866,982 / 63,482,135 / 84).
const SMALL: BoulangerConfig = { n: 2, maxNat: 3 };

// Both definitions over the words of `boulangerLayout`: the hand-packed port (boulanger-packed.ts)
// and the one written against views (boulanger-views.ts).
const LAYOUTS: readonly Record<string, boolean>[] = [{ packed: true }, { views: true }];
const wordsSpec = (config: BoulangerConfig, layout: Record<string, boolean>) =>
  boulanger.instantiate({ ...config, ...layout }) as Spec<Words>;

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

describe('boulanger, packed layout (boulanger-packed.ts, boulanger-views.ts)', () => {
  it("two processes, MaxNat 3: the object model's counts (8,574 / 51,897 / 51)", () => {
    expect(check(boulangerSpec(SMALL)).stats).toMatchObject({
      distinctStates: 8574,
      generatedStates: 51897,
      depth: 51,
    });
  });

  it.each(LAYOUTS)(
    "two processes, MaxNat 3: the object model's counts with BFS, DFS, two workers and the disk store (%o)",
    (layout) => {
      const settings = { ...SMALL, ...layout };
      const spec = wordsSpec(SMALL, layout);
      const specSource = { module: new URL('./boulanger.ts', import.meta.url).href, exportName: 'boulanger', settings };
      const expected = { distinctStates: 8574, generatedStates: 51897 };
      for (const options of [{}, { workers: 2, specSource }, { store: 'disk' as const }]) {
        const result = check(spec, options);
        expect(result.status).toBe('pass');
        expect(result.stats).toMatchObject({ ...expected, depth: 51 });
      }
      for (const store of ['table', 'map'] as const) {
        const result = check(spec, { engine: 'dfs', store });
        expect(result.status).toBe('pass');
        expect(result.stats).toMatchObject(expected);
      }
    },
  );

  it.each(LAYOUTS)(
    'three processes, MaxNat 2: 68,616 states, 434,233 generated, depth 61, as the object model (%o)',
    (layout) => {
      const result = check(wordsSpec({ n: 3, maxNat: 2 }, layout));
      expect(result.status).toBe('pass');
      expect(result.stats).toMatchObject({ distinctStates: 68616, generatedStates: 434233, depth: 61 });
    },
  );

  it.each(LAYOUTS)("reaches exactly the object model's states, decoded into the same fields (%o)", (layout) => {
    const object = reachable(boulangerSpec(SMALL));
    const packed = reachable(wordsSpec(SMALL, layout));
    // 8,574 within the constraint, and the states past it (generated, checked, not explored).
    expect(object.size).toBe(11725);
    expect(packed).toEqual(object);
  });

  it.each(LAYOUTS)(
    "its invariants, on words, agree with the object model's on every state one field away from a reachable one (%o)",
    (layout) => {
      const packed = wordsSpec(SMALL, layout),
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
    },
  );

  it.each(LAYOUTS)(
    'decodes the initial state as the object model writes it, shown and in the layout (%o)',
    (layout) => {
      const spec = wordsSpec(SMALL, layout);
      const init = spec.init()[0]!;
      expect(spec.display(init)).toEqual(boulangerSpec(SMALL).init()[0]);
      expect(spec.layout!.decode(init)).toEqual(boulangerSpec(SMALL).init()[0]);
    },
  );

  it.each(LAYOUTS)(
    "is pure: strict mode finds nothing, with the object model's counts (522 / 2,451 / 34) (%o)",
    (layout) => {
      const expected = { distinctStates: 522, generatedStates: 2451, depth: 34 };
      expect(check(boulangerSpec({ n: 2, maxNat: 2 })).stats).toMatchObject(expected);
      const result = check(wordsSpec({ n: 2, maxNat: 2 }, layout), { strict: true });
      expect(result.status).toBe('pass');
      expect(result.stats).toMatchObject(expected);
    },
  );

  it.each(LAYOUTS)(
    "finds the object model's shortest trace into the critical section, shown, saved and replayed alike (%o)",
    (layout) => {
      const { pc } = boulangerLayout(SMALL.n).fields;
      const packed = nobodyInCs(wordsSpec(SMALL, layout), (s) => pc.items.some((f) => f.get(s) === 'cs'));
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
    },
  );

  it.each(LAYOUTS)("is chosen by the protocol's setting, with the same actions and properties (%o)", (layout) => {
    const packed = boulanger.instantiate({ n: '2', maxNat: '3', ...layout });
    const object = boulanger.instantiate({ n: '2', maxNat: '3' });
    expect(packed.layout).toBeDefined();
    expect(object.layout).toBeUndefined();
    expect(packed.actions.map((a) => a.name)).toEqual(object.actions.map((a) => a.name));
    expect(packed.properties.map((p) => p.name)).toEqual(object.properties.map((p) => p.name));
  });
});
