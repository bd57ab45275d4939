/**
 * Tiny specs the counterexample tests and golden files are built from (engine-independent, so
 * goldens change only when a renderer does).
 */
import { defineSpec } from '../spec/define.ts';
import { arrayOf, oneOf, packedLayout, setOf, type Words } from '../spec/packed.ts';
import type { ActorEvent } from '../spec/actor/events.ts';

type RmState = 'working' | 'prepared' | 'committed' | 'aborted';
export interface MiniCommit {
  readonly rm: Readonly<Record<'a' | 'b', RmState>>;
  readonly tm: 'init' | 'committed';
  readonly msgs: ReadonlySet<string>;
}
const RMS = ['a', 'b'] as const;
const CONSISTENT = 'no resource manager commits while another aborts';

/** Two-phase commit with a bug: the manager commits once any resource manager is prepared (`fixed`: once all are). */
export function miniCommitSpec(fixed = false) {
  return defineSpec({
    name: 'mini-commit',
    init: (): MiniCommit[] => [{ rm: { a: 'working', b: 'working' }, tm: 'init', msgs: new Set() }],
    actions: {
      prepare: {
        params: RMS,
        next: (s, r) =>
          s.rm[r] !== 'working'
            ? undefined
            : { ...s, rm: { ...s.rm, [r]: 'prepared' }, msgs: new Set([...s.msgs, `prepared:${r}`]) },
      },
      tmCommit: {
        next: (s) =>
          s.tm !== 'init' || !RMS[fixed ? 'every' : 'some']((r) => s.msgs.has(`prepared:${r}`))
            ? undefined
            : { ...s, tm: 'committed' as const, msgs: new Set([...s.msgs, 'commit']) },
      },
      rmCommit: {
        params: RMS,
        next: (s, r) =>
          s.msgs.has('commit') && s.rm[r] === 'prepared' ? { ...s, rm: { ...s.rm, [r]: 'committed' } } : undefined,
      },
      rmAbort: {
        params: RMS,
        next: (s, r) => (s.rm[r] === 'working' ? { ...s, rm: { ...s.rm, [r]: 'aborted' } } : undefined),
      },
    },
    properties: ({ always }) => [
      always(
        'consistent',
        (s) => !(Object.values(s.rm).includes('committed') && Object.values(s.rm).includes('aborted')),
        { description: CONSISTENT },
      ),
    ],
  });
}

/**
 * `miniCommitSpec` with a packed layout: the same actions, properties and states, as words that
 * decode into exactly the object spec's states (so every picture of the two is the same).
 */
export function packedCommitSpec(fixed = false) {
  const layout = packedLayout({
    rm: arrayOf(RMS, oneOf<RmState>(['working', 'prepared', 'committed', 'aborted'])),
    tm: oneOf(['init', 'committed']),
    msgs: setOf(['prepared:a', 'prepared:b', 'commit']),
  });
  const { rm, tm, msgs } = layout.fields;
  const write = (s: Words, change: (t: number[]) => void) => {
    const t = s.slice();
    change(t);
    return t;
  };
  return defineSpec({
    name: 'mini-commit',
    layout,
    init: () => [layout.blank()],
    actions: {
      prepare: {
        params: RMS,
        next: (s, r) =>
          rm.at(r).get(s) !== 'working'
            ? undefined
            : write(s, (t) => {
                rm.at(r).set(t, 'prepared');
                msgs.add(t, `prepared:${r}`);
              }),
      },
      tmCommit: {
        next: (s) =>
          tm.get(s) !== 'init' || !RMS[fixed ? 'every' : 'some']((r) => msgs.has(s, `prepared:${r}`))
            ? undefined
            : write(s, (t) => {
                tm.set(t, 'committed');
                msgs.add(t, 'commit');
              }),
      },
      rmCommit: {
        params: RMS,
        next: (s, r) =>
          msgs.has(s, 'commit') && rm.at(r).get(s) === 'prepared'
            ? write(s, (t) => rm.at(r).set(t, 'committed'))
            : undefined,
      },
      rmAbort: {
        params: RMS,
        next: (s, r) => (rm.at(r).get(s) === 'working' ? write(s, (t) => rm.at(r).set(t, 'aborted')) : undefined),
      },
    },
    properties: ({ always }) => [
      always(
        'consistent',
        (s) => !(rm.items.some((f) => f.get(s) === 'committed') && rm.items.some((f) => f.get(s) === 'aborted')),
        {
          description: CONSISTENT,
          explain: (s) => `a committed and an aborted resource manager, in words ${s.join(' ')}`,
        },
      ),
    ],
  });
}

/** A clock that never reaches 5: the lasso 0 → 1 → 2 → 3 → back to 1 violates `eventually hour = 5`. */
export function clockSpec() {
  return defineSpec({
    name: 'clock',
    init: (): { hour: number }[] => [{ hour: 0 }],
    actions: { tick: { next: (s) => ({ hour: s.hour === 3 ? 1 : s.hour + 1 }) } },
    properties: ({ eventually }) => [eventually('reaches five', (s) => s.hour === 5)],
  });
}

/** A scripted actor run: each step enables exactly the next event of `script`. */
export function scriptedActorSpec(script: readonly ActorEvent[]) {
  const enabled = (kind: ActorEvent['kind']) => (s: { i: number }) => {
    const event = script[s.i];
    if (event?.kind !== kind) return [];
    const { kind: _kind, ...param } = event;
    return [param as unknown];
  };
  const advance = (s: { i: number; log: readonly string[] }) => {
    const event = script[s.i]!;
    return { i: s.i + 1, log: [...s.log, event.kind] };
  };
  const kinds = ['Deliver', 'Drop', 'Duplicate', 'Timeout', 'Crash', 'Recover', 'Partition', 'Heal', 'Local'] as const;
  return defineSpec({
    name: 'scripted-actors',
    init: (): { i: number; log: readonly string[] }[] => [{ i: 0, log: [] }],
    actions: Object.fromEntries(kinds.map((k) => [k, { params: enabled(k), next: advance }])) as Record<
      string,
      { params: ReturnType<typeof enabled>; next: typeof advance }
    >,
    properties: ({ always }) => [always('short', (s) => s.i < script.length)],
  });
}

/** A long counterexample: `tick` counts up and `below` fails after `limit` ticks. */
export function counterSpec(limit: number) {
  return defineSpec({
    name: 'counter',
    init: (): { count: number }[] => [{ count: 0 }],
    actions: { tick: { next: (s) => (s.count < limit ? { count: s.count + 1 } : undefined) } },
    properties: ({ always }) => [
      always('below', (s) => s.count < limit, { description: `the count stays below ${limit}` }),
    ],
  });
}
