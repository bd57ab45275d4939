/**
 * Boulanger: the counts with every engine and store, the reachable states and how they are shown
 * (traces and their text, the layout's own decoding, which the explorer and behaviour diffs
 * read), the invariants on states off the reachable ones, and the shortest traces, saved and
 * replayed. The full MCBoulanger.cfg (N = 3, MaxNat = 3; TLC: 7,866,982 distinct, 63,482,135
 * generated, depth 84) takes under a minute: `kripke check boulanger`.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { wholeState } from '../../checker/diff/index.ts';
import { fingerprintOf } from '../../checker/fingerprint/index.ts';
import { traceToJson } from '../../counterexamples/export-json.ts';
import { parseTrace } from '../../counterexamples/load-trace.ts';
import { replayTrace } from '../../counterexamples/replay.ts';
import { exploreStateGraph } from '../../counterexamples/state-graph.ts';
import { renderTraceText } from '../../counterexamples/text.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { always, KripkeError, type Spec, viewsOf, type Words } from '../../spec/index.ts';
import { boulanger, type BoulangerConfig, boulangerSpec } from './boulanger.ts';
import { boulangerLayout, LABELS, type State } from './layout.ts';

const SMALL: BoulangerConfig = { n: 2, maxNat: 3 };
const views = viewsOf(boulangerLayout(SMALL.n));

/** The spec with one invariant, `reaches` never holds, and the shortest trace that breaks it. */
function traceTo(spec: Spec<Words>, reaches: (s: State) => boolean) {
  const probe: Spec<Words> = { ...spec, properties: [always<Words>('not reached', (w) => !reaches(views.read(w)))] };
  const result = check(probe);
  if (result.status !== 'violation') throw new Error(`expected a violation, got ${result.status}`);
  return { probe, trace: buildTrace(probe, result.violations[0]!.path!, { property: 'not reached' }) };
}
const labelsOf = (trace: ReturnType<typeof traceTo>['trace']) =>
  trace.steps.map((s) => (s.action ? [s.action.name, s.action.param] : 'init'));

/** The states reachable within the constraint (a plain BFS over the actions). */
function reachableWithin(spec: Spec<Words>): Words[] {
  const seen = new Set<string>();
  const states: Words[] = [];
  const visit = (s: Words) => {
    if (seen.has(s.join()) || !spec.constraint!(s)) return;
    seen.add(s.join());
    states.push(s);
  };
  spec.init().forEach(visit);
  for (let k = 0; k < states.length; k++) for (const next of successors(spec, states[k]!)) visit(next);
  return states;
}

function successors(spec: Spec<Words>, s: Words): Words[] {
  const found: Words[] = [];
  for (const action of spec.actions) {
    action.domain(s).forEach((param, index) => {
      const next = action.next(s, param, index);
      if (next !== undefined) found.push(next);
    });
  }
  return found;
}

/** Whether each invariant holds in `state`, by name. */
function verdicts(spec: Spec<Words>, state: Words): Record<string, boolean> {
  const found: Record<string, boolean> = {};
  for (const property of spec.properties) if (property.kind === 'always') found[property.name] = property.holds(state);
  return found;
}

/** Every way to give one field of one process another value of its type, a little past Nat for the numbers. */
function fieldChanges({ n, maxNat }: BoulangerConfig): ((t: number[]) => void)[] {
  const { num, flag, pc, unchecked, max, nxt, previous } = boulangerLayout(n).fields;
  const upTo = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
  const changes: ((t: number[]) => void)[] = [];
  for (let p = 0; p < n; p++) {
    for (const k of upTo(0, maxNat + 1))
      changes.push(
        (t) => num.items[p]!.set(t, k),
        (t) => max.items[p]!.set(t, k),
      );
    for (const k of upTo(-1, maxNat + 1)) changes.push((t) => previous.items[p]!.set(t, k));
    for (const b of [false, true]) changes.push((t) => flag.items[p]!.set(t, b));
    for (const code of upTo(0, LABELS.length - 1)) changes.push((t) => pc.items[p]!.setCode(t, code));
    for (const code of upTo(0, n - 1)) changes.push((t) => nxt.items[p]!.setCode(t, code));
    for (const members of upTo(0, 2 ** n - 1)) {
      changes.push((t) => {
        const set = unchecked.items[p]!;
        set.clear(t);
        for (let q = 0; q < n; q++) if (members & (1 << q)) set.addAt(t, q);
      });
    }
  }
  return changes;
}

describe('boulanger (Boulanger.tla, MCBoulanger.cfg)', () => {
  it('two processes, MaxNat 3: 8,574 states, 51,897 generated, depth 51, with BFS, DFS, two workers and the disk store', () => {
    const settings = { n: '2', maxNat: '3' };
    const spec = boulanger.instantiate(settings);
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
  });

  it('three processes, MaxNat 2: 68,616 states, 434,233 generated, depth 61', () => {
    const result = check(boulangerSpec({ n: 3, maxNat: 2 }));
    expect(result.status).toBe('pass');
    expect(result.stats).toMatchObject({ distinctStates: 68616, generatedStates: 434233, depth: 61 });
  });

  it('is pure: strict mode (frozen inputs, every action run twice) finds nothing (522 / 2,451 / 34)', () => {
    const result = check(boulangerSpec({ n: 2, maxNat: 2 }), { strict: true });
    expect(result.status).toBe('pass');
    expect(result.stats).toMatchObject({ distinctStates: 522, generatedStates: 2451, depth: 34 });
  });

  it('reaches 11,725 states (8,574 within the constraint, the rest past it), each shown as its own value, alike in the layout (what the explorer and diffs read)', () => {
    const spec = boulangerSpec(SMALL);
    const states = exploreStateGraph(spec, 100_000).states;
    expect(states).toHaveLength(11725);
    const observe = wholeState(spec);
    for (const w of states) expect(observe(w)).toEqual(spec.display(w));
    expect(new Set(states.map((w) => fingerprintOf(spec.display(w)))).size).toBe(states.length);
  });

  it('shows the initial state field by field, in the layout too', () => {
    const spec = boulangerSpec(SMALL);
    const init = spec.init()[0]!;
    const expected = {
      num: [0, 0],
      flag: [false, false],
      pc: ['ncs', 'ncs'],
      unchecked: [new Set(), new Set()],
      max: [0, 0],
      nxt: [0, 0],
      previous: [-1, -1],
    };
    expect(spec.display(init)).toEqual(expected);
    expect(spec.layout!.decode(init)).toEqual(expected);
  });

  it('its invariants, on every state one field away from a reachable one: MutualExclusion and TypeOK as their definitions say, Inv inductive', () => {
    const spec = boulangerSpec(SMALL);
    const changes = fieldChanges(SMALL);
    const tally = new Map<string, number>();
    const states = reachableWithin(spec);
    const inRange = (k: number, min: number) => k >= min && k <= SMALL.maxNat;
    for (let k = 0; k < states.length; k += 5) {
      for (const change of changes) {
        const words = states[k]!.slice();
        change(words);
        const s = views.read(words);
        const verdict = verdicts(spec, words);
        const procs = [0, 1];
        expect(verdict, JSON.stringify(spec.display(words))).toEqual({
          MutualExclusion: procs.filter((p) => s.pc.get(p) === 'cs').length <= 1,
          TypeOK: procs.every(
            (p) => inRange(s.num.get(p), 0) && inRange(s.max.get(p), 0) && inRange(s.previous.get(p), -1),
          ),
          Inv: verdict.Inv!,
        });
        if (verdict.Inv) {
          expect(verdict.TypeOK).toBe(true);
          // Inv /\ Next => Inv' (for successors within TypeOK: e3 may take max + 1 past Nat).
          for (const next of successors(spec, words)) {
            const after = verdicts(spec, next);
            if (after.TypeOK) expect(after.Inv, JSON.stringify(spec.display(next))).toBe(true);
          }
        }
        for (const [name, holds] of Object.entries(verdict))
          tally.set(`${name}:${holds}`, (tally.get(`${name}:${holds}`) ?? 0) + 1);
      }
    }
    // Both verdicts occur for every property, so the comparisons have teeth.
    for (const name of ['MutualExclusion', 'TypeOK', 'Inv']) {
      expect(tally.get(`${name}:true`)).toBeGreaterThan(100);
      expect(tally.get(`${name}:false`)).toBeGreaterThan(100);
    }
  });

  it('reaches the critical section in the fewest steps through every label, saved and replayed', () => {
    const { probe, trace } = traceTo(boulangerSpec(SMALL), (s) => s.pc.get(0) === 'cs' || s.pc.get(1) === 'cs');
    expect(labelsOf(trace)).toEqual([
      'init',
      ['ncs', 0],
      ['e1', 0],
      ['e2', [0, 1]],
      ['e2Done', 0],
      ['e3', 0],
      ['e4', 0],
      ['w1Done', 0],
    ]);
    const saved = parseTrace(JSON.stringify(traceToJson(trace)), 'trace.json');
    expect(replayTrace(probe, saved).status).toBe('reproduced');
  });

  it('takes the shortest path to the exit, with number 1 waiting only on the lower process, shown as text, saved and replayed', () => {
    const { probe, trace } = traceTo(boulangerSpec(SMALL), (s) => s.pc.get(1) === 'exit');
    expect(renderTraceText(trace)).toBe(
      [
        'State 1 (initial)',
        '    num = [0, 0]',
        '    flag = [false, false]',
        '    pc = ["ncs", "ncs"]',
        '    unchecked = [{}, {}]',
        '    max = [0, 0]',
        '    nxt = [0, 0]',
        '    previous = [-1, -1]',
        'State 2 ← ncs(1)',
        '    pc[1]: "ncs" → "e1"',
        'State 3 ← e1(1)',
        '    flag[1]: false → true',
        '    pc[1]: "e1" → "e2"',
        '    unchecked[1]: + 0',
        'State 4 ← e2([1, 0])',
        '    unchecked[1]: − 0',
        'State 5 ← e2Done(1)',
        '    pc[1]: "e2" → "e3"',
        'State 6 ← e3(1)',
        '    num[1]: 0 → 1',
        '    pc[1]: "e3" → "e4"',
        'State 7 ← e4(1)',
        '    flag[1]: true → false',
        '    pc[1]: "e4" → "w1"',
        '    unchecked[1]: + 0',
        'State 8 ← w1([1, 0])',
        '    pc[1]: "w1" → "w2"',
        'State 9 ← w2(1)',
        '    pc[1]: "w2" → "cs"',
        '    unchecked[1]: − 0',
        'State 10 ← cs(1)',
        '    pc[1]: "cs" → "exit"',
      ].join('\n'),
    );
    const saved = parseTrace(JSON.stringify(traceToJson(trace)), 'trace.json');
    expect(replayTrace(probe, saved).status).toBe('reproduced');
  });

  it("has one action per PlusCal label and branch, Boulanger.tla's invariants, and 13 words for three processes", () => {
    const spec = boulanger.instantiate({ n: '2', maxNat: '3' });
    expect(spec.actions.map((a) => a.name)).toEqual([
      'ncs',
      'e1Flicker',
      'e1',
      'e2',
      'e2Done',
      'e3Flicker',
      'e3',
      'e4Flicker',
      'e4',
      'w1',
      'w1Done',
      'w2',
      'cs',
      'exitFlicker',
      'exit',
    ]);
    expect(spec.properties.map((p) => p.name)).toEqual(['MutualExclusion', 'TypeOK', 'Inv']);
    expect(boulangerLayout(3).size).toBe(13);
  });

  it('has one definition: packed and views are unknown settings', () => {
    for (const key of ['packed', 'views']) {
      expect(() => boulanger.instantiate({ [key]: 'true' })).toThrow(KripkeError);
      expect(() => boulanger.instantiate({ [key]: 'true' })).toThrow(
        new RegExp(`unknown configuration key '${key}'; available: n, maxNat`),
      );
    }
  });
});
