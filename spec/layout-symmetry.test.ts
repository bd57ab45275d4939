import { describe, expect, it } from 'vitest';
import { KripkeError } from './errors.ts';
import { layoutPermutations } from './layout-symmetry.ts';
import { arrayOf, bitArrayOf, int, oneOf, packedLayout, queueOf, record, setOf } from './packed.ts';

const NODES = ['n1', 'n2', 'n3'];
const layout = packedLayout({
  load: arrayOf(NODES, int()),
  mode: bitArrayOf(NODES, oneOf(['idle', 'busy'])),
  leader: oneOf(['none', ...NODES]),
  acks: setOf(NODES.map((n) => `ack:${n}`)),
  peers: arrayOf(NODES, record({ next: oneOf(NODES), votes: setOf(NODES) })),
});
const { load, mode, leader, acks, peers } = layout.fields;

function errorOf(f: () => unknown): KripkeError {
  try {
    f();
  } catch (e) {
    if (e instanceof KripkeError) return e;
    throw e;
  }
  throw new Error('expected a KripkeError');
}

describe('symmetry over a packed layout (layoutPermutations)', () => {
  const symmetry = layoutPermutations(layout, { nodes: NODES });

  it('gives states that differ by a renaming of ids one representative, and others different ones', () => {
    const s = layout.blank();
    load.at('n1').set(s, 5);
    mode.at('n1').set(s, 'busy');
    leader.set(s, 'n1');
    acks.add(s, 'ack:n1');
    // a ring n1 → n2 → n3 → n1
    peers.at('n1').fields.next.set(s, 'n2');
    peers.at('n2').fields.next.set(s, 'n3');
    peers.at('n3').fields.next.set(s, 'n1');
    peers.at('n2').fields.votes.add(s, 'n1');
    // the same state with n1 and n3 swapped, and n2 kept
    const t = layout.blank();
    load.at('n3').set(t, 5);
    mode.at('n3').set(t, 'busy');
    leader.set(t, 'n3');
    acks.add(t, 'ack:n3');
    peers.at('n3').fields.next.set(t, 'n2');
    peers.at('n2').fields.next.set(t, 'n1');
    peers.at('n1').fields.next.set(t, 'n3');
    peers.at('n2').fields.votes.add(t, 'n3');
    expect(symmetry.representative(t)).toEqual(symmetry.representative(s));
    // n2 votes for n3 instead of n1: no renaming takes one to the other (n1 is the busy leader)
    const u = s.slice();
    peers.at('n2').fields.votes.delete(u, 'n1');
    peers.at('n2').fields.votes.add(u, 'n3');
    expect(symmetry.representative(u)).not.toEqual(symmetry.representative(s));
    // the representative is an image of the state: the same multiset of loads, modes and leader count
    const r = symmetry.representative(s);
    expect(NODES.map((n) => load.at(n).get(r)).sort()).toEqual([0, 0, 5]);
    expect(leader.get(r)).not.toBe('none');
    expect(acks.has(r, `ack:${leader.get(r)}`)).toBe(true);
  });

  it('refuses renamings that leave a field, too many ids, and queues whose empty slot would be renamed', () => {
    const partial = packedLayout({ at: oneOf(['n1', 'n2']) });
    expect(errorOf(() => layoutPermutations(partial, { nodes: NODES })).message).toBe(
      "symmetry: renaming ids turns a value of field 'at' into n3, which is not among its values",
    );
    const many = Array.from({ length: 9 }, (_, i) => `p${i}`);
    expect(errorOf(() => layoutPermutations(packedLayout({ x: setOf(many) }), { many })).message).toMatch(
      /tries every renaming, and these groups have 362880; at most 40320/,
    );
    const channel = packedLayout({ inbox: queueOf(2, ['n1', 'n2', 'n3']) });
    expect(errorOf(() => layoutPermutations(channel, { nodes: NODES })).where).toEqual({ field: 'inbox' });
    const fine = packedLayout({ inbox: queueOf(2, ['none', 'n1', 'n2', 'n3']) });
    const s = fine.blank();
    fine.fields.inbox.push(s, 'n2');
    const r = layoutPermutations(fine, { nodes: NODES }).representative(s);
    expect(fine.decode(r)).toEqual({ inbox: ['n1'] });
  });
});
