import { describe, expect, it } from 'vitest';
import { defineSpec } from '../spec/define.ts';
import { diffStates, formatChangePath } from './diff.ts';
import { renderTraceText } from './text.ts';
import { buildTrace } from './trace.ts';

interface S {
  tm: string;
  rm: Record<string, string>;
  msgs: Set<string>;
  log: number[];
}
const spec = defineSpec({
  name: 'mini-commit',
  init: (): S[] => [{ tm: 'init', rm: { r1: 'working', r2: 'working' }, msgs: new Set(), log: [0] }],
  actions: {
    prepare: {
      params: ['r1', 'r2'],
      next: (s, r) =>
        s.rm[r] !== 'working'
          ? undefined
          : { ...s, rm: { ...s.rm, [r]: 'prepared' }, msgs: new Set([...s.msgs, `prepared:${r}`]) },
    },
    commit: { next: (s) => (s.tm !== 'init' ? undefined : { ...s, tm: 'committed', log: [0, 1] }) },
  },
});

describe('text traces', () => {
  it('rebuilds a trace by replay and names nested changes', () => {
    const trace = buildTrace(spec, {
      init: 0,
      steps: [
        { action: 0, param: 1 },
        { action: 1, param: 0 },
      ],
    });
    expect(trace.steps.map((s) => s.action?.label)).toEqual([undefined, 'prepare("r2")', 'commit']);
    expect(trace.steps[1]!.changes.map((c) => formatChangePath(c.path))).toEqual(['rm.r2', 'msgs']);
    expect(trace.steps[2]!.changes.map((c) => formatChangePath(c.path))).toEqual(['tm', 'log']);
  });

  it('prints the initial state in full and each step as its changes', () => {
    const trace = buildTrace(spec, {
      init: 0,
      steps: [
        { action: 0, param: 1 },
        { action: 1, param: 0 },
      ],
    });
    expect(renderTraceText(trace)).toBe(
      [
        'State 1 (initial)',
        '    tm = "init"',
        '    rm = { r1: "working", r2: "working" }',
        '    msgs = {}',
        '    log = [0]',
        'State 2 ← prepare("r2")',
        '    rm.r2: "working" → "prepared"',
        '    msgs: + "prepared:r2"',
        'State 3 ← commit',
        '    tm: "init" → "committed"',
        '    log: + 1',
      ].join('\n'),
    );
  });

  it('reads actor steps and networks as messages', () => {
    interface Net {
      network: { from: string; to: string; msg: { type: string; ballot: number } }[];
      promised: number;
    }
    const actors = defineSpec({
      name: 'actors',
      init: (): Net[] => [{ network: [{ from: 'p1', to: 'a1', msg: { type: 'prepare', ballot: 1 } }], promised: 0 }],
      actions: {
        Deliver: {
          params: (s: Net) => s.network,
          next: (_s, env) => ({
            promised: env.msg.ballot,
            network: [{ from: env.to, to: env.from, msg: { type: 'promise', ballot: env.msg.ballot } }],
          }),
        },
      },
    });
    const text = renderTraceText(buildTrace(actors, { init: 0, steps: [{ action: 0, param: 0 }] }));
    expect(text.split('\n').slice(3)).toEqual([
      'State 2 ← Deliver p1→a1: prepare(1)',
      '    network: + a1→p1: promise(1)  − p1→a1: prepare(1)',
      '    promised: 0 → 1',
    ]);
  });

  it('highlights changes with ANSI colours when asked', () => {
    const trace = buildTrace(spec, { init: 0, steps: [{ action: 1, param: 0 }] });
    const text = renderTraceText(trace, { color: true });
    expect(text).toContain('\u001b[33mtm\u001b[39m');
    expect(text).toContain('\u001b[36mcommit\u001b[39m');
  });

  it('marks a lasso that ends by stuttering in its last state', () => {
    const trace = { ...buildTrace(spec, { init: 0, steps: [{ action: 1, param: 0 }] }), loop: 1 };
    const text = renderTraceText(trace);
    expect(text).toContain('State 2 ← commit  ◀ stays here forever');
    expect(text.split('\n').at(-1)).toBe(
      '  ↺ state 2 repeats forever: the system stutters there (it takes no further step)',
    );
  });

  it('marks where a lasso loops back', () => {
    const trace = { ...buildTrace(spec, { init: 0, steps: [{ action: 1, param: 0 }] }), loop: 0 };
    const text = renderTraceText(trace);
    expect(text).toContain('State 1 (initial)  ◀ the cycle starts here');
    expect(text.split('\n').at(-1)).toBe(
      '  ↺ the step into state 2 loops back: state 2 is state 1 again, and states 1–2 repeat forever',
    );
  });

  it('names the first step of a trace that does not replay', () => {
    expect(() =>
      buildTrace(spec, {
        init: 0,
        steps: [
          { action: 1, param: 0 },
          { action: 1, param: 0 },
        ],
      }),
    ).toThrow("step 2: action 'commit' with parameter #0 is not enabled in the state before it");
    expect(() => buildTrace(spec, { init: 3, steps: [] })).toThrow(
      "the trace starts at initial state #3, but 'mini-commit' has 1",
    );
  });

  it('ignores key order and Set order when diffing', () => {
    expect(diffStates({ a: 1, s: new Set([1, 2]) }, { s: new Set([2, 1]), a: 1 })).toEqual([]);
    expect(diffStates(new Map([['k', { x: 1 }]]), new Map([['k', { x: 2 }]]))).toEqual([
      { path: ['k', 'x'], before: 1, after: 2 },
    ]);
    // an edited log entry is named; a replaced one is not descended into
    expect(diffStates([{ term: 1, v: 'a' }], [{ term: 2, v: 'a' }])).toEqual([
      { path: [0, 'term'], before: 1, after: 2 },
    ]);
    expect(diffStates([{ term: 1, v: 'a' }], [{ term: 2, v: 'b' }])).toEqual([
      { path: [], before: [{ term: 1, v: 'a' }], after: [{ term: 2, v: 'b' }] },
    ]);
  });
});
