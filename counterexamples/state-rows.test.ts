import { describe, expect, it } from 'vitest';
import { diffStates } from './diff.ts';
import { type Row, stateRows } from './state-rows.ts';

const step = (before: unknown, after: unknown) => ({
  action: { index: 0, name: 'a', paramIndex: 0, param: undefined, label: 'a' },
  state: after,
  shown: after,
  changes: diffStates(before, after),
});
const text = (rows: Row[]) =>
  rows.map((r) => (r.kind === 'note' ? `(${r.text})` : `${r.changed ? '*' : ' '}${r.key} = ${r.value}`));

describe('rows of a state box', () => {
  it('lists messages added to and removed from a list as a multiset', () => {
    const rows = stateRows(step({ network: ['a', 'b', 'b'] }, { network: ['b', 'c', 'b', 'c'] }));
    expect(text(rows)).toEqual([
      ' network = ["b", "c", "b", "c"]',
      '*+ network = "c"',
      '*+ network = "c"',
      '*− network = "a"',
    ]);
  });

  it('expands a small record one entry per row, nested changes under their entry', () => {
    const node = (promised: number, ballot: number) => ({
      role: 'acceptor',
      promised,
      accepted: { ballot, value: 'v1' },
    });
    const rows = stateRows(
      step({ nodes: { a1: node(0, 0), a2: node(0, 0) } }, { nodes: { a1: node(0, 0), a2: node(2, 1) } }),
    );
    expect(text(rows)).toEqual([
      ' nodes.a1 = { role: "acceptor", promised: 0, accept…',
      ' nodes.a2 = { role: "acceptor", promised: 2, accept…',
      '*↳ nodes.a2.promised = 2',
      '*↳ nodes.a2.accepted.ballot = 1',
    ]);
  });

  it('shows only the changed fields of a big state, unless asked for all', () => {
    const before = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`f${i}`, i]));
    const after = { ...before, f3: 99 };
    expect(text(stateRows(step(before, after)))).toEqual(['*f3 = 99', '(… 13 unchanged fields not shown)']);
    expect(stateRows(step(before, after), { full: true })).toHaveLength(14);
  });

  it("keeps, in a big state, the unchanged fields the failing predicate read (a lasso's cycle start, the state before a step)", () => {
    const before = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`f${i}`, i]));
    const rows = stateRows(step(before, { ...before, f3: 99 }), { read: [['f7']] });
    expect(text(rows)).toEqual(['*f3 = 99', ' f7 = 7', '(… 12 unchanged fields not shown)']);
    expect(rows.find((r) => r.kind === 'field' && r.key === 'f7')).toMatchObject({ read: true });
  });
});
