/**
 * States moved between threads keep the meaning of their interned records: after a structured
 * clone (what postMessage does) the receiver's states hold its own interned objects again, with
 * Set order and every other value unchanged.
 */
import { describe, expect, it } from 'vitest';
import { interned } from '../../spec/interned.ts';
import { fingerprintOf } from '../fingerprint/index.ts';
import { packStates, unpackStates } from './transport.ts';

const msg = interned((from: string, ballot: number) => ({ type: 'prepare', from, ballot }));
const wrap = interned((inner: ReturnType<typeof msg>) => ({ type: 'forward', inner }));

describe('states crossing a thread', () => {
  it('come back holding the interned objects, nested ones included, in the same order', () => {
    const states = [
      { msgs: new Set([msg('p1', 2), msg('p1', 1)]), last: wrap(msg('p1', 1)), log: [msg('p2', 3), { note: 'plain' }] },
      { msgs: new Set([msg('p2', 3)]), byBallot: new Map([[1, msg('p1', 1)]]), last: null },
    ];
    const received = unpackStates(structuredClone(packStates(states)));
    expect(received.map(fingerprintOf)).toEqual(states.map(fingerprintOf));
    const [first, second] = received as typeof states;
    expect([...first!.msgs]).toEqual([msg('p1', 2), msg('p1', 1)]);
    expect(first!.msgs.has(msg('p1', 1))).toBe(true);
    expect(first!.last).toBe(wrap(msg('p1', 1)));
    expect(first!.log![0]).toBe(msg('p2', 3));
    expect(second!.byBallot!.get(1)).toBe(msg('p1', 1));
  });
});
