/**
 * Views of packed states (`views.ts`, `define-packed.ts`): every field kind reads and writes as
 * its object counterpart would, received states and returned copies cannot be written, a wrong
 * return is named, and the parameter's position is only ever a guess.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../checker/index.ts';
import { definePackedSpec } from './define-packed.ts';
import { arrayOf, bitArrayOf, bool, int, oneOf, packedLayout, queueOf, record, setOf } from './packed.ts';
import { type StateViewOf, viewsOf } from './views.ts';

const nodes = ['n1', 'n2', 'n3'] as const;
const layout = packedLayout({
  phase: oneOf(['idle', 'busy', 'done']),
  round: int(),
  open: bool(),
  seen: setOf([...nodes]),
  inbox: queueOf(2, ['ping', 'pong']),
  votes: bitArrayOf([...nodes], oneOf(['none', 'yes', 'no'])),
  peers: arrayOf([...nodes], record({ alive: bool(), term: int() })),
  known: arrayOf([...nodes], setOf([...nodes])),
});
const views = viewsOf(layout);

describe('views of a packed state', () => {
  it('read and write every kind of field as records, Sets, Maps and arrays would', () => {
    const t = views.blank();
    t.phase = 'busy';
    t.round = 7;
    t.open = true;
    t.seen.add('n2').add('n3');
    t.seen.delete('n3');
    t.inbox.push('ping');
    t.inbox.push('pong');
    expect(t.inbox.shift()).toBe('ping');
    t.votes.set('n3', 'yes');
    t.peers.get('n2').alive = true;
    t.peers.get('n2').term = 4;
    t.known.get('n1').add('n3');
    expect(layout.decode(t.words)).toEqual({
      phase: 'busy',
      round: 7,
      open: true,
      seen: new Set(['n2']),
      inbox: ['pong'],
      votes: { n1: 'none', n2: 'none', n3: 'yes' },
      peers: { n1: { alive: false, term: 0 }, n2: { alive: true, term: 4 }, n3: { alive: false, term: 0 } },
      known: { n1: new Set(['n3']), n2: new Set(), n3: new Set() },
    });
    const s = views.read(t.words);
    expect([s.phase, s.round, s.open, s.seen.size, s.seen.has('n2'), s.inbox.length, s.inbox.at(0)]).toEqual([
      'busy',
      7,
      true,
      1,
      true,
      1,
      'pong',
    ]);
    expect([...s.seen]).toEqual(['n2']);
    expect([...s.inbox]).toEqual(['pong']);
    expect(nodes.map((n) => s.votes.get(n))).toEqual(['none', 'none', 'yes']);
    expect(s.peers.get('n2').term).toBe(4);
    expect([...s.known.get('n1')]).toEqual(['n3']);
  });

  it('copies without touching the original', () => {
    const s = views.read(views.blank().words);
    const t = s.copy();
    t.phase = 'done';
    t.seen.add('n1');
    expect([s.phase, s.seen.size, t.phase, t.seen.size]).toEqual(['idle', 0, 'done', 1]);
  });

  it('refuses to write a received state, naming the field', () => {
    const s = views.read(views.blank().words);
    expect(() => {
      (s as unknown as { phase: string }).phase = 'busy';
    }).toThrow("a state was written (field 'phase')");
    expect(() => (s.seen as unknown as { add(n: string): void }).add('n1')).toThrow(
      "a state was written (field 'seen')",
    );
    expect(() => {
      (s as unknown as { seen: unknown }).seen = new Set();
    }).toThrow("field 'seen' is written through its methods");
  });

  it('names a value outside its field', () => {
    const t = views.blank();
    expect(() => {
      (t as unknown as { phase: string }).phase = 'asleep';
    }).toThrow("packed field 'phase': asleep is not one of idle, busy, done");
    expect(() => t.votes.get('n9' as 'n1')).toThrow("packed field 'votes': no element for key n9");
  });
});

describe('a spec written against views', () => {
  const counter = packedLayout({ count: int(), flags: setOf([...nodes]) });
  type Counter = StateViewOf<typeof counter>;
  /** A spec of one action, `bump`, from the blank state. */
  const bumping = (next: (s: Counter) => Counter | undefined) =>
    definePackedSpec(counter, { name: 'bumping', init: (blank) => [blank()], actions: { bump: { next } } });

  it('is stopped when an action writes the state it received, naming the action and field', () => {
    const result = check(
      bumping((s) => {
        (s as unknown as { count: number }).count = 1;
        return s;
      }),
    );
    expect(result.status).toBe('error');
    expect(result.status === 'error' && result.error.message).toMatch(/bump.*field 'count'/s);
  });

  it('is stopped when an action returns something other than a view, naming the action', () => {
    const result = check(bumping((s) => s.words.slice() as never));
    expect(result.status === 'error' && result.error.message).toMatch(
      /action 'bump' returned an array, not a state of the layout/,
    );
  });

  it('treats the parameter position as a guess: other keys read their own element', () => {
    // Each node sets the flag of the next one: the key is never the parameter itself.
    const spec = definePackedSpec(counter, {
      name: 'ring',
      init: (blank) => [blank()],
      actions: {
        mark: {
          params: [...nodes],
          next: (s, _n, i) => {
            const next = nodes[(i + 1) % nodes.length]!;
            if (s.flags.has(next)) return undefined;
            const t = s.copy();
            t.flags.add(next);
            return t;
          },
        },
      },
      checkDeadlock: false,
    });
    const [init] = spec.init();
    const mark = spec.actions[0]!;
    expect(counter.decode(mark.next(init!, 'n1', 0)!)).toEqual({ count: 0, flags: new Set(['n2']) });
    expect(counter.decode(mark.next(init!, 'n3', 2)!)).toEqual({ count: 0, flags: new Set(['n1']) });
    const result = check(spec);
    // Every subset of the three flags, each one mark from the last: 8 states, depth 4.
    expect([result.status, result.stats.distinctStates, result.stats.depth]).toEqual(['pass', 8, 4]);
  });
});
