import { describe, expect, it } from 'vitest';
import { check } from '../../checker/index.ts';
import { buildTrace } from '../../counterexamples/trace.ts';
import { KripkeError } from '../errors.ts';
import { actorEvent, defineActorSpec, twoWaySplits } from './index.ts';
import type { Behaviour, NetworkSemantics, SystemState } from './index.ts';

/** `a` sends 1 and 2 to `b`, which records what arrives, in order. */
interface Local {
  readonly got: readonly number[];
}
const sender: Behaviour<Local, number> = {
  onStart: () => ({
    state: { got: [] },
    send: [
      { to: 'b', msg: 1 },
      { to: 'b', msg: 2 },
    ],
  }),
  onMessage: () => undefined,
};
const recorder = (asSet: boolean): Behaviour<Local, number> => ({
  onStart: () => ({ state: { got: [] } }),
  onMessage: (s, { msg }) => ({ state: { got: asSet ? [...new Set([...s.got, msg])].sort() : [...s.got, msg] } }),
});

function twoMessages(network: NetworkSemantics, maxDuplicates = 0) {
  return defineActorSpec<Local, number>({
    name: 'two-messages',
    actors: { a: sender, b: recorder(network.kind === 'duplicating') },
    network,
    bounds: { maxDuplicates },
    properties: ({ sometimes }) => [sometimes('out of order', (s) => s.nodes.b?.got[0] === 2)],
  });
}

const distinct = (spec: ReturnType<typeof twoMessages>) => {
  const bfs = check(spec, { strict: true });
  const dfs = check(spec, { engine: 'dfs' });
  expect(dfs.stats.distinctStates).toBe(bfs.stats.distinctStates);
  return bfs.stats.distinctStates;
};

describe('network semantics', () => {
  it('unordered: either message first (5 states)', () => {
    expect(distinct(twoMessages({ kind: 'unordered' }))).toBe(5);
  });
  it('fifo: only in send order (3 states), so the second cannot overtake the first', () => {
    const result = check(twoMessages({ kind: 'fifo' }));
    expect(result.stats.distinctStates).toBe(3);
    expect(result.status).toBe('violation'); // the `sometimes` is unreachable
  });
  it('duplicating: delivery keeps the message in flight; the receiver sees sets {}, {1}, {2}, {1,2}', () => {
    expect(distinct(twoMessages({ kind: 'duplicating' }))).toBe(4);
  });
  it('lossy unordered: each message delivered, dropped or in flight (10 states)', () => {
    expect(distinct(twoMessages({ kind: 'unordered', lossy: true }))).toBe(10);
  });
  it('Duplicate copies a message in flight, within its bound', () => {
    const unordered = twoMessages({ kind: 'unordered' }, 1);
    expect(unordered.actions.map((a) => a.name)).toEqual(['Deliver', 'Duplicate']);
    // 5 without a copy, plus every prefix of every order of {1,1,2} and of {1,2,2}: 9 + 9
    expect(distinct(unordered)).toBe(23);
    // fifo appends the copy to its link: [] [1] [1,2] | copy 1 first: 4 more | copy 2 after [1]: 3 more
    expect(distinct(twoMessages({ kind: 'fifo' }, 1))).toBe(10);
  });
});

describe('obsolete messages', () => {
  // b keeps only the highest number it has seen, so a lower one in flight can never change it.
  const highest: Behaviour<Local, number> = {
    onStart: () => ({ state: { got: [] } }),
    onMessage: (s, { msg }) => (msg > (s.got[0] ?? 0) ? { state: { got: [msg] } } : undefined),
    obsolete: (s, { msg }) => msg <= (s.got[0] ?? 0),
  };
  const system = (b: Behaviour<Local, number>) =>
    defineActorSpec<Local, number>({ name: 'highest', actors: { a: sender, b }, network: { kind: 'unordered' } });
  const spec = system(highest);
  it('are discarded as soon as the receiver would ignore them: 3 states instead of 4', () => {
    expect(distinct(spec as ReturnType<typeof twoMessages>)).toBe(3); // 1 in flight after 2 arrived is gone
    expect(distinct(system({ ...highest, obsolete: undefined }) as ReturnType<typeof twoMessages>)).toBe(4);
    const two = spec.actions[0]!.next(spec.init()[0]!, { from: 'a', to: 'b', msg: 2 });
    expect(two?.network).toEqual([]); // 1 went with the delivery of 2
  });
});

/** A node that counts its ticks; `kept` is durable, `ticks` volatile. */
interface Ticker {
  readonly ticks: number;
  readonly kept: number;
}
const ticker: Behaviour<Ticker, never> = {
  onStart: () => ({ state: { ticks: 0, kept: 0 }, setTimers: ['tick'] }),
  onMessage: () => undefined,
  onTimeout: (s) => ({ state: { ticks: s.ticks + 1, kept: s.kept + 1 }, setTimers: ['tick'] }),
  durable: ['kept'],
};

describe('timers and faults', () => {
  it('Timeout fires armed timers up to the bound', () => {
    const spec = defineActorSpec({
      name: 'ticker',
      actors: { t: ticker },
      network: { kind: 'unordered' },
      bounds: { maxTimeouts: 3 },
    });
    expect(check(spec, { strict: true }).stats.distinctStates).toBe(4);
  });
  it('crash-recover keeps durable fields and resets volatile ones', () => {
    const spec = defineActorSpec({
      name: 'ticker',
      actors: { t: ticker },
      network: { kind: 'unordered' },
      faults: { crash: 'recover' },
      bounds: { maxTimeouts: 1, maxCrashes: 1 },
      properties: ({ sometimes }) => [
        sometimes(
          'recovered with kept state',
          (s) => s.down.length === 0 && s.spent.crashes === 1 && s.nodes.t!.kept === 1,
        ),
      ],
    });
    const result = check(spec, { strict: true });
    expect(result.status).toBe('pass');
    const example = result.examples[0]!;
    const trace = buildTrace(spec, example.path!);
    expect(trace.steps.map((s) => s.action?.label ?? 'init')).toEqual([
      'init',
      'Timeout({ node: "t", timer: "tick" })',
      'Crash({ node: "t" })',
      'Recover({ node: "t" })',
    ]);
    expect(trace.steps[2]!.state.nodes.t).toEqual({ ticks: 0, kept: 1 });
    expect(trace.steps[3]!.state.timers.t).toEqual(['tick']);
  });
  it('crash-stop has no Recover', () => {
    const spec = defineActorSpec({
      name: 'ticker',
      actors: { t: ticker },
      network: { kind: 'unordered' },
      faults: { crash: 'stop' },
      bounds: { maxCrashes: 1 },
    });
    expect(spec.actions.map((a) => a.name)).toEqual(['Deliver', 'Timeout', 'Crash']);
  });
  it('a partition holds messages across it until Heal', () => {
    const spec = defineActorSpec<Local, number>({
      name: 'split',
      actors: { a: sender, b: recorder(false) },
      network: { kind: 'fifo' },
      faults: { partitions: true },
      bounds: { maxPartitions: 1 },
      properties: ({ always }) => [
        always('nothing arrives while split', (s) => s.partition.length === 0 || s.nodes.b!.got.length === 0),
      ],
    });
    const result = check(spec, { strict: true });
    expect(result.status).toBe('violation'); // delivered before the split, then split
    expect(twoWaySplits(['a', 'b', 'c'])).toEqual([
      [['a'], ['b', 'c']],
      [['a', 'b'], ['c']],
      [['a', 'c'], ['b']],
    ]);
  });
});

describe('traces', () => {
  it('name actor events with sender, receiver and message', () => {
    const spec = twoMessages({ kind: 'unordered' });
    const result = check(spec);
    const trace = buildTrace(spec, result.examples[0]!.path!);
    const events = trace.steps.slice(1).map((s) => actorEvent({ action: s.action!.name, param: s.action!.param }));
    expect(events).toEqual([{ kind: 'Deliver', from: 'a', to: 'b', msg: 2 }]);
  });
  it('reject a send to an unknown actor, naming the sender', () => {
    const bad: Behaviour<Local, number> = {
      onStart: () => ({ state: { got: [] }, send: [{ to: 'zz', msg: 1 }] }),
      onMessage: () => undefined,
    };
    expect(() => defineActorSpec({ name: 'bad', actors: { a: bad }, network: { kind: 'unordered' } }).init()).toThrow(
      /actor 'a' sent a message to unknown actor 'zz'; actors: a/,
    );
    expect(() => defineActorSpec({ name: 'bad', actors: { a: bad }, network: { kind: 'lossy' as never } })).toThrow(
      KripkeError,
    );
  });
  it('keep the network canonical: the same messages in flight are the same state', () => {
    const s = twoMessages({ kind: 'unordered' }).init()[0] as SystemState<Local, number>;
    expect(s.network.map((e) => e.msg)).toEqual([1, 2]);
  });
});
