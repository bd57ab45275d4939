import { describe, expect, it } from 'vitest';
import { defineSpec } from './define.ts';
import { KripkeError } from './errors.ts';
import { arrayOf, bitArrayOf, bool, int, oneOf, packedLayout, queueOf, record, setOf } from './packed.ts';

const PROCS = [0, 1, 2] as const;
const layout = packedLayout({
  phase: oneOf(['idle', 'waiting', 'critical']),
  clock: int(),
  done: bool(),
  // 65 members: three words of 30 bits
  seen: setOf(Array.from({ length: 65 }, (_, i) => `m${i}`)),
  inbox: queueOf(3, ['ping', 'pong']),
  procs: arrayOf(PROCS, record({ pc: oneOf(['a', 'b']), acks: setOf(PROCS) })),
});
const { phase, clock, done, seen, inbox, procs } = layout.fields;

function errorOf(f: () => unknown): KripkeError {
  try {
    f();
  } catch (e) {
    if (e instanceof KripkeError) return e;
    throw e;
  }
  throw new Error('expected a KripkeError');
}

describe('packed layouts', () => {
  it("lays fields out one after another and starts blank at each field's zero", () => {
    // phase, clock, done: 3; seen: 3 words; inbox: 1 (2 bits of length, 3 × 1 bit); procs: 3 × (1 + 1)
    expect(layout.size).toBe(3 + 3 + 1 + 6);
    const s = layout.blank();
    expect(s).toEqual(new Array(13).fill(0));
    expect(layout.decode(s)).toEqual({
      phase: 'idle',
      clock: 0,
      done: false,
      seen: new Set(),
      inbox: [],
      procs: [
        { pc: 'a', acks: new Set() },
        { pc: 'a', acks: new Set() },
        { pc: 'a', acks: new Set() },
      ],
    });
  });

  it('reads back what was written, field by field', () => {
    const s = layout.blank();
    phase.set(s, 'critical');
    clock.set(s, -7);
    done.set(s, true);
    procs.at(2).fields.pc.set(s, 'b');
    procs.at(1).fields.acks.add(s, 0);
    procs.at(1).fields.acks.add(s, 2);
    expect([phase.get(s), clock.get(s), done.get(s), procs.at(2).fields.pc.get(s)]).toEqual([
      'critical',
      -7,
      true,
      'b',
    ]);
    expect(procs.items[1]!.fields.acks.members(s)).toEqual([0, 2]);
    expect(procs.at(0).fields.acks.isEmpty(s)).toBe(true);
  });

  it('keeps set members across word boundaries, with size and removal', () => {
    const s = layout.blank();
    for (const m of ['m0', 'm29', 'm30', 'm59', 'm60', 'm64']) seen.add(s, m);
    expect(seen.size(s)).toBe(6);
    expect(seen.members(s)).toEqual(['m0', 'm29', 'm30', 'm59', 'm60', 'm64']);
    seen.deleteAt(s, 30);
    expect(seen.has(s, 'm30')).toBe(false);
    expect(seen.has(s, 'm29') && seen.has(s, 'm64')).toBe(true);
    expect(seen.size(s)).toBe(5);
    expect(s.every((w) => Number.isInteger(w) && Math.abs(w) < 2 ** 30)).toBe(true);
    seen.addAt(s, 30);
    expect(seen.has(s, 'm30')).toBe(true);
    seen.delete(s, 'm64');
    expect(seen.members(s)).toEqual(['m0', 'm29', 'm30', 'm59', 'm60']);
    seen.clear(s);
    expect(seen.isEmpty(s)).toBe(true);
  });

  it('queues first in, first out, and equal queues have equal words', () => {
    const a = layout.blank();
    inbox.push(a, 'ping');
    inbox.push(a, 'pong');
    inbox.push(a, 'pong');
    inbox.shift(a);
    expect([inbox.length(a), inbox.at(a, 0), inbox.at(a, 1), inbox.at(a, 2)]).toEqual([2, 'pong', 'pong', undefined]);
    const b = layout.blank();
    inbox.push(b, 'pong');
    inbox.push(b, 'pong');
    expect(a).toEqual(b);
    expect(layout.decode(a).inbox).toEqual(['pong', 'pong']);
  });

  it('names the field when a write does not fit', () => {
    const s = layout.blank();
    expect(errorOf(() => phase.set(s, 'sleeping' as 'idle')).message).toBe(
      "packed field 'phase': sleeping is not one of idle, waiting, critical",
    );
    expect(errorOf(() => clock.set(s, 2 ** 31)).message).toBe(
      "packed field 'clock': 2147483648 is not an integer within ±2^30",
    );
    expect(errorOf(() => clock.set(s, 0.5)).where).toEqual({ field: 'clock' });
    expect(errorOf(() => procs.at(1).fields.acks.add(s, 5 as 0)).message).toBe(
      "packed field 'procs[1].acks': 5 is not in the set's universe",
    );
    for (let i = 0; i < 3; i++) inbox.push(s, 'ping');
    expect(errorOf(() => inbox.push(s, 'ping')).message).toMatch(
      /^packed field 'inbox': the queue is full \(capacity 3\)/,
    );
    expect(errorOf(() => procs.at(3 as 0)).message).toBe("packed field 'procs': no element for key 3");
    const messages = packedLayout({ sent: setOf([{ type: 'ack' }]) }).fields.sent;
    expect(errorOf(() => messages.add(s, { type: 'req' })).message).toBe(
      'packed field \'sent\': {"type":"req"} is not in the set\'s universe',
    );
  });

  it('says which field a word belongs to', () => {
    expect([0, 1, 4, 6, 7, 10, 12, 13].map((w) => layout.fieldAt(w))).toEqual([
      'phase',
      'clock',
      'seen',
      'inbox',
      'procs[0].pc',
      'procs[1].acks',
      'procs[2].acks',
      '',
    ]);
  });

  it('shares words between small elements of a bitArrayOf, each element keeping to its bits', () => {
    const keys = Array.from({ length: 16 }, (_, i) => i);
    const small = packedLayout({
      state: bitArrayOf(keys, oneOf(['working', 'prepared', 'committed', 'aborted'])), // 2 bits: 15 a word
      flag: bitArrayOf([0, 1, 2], bool()),
      acks: bitArrayOf([0, 1, 2], setOf([0, 1, 2])), // 3 bits each
      after: int(),
    });
    const { state, flag, acks, after } = small.fields;
    expect(small.size).toBe(2 + 1 + 1 + 1);
    const s = small.blank();
    state.at(14).set(s, 'aborted');
    state.at(15).set(s, 'committed');
    state.at(0).set(s, 'prepared');
    state.at(0).setCode(s, 2);
    flag.at(1).set(s, true);
    acks.at(1).add(s, 2);
    acks.at(2).addAt(s, 0);
    after.set(s, -5);
    expect(keys.map((k) => state.at(k).getCode(s))).toEqual([2, ...new Array(13).fill(0), 3, 2]);
    expect([flag.at(0).get(s), flag.at(1).get(s), flag.at(2).get(s)]).toEqual([false, true, false]);
    expect([0, 1, 2].map((p) => acks.at(p).members(s))).toEqual([[], [2], [0]]);
    expect([0, 1, 2].map((p) => acks.at(p).size(s))).toEqual([0, 1, 1]);
    acks.at(1).clear(s);
    flag.at(1).set(s, false);
    expect(acks.at(1).isEmpty(s) && acks.at(2).has(s, 0) && !flag.at(1).get(s)).toBe(true);
    expect(small.decode(s)).toMatchObject({
      flag: [false, false, false],
      acks: [new Set(), new Set(), new Set([0])],
      after: -5,
    });
    expect(s.every((w) => (Number.isInteger(w) && w >= 0 && w < 2 ** 30) || w === -5)).toBe(true);
    expect([0, 1, 2, 3].map((w) => small.fieldAt(w))).toEqual(['state', 'state', 'flag', 'acks']);
  });

  it('keeps integers with bounds in the bits of their range, sharing words, and refuses values outside', () => {
    const clocks = packedLayout({
      clock: bitArrayOf(PROCS, int({ max: 7 })), // 3 bits each
      ballot: int({ min: -1, max: 2 }), // stored as ballot + 1, in 2 bits
      row: arrayOf(PROCS, bitArrayOf(PROCS, int({ min: 1, max: 6 }))),
    });
    const { clock: c, ballot, row } = clocks.fields;
    expect(clocks.size).toBe(1 + 1 + 3);
    const s = clocks.blank();
    expect([c.at(0).get(s), ballot.get(s), row.at(2).at(1).get(s)]).toEqual([0, -1, 1]);
    c.at(0).set(s, 7);
    c.at(2).set(s, 5);
    c.at(0).set(s, 6);
    ballot.set(s, 2);
    row.at(2).at(1).set(s, 6);
    row.at(2).at(0).set(s, 1);
    expect(PROCS.map((p) => c.at(p).get(s))).toEqual([6, 0, 5]);
    expect([ballot.get(s), row.at(2).at(1).get(s), row.at(2).at(0).get(s)]).toEqual([2, 6, 1]);
    expect(clocks.decode(s)).toEqual({
      clock: [6, 0, 5],
      ballot: 2,
      row: [
        [1, 1, 1],
        [1, 1, 1],
        [1, 6, 1],
      ],
    });
    expect(errorOf(() => c.at(1).set(s, 8)).message).toBe(
      "packed field 'clock[1]': 8 is not an integer within the field's bounds 0..7",
    );
    expect(errorOf(() => ballot.set(s, -2)).where).toEqual({ field: 'ballot' });
    expect(errorOf(() => row.at(0).at(0).set(s, 0)).message).toMatch(/'row\[0\]\[0\]': 0 is not an integer within/);
    expect(PROCS.map((p) => c.at(p).get(s))).toEqual([6, 0, 5]);
    expect(errorOf(() => int({ min: 3, max: 2 })).code).toBe('invalid-spec');
    expect(errorOf(() => int({ min: -(2 ** 30), max: 2 ** 30 - 1 })).message).toMatch(
      /more than 2\^30 values; use int\(\)/,
    );
  });

  it('packs a small queue into bits of one word, shared in a bitArrayOf, and a large one into a word per item', () => {
    const messages = ['ack', 'rel', 'req1', 'req2', 'req3'] as const; // 3 bits each
    const queues = packedLayout({
      // 2 bits of length + 3 × 3 bits: two channels to a word
      channel: arrayOf(PROCS, bitArrayOf(PROCS, queueOf(3, messages))),
      wide: queueOf(10, messages), // 4 + 10 × 3 bits: a length word, then 10 words
    });
    const { channel, wide } = queues.fields;
    expect(queues.size).toBe(3 * 2 + 11);
    const s = queues.blank();
    const c = channel.at(1).at(2),
      next = channel.at(2).at(0);
    c.push(s, 'req2');
    c.push(s, 'ack');
    next.push(s, 'rel');
    c.push(s, 'req3');
    expect([c.length(s), c.at(s, 0), c.at(s, 1), c.at(s, 2), c.at(s, 3)]).toEqual([
      3,
      'req2',
      'ack',
      'req3',
      undefined,
    ]);
    expect(errorOf(() => c.push(s, 'rel')).message).toMatch(/^packed field 'channel\[1\]\[2\]': the queue is full/);
    c.shift(s);
    expect(queues.decode(s).channel).toEqual([
      [[], [], []],
      [[], [], ['ack', 'req3']],
      [['rel'], [], []],
    ]);
    // the same queue reached another way has the same words
    const t = queues.blank();
    next.push(t, 'rel');
    c.push(t, 'ack');
    c.push(t, 'req3');
    expect(t).toEqual(s);
    for (const m of messages) wide.push(t, m);
    wide.shift(t);
    expect([wide.length(t), wide.at(t, 0), wide.at(t, 3), queues.fieldAt(7)]).toEqual([4, 'rel', 'req3', 'wide']);
    c.shift(t);
    c.shift(t);
    expect(errorOf(() => c.shift(t)).message).toBe("packed field 'channel[1][2]': shift on an empty queue");
    // emptied, the channel's bits are zero again: its word is as if only `next` had been written
    const onlyNext = queues.blank();
    next.push(onlyNext, 'rel');
    expect(t.slice(0, 6)).toEqual(onlyNext.slice(0, 6));
    expect(errorOf(() => queueOf(0, messages)).code).toBe('invalid-spec');
  });

  it('rejects malformed layouts at definition', () => {
    expect(errorOf(() => oneOf(['a', 'a'])).code).toBe('invalid-spec');
    expect(errorOf(() => oneOf(['a', 'b', 'a'])).message).toBe('packed layout: the value a is listed twice');
    expect(errorOf(() => packedLayout({ x: 3 as never })).message).toMatch(/field 'x' is not a field type/);
    expect(errorOf(() => oneOf([])).code).toBe('invalid-spec');
    expect(errorOf(() => bitArrayOf([0, 1], int())).message).toMatch(/bitArrayOf needs elements smaller than a word/);
  });

  it("shows a spec's states decoded, or as `shownAs` decodes them, and refuses what is not a layout", () => {
    const small = packedLayout({ phase: oneOf(['idle', 'busy']), clock: int() });
    const s = small.blank();
    small.fields.clock.set(s, 4);
    const spec = (l: typeof small | ReturnType<typeof small.shownAs>) =>
      defineSpec({ name: 'p', layout: l, init: () => [s], actions: {} });
    expect(spec(small).display(s)).toEqual({ phase: 'idle', clock: 4 });
    const shown = small.shownAs((w) => `${small.fields.phase.get(w)} at ${small.fields.clock.get(w)}`);
    expect([shown.size, shown.fieldAt(1), spec(shown).display(s)]).toEqual([2, 'clock', 'idle at 4']);
    // JavaScript callers, whom the compiler does not stop
    expect(errorOf(() => defineSpec({ name: 'p', layout: {} as never, init: () => [s], actions: {} })).message).toBe(
      "'layout' must be a packed layout (packedLayout({ … }) from kripke/spec)",
    );
    expect(errorOf(() => spec(small).display({ phase: 'idle' } as never)).message).toBe(
      "'p' has a packed layout, but a state to show is not an array of words",
    );
  });
});
