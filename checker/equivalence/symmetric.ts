/**
 * Random symmetric specs: two or three interchangeable processes p1… (a mutual-exclusion shape:
 * idle → want → crit → idle) with an owner, a Set of waiting ids, a Map of votes between ids and
 * a log of strings naming ids, reduced by `permutations`. Every action treats the ids alike, so
 * the reduction is sound; the reference explorer identifies a state by the least canonical
 * string over all renamings, computed here without the checker's symmetry code.
 */
import { canonicalKey } from '../../spec/canonical.ts';
import { defineSpec } from '../../spec/define.ts';
import { permutations } from '../../spec/symmetry.ts';
import type { Part } from './part.ts';
import { fairnessOf, type Measures, propertiesOf, type PropertyShape, terminalOf } from './property-shapes.ts';

type Pc = 'idle' | 'want' | 'crit';
export interface SymState {
  readonly pc: Readonly<Record<string, Pc>>;
  readonly owner: string;
  readonly waiting: ReadonlySet<string>;
  readonly votes: ReadonlyMap<string, ReadonlySet<string>>;
  readonly log: readonly string[];
  readonly rounds: number;
}

export const SYMMETRIC_ACTIONS = ['request', 'enter', 'exit', 'vote', 'note'] as const;
type SymAction = (typeof SYMMETRIC_ACTIONS)[number];

export interface SymmetricShape {
  readonly kind: 'symmetric';
  readonly ids: number;
  readonly actions: readonly SymAction[];
  /** `enter` waits for the owner to be free, or not at all (then mutual exclusion can fail). */
  readonly exclusive: boolean;
  readonly properties: PropertyShape;
}

export const SYMMETRIC_MEASURES: Measures<SymState> = {
  crit: (s) => Object.values(s.pc).filter((pc) => pc === 'crit').length,
  waiting: (s) => s.waiting.size,
  votes: (s) => [...s.votes.values()].reduce((n, v) => n + v.size, 0),
  rounds: (s) => s.rounds,
};

export function symmetricPart(shape: SymmetricShape): Part<SymState> {
  const ids = Array.from({ length: shape.ids }, (_, i) => `p${i + 1}`);
  const pairs = ids.flatMap((from) => ids.filter((to) => to !== from).map((to) => ({ from, to })));
  const actions = Object.fromEntries(
    shape.actions.map((a) => [
      a,
      a === 'vote'
        ? { params: pairs, next: (s: SymState, v: { from: string; to: string }) => vote(s, v.from, v.to) }
        : { params: ids, next: (s: SymState, id: string) => step(shape, a, s, id) },
    ]),
  );
  const names = Object.keys(actions);
  const spec = defineSpec<SymState, Record<string, any>>({
    name: 'random-symmetric',
    init: () => [
      {
        pc: Object.fromEntries(ids.map((id) => [id, 'idle'])),
        owner: 'none',
        waiting: new Set(),
        votes: new Map(),
        log: [],
        rounds: 0,
      },
    ],
    actions,
    properties: propertiesOf(SYMMETRIC_MEASURES, shape.properties, names),
    fairness: fairnessOf(shape.properties, names),
    terminal: terminalOf(SYMMETRIC_MEASURES, shape.properties),
    symmetry: permutations({ procs: ids }),
  });
  const renamings = permute(ids).map((order) => new Map(ids.map((id, i) => [id, order[i]!])));
  const key = (s: SymState) => renamings.map((r) => canonicalKey(rename(s, r))).sort()[0]!;
  return { kind: 'symmetric', spec, key, concrete: false };
}

function step(
  shape: SymmetricShape,
  action: Exclude<SymAction, 'vote'>,
  s: SymState,
  id: string,
): SymState | undefined {
  const pc = s.pc[id]!;
  const setPc = (to: Pc) => ({ ...s.pc, [id]: to });
  switch (action) {
    case 'request':
      return pc === 'idle' ? { ...s, pc: setPc('want'), waiting: new Set([...s.waiting, id]) } : undefined;
    case 'enter':
      if (pc !== 'want' || (shape.exclusive && s.owner !== 'none')) return undefined;
      return { ...s, pc: setPc('crit'), owner: id, waiting: new Set([...s.waiting].filter((w) => w !== id)) };
    case 'exit':
      return pc === 'crit' ? { ...s, pc: setPc('idle'), owner: 'none', rounds: Math.min(s.rounds + 1, 2) } : undefined;
    case 'note':
      return s.log.length < 2 && !s.log.includes(`saw ${id}`) ? { ...s, log: [...s.log, `saw ${id}`] } : undefined;
  }
}

function vote(s: SymState, from: string, to: string): SymState | undefined {
  const got = s.votes.get(to) ?? new Set<string>();
  if (got.has(from) || s.pc[from] !== 'idle') return undefined;
  return { ...s, votes: new Map(s.votes).set(to, new Set([...got, from])) };
}

/** The state with every id renamed (keys, values, members and words inside strings). */
function rename(s: SymState, r: ReadonlyMap<string, string>): SymState {
  const id = (x: string) => r.get(x) ?? x;
  return {
    pc: Object.fromEntries(Object.entries(s.pc).map(([k, v]) => [id(k), v])),
    owner: id(s.owner),
    waiting: new Set([...s.waiting].map(id)),
    votes: new Map([...s.votes].map(([k, v]) => [id(k), new Set([...v].map(id))])),
    log: s.log.map((line) => line.replace(/p\d/g, id)),
    rounds: s.rounds,
  };
}

function permute<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, i) =>
    permute([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}
