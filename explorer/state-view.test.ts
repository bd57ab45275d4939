import { describe, expect, it } from 'vitest';
import type { ValueNode } from './api-types.ts';
import { stateView } from './state-view.ts';
import { PAXOS_BUG, PAXOS_KEY, sessionsFor, THROWING_KEY } from './test-helpers.ts';

const find = (node: ValueNode, path: string): ValueNode | undefined =>
  node.path === path ? node : node.children?.map((c) => find(c, path)).find(Boolean);

describe('the state view', () => {
  it('shows the paxos counterexample step by step: state, changes, actions, properties, pictures', async () => {
    const session = await (await sessionsFor(PAXOS_KEY)).get(PAXOS_KEY);
    const view = stateView(session, {
      key: PAXOS_KEY,
      path: PAXOS_BUG,
      line: { path: PAXOS_BUG, property: 'agreement' },
    });
    expect(view.steps).toHaveLength(17);
    expect(view.steps.map((s) => s.label).slice(14)).toEqual([
      'Crash a2',
      'Recover a2',
      'Deliver p1→a2: accept(1, v1)',
    ]);
    expect(Object.fromEntries(view.properties.map((p) => [p.name, p.state]))).toEqual({
      agreement: 'fails',
      validity: 'holds',
    });
    const promised = find(view.state, 'nodes.a2.promised')!;
    expect([promised.text, promised.change, promised.before]).toEqual(['1', 'changed', '0']);
    expect(find(view.state, 'nodes.a2')!.change).toBe('inside');
    expect(find(view.state, 'nodes.a1')!.change).toBeUndefined();
    expect(view.actions.map((g) => [g.name, g.choices.length, g.choices.filter((c) => c.enabled).length])).toEqual([
      ['Deliver', 20, 20],
      ['Timeout', 0, 0],
      ['Crash', 3, 0],
      ['Recover', 0, 0],
    ]);
    // The network keeps delivered messages (it duplicates): delivering most of them again changes nothing.
    expect(view.actions[0]!.choices.filter((c) => c.noChange)).toHaveLength(17);
    expect(view.processes!.ids).toEqual(['p1', 'p2', 'a1', 'a2', 'a3']);
    expect(view.processes!.rows.find((r) => r.field === 'promised')!.cells[3]).toEqual({
      text: '1',
      changed: true,
      before: '0',
    });
    expect(view.traceDot).toContain('State 17');
    expect(view.traceDot).toContain('violates agreement');
    expect(view.sequenceSvg).toContain('accept(1, v1)');
    expect(view.line?.steps).toHaveLength(17);
    expect(view.neighbourhood.predecessors).toBe(1);
    expect(view.neighbourhood.successors).toBe(3);
    expect(view.neighbourhood.targets.p0).toBe(PAXOS_BUG.split('/').slice(0, -1).join('/'));
    expect(view.neighbourhood.dot).toContain('State 16 on this trace');
  });

  it('at the state before the crash, names the invariant a step would break', async () => {
    const session = await (await sessionsFor(PAXOS_KEY)).get(PAXOS_KEY);
    const before = PAXOS_BUG.split('/').slice(0, -1).join('/');
    const view = stateView(session, { key: PAXOS_KEY, path: before });
    expect(view.properties.find((p) => p.name === 'agreement')!.state).toBe('holds');
    const breaking = view.actions.flatMap((g) => g.choices).filter((c) => c.violates.includes('agreement'));
    expect(breaking.map((c) => c.label)).toEqual(['p1→a2: accept(1, v1)']);
    expect(breaking[0]!.target).toBe(PAXOS_BUG);
  });

  it('shows a model that throws at a step as the state before it, with the error', async () => {
    const session = await (await sessionsFor(THROWING_KEY)).get(THROWING_KEY);
    const view = stateView(session, { key: THROWING_KEY, path: '0/0:0/0:0/0:0/1:0' });
    expect(view.path).toBe('0/0:0/0:0');
    expect(view.error).toEqual({
      step: 3,
      code: 'action-threw',
      message: "action 'increment' threw: the counter cannot pass 2",
    });
    expect(view.actions.find((g) => g.name === 'increment')!.error).toBe(
      "action 'increment' threw: the counter cannot pass 2",
    );
    expect(view.actions.find((g) => g.name === 'reset')!.choices.map((c) => c.target)).toEqual(['0/0:0/0:0/1:0']);
    expect(view.end).toBeUndefined();
  });

  it('rejects paths that do not fit the model, naming the step', async () => {
    const session = await (await sessionsFor(PAXOS_KEY)).get(PAXOS_KEY);
    const view = (path: string) => () => stateView(session, { key: PAXOS_KEY, path });
    expect(view('3')).toThrow("the path starts at initial state #3, but 'paxos' has 1");
    expect(view('0/1:0/9:0')).toThrow("step 2 of 0/1:0/9:0: action #9 does not exist ('paxos' has 4 actions)");
    expect(view('0/1:0/1:5')).toThrow(
      "step 2 of 0/1:0/1:5: action 'Timeout' with parameter #5 is not enabled in the state before it",
    );
    expect(view('0/x')).toThrow("not a path: '0/x'");
    expect(() => stateView(session, { key: PAXOS_KEY, path: '0', line: { path: '0/1:0', loop: 5 } })).toThrow(
      "loop 5 is outside the trace's 2 states",
    );
  });

  it('marks a deadlock and a terminal state', async () => {
    const session = await (await sessionsFor(THROWING_KEY)).get(THROWING_KEY);
    expect(stateView(session, { key: THROWING_KEY, path: '1' }).end).toBe('deadlock');
    const terminal = stateView(session, { key: THROWING_KEY, path: '0/2:0/0:0' });
    expect([terminal.end, terminal.steps.map((s) => s.label)]).toEqual([
      'terminal',
      ['initial state', 'jump', 'increment'],
    ]);
    expect(terminal.properties).toEqual([
      { name: 'small', kind: 'always', state: 'fails', detail: 'fails in this state' },
    ]);
    expect(stateView(session, { key: THROWING_KEY, path: '0/0:0' }).end).toBeUndefined();
  });
});
