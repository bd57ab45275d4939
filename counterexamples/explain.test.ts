import { describe, expect, it } from 'vitest';
import { defineSpec } from '../spec/define.ts';
import {
  linearizable,
  register,
  type HistoryEvent,
  type RegisterOp,
  type RegisterRet,
} from '../spec/semantics/index.ts';
import { check } from '../checker/check.ts';
import { explainViolation } from './explain.ts';
import { buildTrace } from './trace.ts';

type Event = HistoryEvent<RegisterOp<number>, RegisterRet<number>>;
const script: Event[] = [
  { kind: 'invoke', client: 'c1', op: { kind: 'write', value: 1 } },
  { kind: 'return', client: 'c1', ret: { kind: 'write-ok' } },
  { kind: 'invoke', client: 'c2', op: { kind: 'read' } },
  { kind: 'return', client: 'c2', ret: { kind: 'read-ok', value: 0 } },
];

/** A history growing one event per step: the last read sees a stale value. */
const stale = defineSpec({
  name: 'stale-read',
  init: () => [{ history: [] as Event[] }],
  actions: {
    record: {
      next: (s) =>
        s.history.length < script.length ? { history: [...s.history, script[s.history.length]!] } : undefined,
    },
  },
  terminal: (s) => s.history.length === script.length,
  properties: [linearizable('linearizable', (s: { history: Event[] }) => s.history, register(0))],
});

describe('explaining a violation', () => {
  it('prints the offending history of a consistency property', () => {
    const result = check(stale);
    expect(result.status).toBe('violation');
    if (result.status !== 'violation') return;
    const trace = buildTrace(stale, result.violations[0]!.path!, { property: 'linearizable' });
    expect(explainViolation(stale, trace)).toBe(
      [
        'history against a register — NOT linearizable (but sequentially consistent):',
        'c1: {"kind":"write","value":1} [0, 1] → {"kind":"write-ok"}',
        'c2: {"kind":"read"} [2, 3] → {"kind":"read-ok","value":0}',
      ].join('\n'),
    );
  });

  it('says nothing for a property without an explanation', () => {
    const plain = defineSpec({
      name: 'plain',
      init: () => [{ n: 0 }],
      actions: {},
      properties: ({ always }) => [always('zero', (s) => s.n === 1)],
    });
    const result = check(plain);
    if (result.status !== 'violation') throw new Error('expected a violation');
    expect(
      explainViolation(plain, buildTrace(plain, result.violations[0]!.path!, { property: 'zero' })),
    ).toBeUndefined();
  });
});
