import { describe, expect, it } from 'vitest';
import { KripkeError } from '../errors.ts';
import {
  explainConsistency,
  type HistoryEvent,
  isLinearizable,
  isSequentiallyConsistent,
  keyValueMap,
  linearizable,
  linearize,
  type MapOp,
  type MapRet,
  register,
  type RegisterOp,
  type RegisterRet,
} from './index.ts';

type Event = HistoryEvent<RegisterOp<number>, RegisterRet<number>>;
const write = (client: string, value: number): Event => ({ kind: 'invoke', client, op: { kind: 'write', value } });
const read = (client: string): Event => ({ kind: 'invoke', client, op: { kind: 'read' } });
const wrote = (client: string): Event => ({ kind: 'return', client, ret: { kind: 'write-ok' } });
const got = (client: string, value: number): Event => ({ kind: 'return', client, ret: { kind: 'read-ok', value } });
const reg = register(0);

describe('linearizability and sequential consistency of a register (initially 0)', () => {
  it('a sequential history that follows the register is both', () => {
    const h = [write('c1', 1), wrote('c1'), read('c2'), got('c2', 1)];
    expect(isLinearizable(h, reg)).toBe(true);
    expect(isSequentiallyConsistent(h, reg)).toBe(true);
  });

  it('a stale read after the write returned is not linearizable, but is sequentially consistent', () => {
    const h = [write('c1', 1), wrote('c1'), read('c2'), got('c2', 0)];
    expect(isLinearizable(h, reg)).toBe(false);
    expect(isSequentiallyConsistent(h, reg)).toBe(true);
  });

  it('a read overlapping a write may see either value', () => {
    for (const seen of [0, 1]) {
      const h = [write('c1', 1), read('c2'), got('c2', seen), wrote('c1')];
      expect(isLinearizable(h, reg)).toBe(true);
    }
    expect(isLinearizable([write('c1', 1), read('c2'), got('c2', 2), wrote('c1')], reg)).toBe(false);
  });

  it('new-old inversion: two reads during one write, the later sees the older value', () => {
    const h = [write('w', 1), read('a'), got('a', 1), read('b'), got('b', 0), wrote('w')];
    expect(isLinearizable(h, reg)).toBe(false);
    expect(isSequentiallyConsistent(h, reg)).toBe(true);
  });

  it('a client that reads back an old value after its own write is neither', () => {
    const h = [write('c1', 1), wrote('c1'), read('c1'), got('c1', 0)];
    expect(isLinearizable(h, reg)).toBe(false);
    expect(isSequentiallyConsistent(h, reg)).toBe(false);
  });

  it('a pending write may or may not have taken effect', () => {
    expect(isLinearizable([write('c1', 1), read('c2'), got('c2', 1)], reg)).toBe(true);
    expect(isLinearizable([write('c1', 1), read('c2'), got('c2', 0)], reg)).toBe(true);
    expect(
      isLinearizable(
        [write('c1', 1), read('c2'), got('c2', 0), read('c3'), got('c3', 1), read('c2'), got('c2', 0)],
        reg,
      ),
    ).toBe(false);
  });

  it('returns the linearization: operations in the order they take effect', () => {
    const h = [write('c1', 1), read('c2'), write('c3', 2), got('c2', 2), wrote('c1'), wrote('c3')];
    expect(linearize(h, reg)?.map((o) => o.client)).toEqual(['c1', 'c3', 'c2']);
  });

  it('rejects a malformed history with a KripkeError', () => {
    expect(() => isLinearizable([got('c1', 0)], reg)).toThrow(KripkeError);
    expect(() => isLinearizable([read('c1'), read('c1')], reg)).toThrow(
      /client 'c1' invoked an operation at event 1 while another was pending/,
    );
  });
});

describe('a key-value map', () => {
  type E = HistoryEvent<MapOp<string, number>, MapRet<number>>;
  const kv = keyValueMap<string, number>();
  const put = (c: string, key: string, value: number): E[] => [
    { kind: 'invoke', client: c, op: { kind: 'put', key, value } },
    { kind: 'return', client: c, ret: { kind: 'put-ok' } },
  ];
  const get = (c: string, key: string, value: number | null): E[] => [
    { kind: 'invoke', client: c, op: { kind: 'get', key } },
    { kind: 'return', client: c, ret: { kind: 'get-ok', value } },
  ];
  it('keys are independent and absent keys read null', () => {
    expect(isLinearizable([...put('c1', 'x', 1), ...get('c2', 'y', null), ...get('c2', 'x', 1)], kv)).toBe(true);
    expect(isLinearizable([...put('c1', 'x', 1), ...get('c2', 'x', null)], kv)).toBe(false);
  });
});

describe('as a property', () => {
  interface S {
    readonly history: readonly Event[];
  }
  const property = linearizable<S, number, RegisterOp<number>, RegisterRet<number>>(
    'linearizable',
    (s) => s.history,
    reg,
  );
  it('is an always property over the state history', () => {
    expect(property.kind).toBe('always');
    expect(property.holds({ history: [write('c1', 1), wrote('c1'), read('c2'), got('c2', 1)] })).toBe(true);
    const bad = { history: [write('c1', 1), wrote('c1'), read('c2'), got('c2', 0)] };
    expect(property.holds(bad)).toBe(false);
    expect(property.holds(bad)).toBe(false); // cached
  });
  it('explains a violation with the offending history', () => {
    const text = explainConsistency([write('c1', 1), wrote('c1'), read('c2'), got('c2', 0)], reg);
    expect(text).toBe(
      [
        'history against a register — NOT linearizable (but sequentially consistent):',
        'c1: {"kind":"write","value":1} [0, 1] → {"kind":"write-ok"}',
        'c2: {"kind":"read"} [2, 3] → {"kind":"read-ok","value":0}',
      ].join('\n'),
    );
  });
});
