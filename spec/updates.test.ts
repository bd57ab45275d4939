/** Copy-on-write helpers and interned values: new values share what they do not change, inputs stay untouched. */
import { describe, expect, it } from 'vitest';
import { interned } from './interned.ts';
import { withEntry, withMember, withoutMember } from './updates.ts';

describe('copy-on-write updates', () => {
  it('withEntry copies the record, changes one key and keeps the others by identity', () => {
    const inner = { deep: [1] };
    const record: { readonly a: number; readonly b: typeof inner } = Object.freeze({ a: 1, b: inner });
    const updated = withEntry(record, 'a', 2);
    expect(updated).toEqual({ a: 2, b: inner });
    expect(updated.b).toBe(inner);
    expect(record).toEqual({ a: 1, b: inner });
  });

  it('withMember and withoutMember return the same set when nothing changes, else a copy', () => {
    const set: ReadonlySet<string> = new Set(['x', 'y']);
    expect(withMember(set, 'x')).toBe(set);
    expect(withoutMember(set, 'z')).toBe(set);
    expect([...withMember(set, 'z')]).toEqual(['x', 'y', 'z']);
    expect([...withoutMember(set, 'x')]).toEqual(['y']);
    expect([...set]).toEqual(['x', 'y']);
  });
});

describe('interned', () => {
  const vote = interned((acceptor: string, ballot: number, granted: boolean) => ({
    type: 'vote',
    acceptor,
    ballot,
    granted,
  }));

  it('gives one frozen object per distinct argument list', () => {
    expect(vote('a1', 2, true)).toBe(vote('a1', 2, true));
    expect(vote('a1', 2, true)).not.toBe(vote('a1', 2, false));
    expect(vote('a1', 2, true)).not.toBe(vote('a2', 2, true));
    expect(vote('a1', 2, true)).toEqual({ type: 'vote', acceptor: 'a1', ballot: 2, granted: true });
    expect(Object.isFrozen(vote('a1', 2, true))).toBe(true);
  });

  it('lets a Set of records answer by value', () => {
    const sent = new Set([vote('a1', 1, true)]);
    expect(sent.has(vote('a1', 1, true))).toBe(true);
    expect(sent.has(vote('a1', 1, false))).toBe(false);
  });

  it('keeps numbers and their strings apart', () => {
    const tagged = interned((x: string | number) => ({ x }));
    expect(tagged(1)).not.toBe(tagged('1'));
  });
});
