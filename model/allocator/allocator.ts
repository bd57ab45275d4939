/**
 * A simple resource allocator (TLA+ Examples: specifications/allocator/SimpleAllocator.tla,
 * Clients = {c1, c2, c3}, Resources = {r1, r2}).
 *
 * A client with nothing requested and nothing held may request a non-empty set of resources; the
 * allocator hands out available resources it asked for, possibly a part at a time; a client may
 * return any part of what it holds, even before its whole request is met.
 *
 * Properties: TypeInvariant, ResourceMutex; liveness, each one property over every client c (and
 * resource r), as in the spec: ClientsWillReturn (unsat[c] = {} ~> alloc[c] = {}), ClientsWillObtain
 * (r in unsat[c] ~> r in alloc[c]) and InfOftenSatisfied ([]<>(unsat[c] = {})) — all hold.
 *
 * Fairness as in the spec: SF_vars(\E S : Allocate(c, S)) — strong fairness of the allocations to
 * c, the instances of `allocate` whose parameter names c — and WF_vars(Return(c, alloc[c])),
 * returning everything held. Return's argument is read off the state, so Return is split into
 * `returnAll` (S = alloc[c]) and `returnPart` (a proper part): the same steps, so the same counts.
 *
 * Variant `weak-allocation` (a bug): weak instead of strong fairness for allocation. A resource
 * two clients want is available only between a return and the next allocation, so allocation to
 * the waiting client is enabled infinitely often but not continuously — it may starve (TLC, with
 * WF for SF: "Temporal properties were violated", a lasso of the same shape).
 * TLC: 400 distinct states, 1633 generated, depth 6, all properties hold.
 */
import { defineProtocol, defineSpec } from '../../spec/index.ts';

export interface AllocatorState {
  readonly unsat: Readonly<Record<string, ReadonlySet<string>>>;
  readonly alloc: Readonly<Record<string, ReadonlySet<string>>>;
}

/** A client and a non-empty set of resources: the parameter of Request, Allocate and Return. */
export interface Choice {
  readonly c: string;
  readonly S: ReadonlySet<string>;
}

export const ALLOCATOR_VARIANTS = {
  correct: 'SimpleAllocator.tla: strong fairness for allocation, weak for returning everything',
  'weak-allocation': 'bug: only weak fairness for allocation; a client can starve',
} as const;
export type AllocatorVariant = keyof typeof ALLOCATOR_VARIANTS;

/** The non-empty subsets of `items`. */
function nonEmptySubsets(items: readonly string[]): ReadonlySet<string>[] {
  const all = items.reduce<string[][]>((acc, x) => acc.concat(acc.map((s) => [...s, x])), [[]]);
  return all.filter((s) => s.length > 0).map((s) => new Set(s));
}

const subsetOf = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].every((x) => b.has(x));
const minus = (a: ReadonlySet<string>, b: ReadonlySet<string>) => new Set([...a].filter((x) => !b.has(x)));
const union = (a: ReadonlySet<string>, b: ReadonlySet<string>) => new Set([...a, ...b]);

export function allocatorSpec(clientCount = 3, resourceCount = 2, variant: AllocatorVariant = 'correct') {
  const clients = Array.from({ length: clientCount }, (_, i) => `c${i + 1}`);
  const resources = Array.from({ length: resourceCount }, (_, i) => `r${i + 1}`);
  const subsets = nonEmptySubsets(resources);
  const available = (s: AllocatorState) => new Set(resources.filter((r) => clients.every((c) => !s.alloc[c]!.has(r))));
  const set = (m: AllocatorState['unsat'], c: string, v: ReadonlySet<string>) => ({ ...m, [c]: v });

  const choices = clients.flatMap((c) => subsets.map((S): Choice => ({ c, S })));
  const empty = () => Object.fromEntries(clients.map((c) => [c, new Set<string>()]));
  return defineSpec({
    name: 'allocator',
    init: (): AllocatorState[] => [{ unsat: empty(), alloc: empty() }],
    actions: {
      request: {
        params: choices,
        next: (s, { c, S }) =>
          s.unsat[c]!.size === 0 && s.alloc[c]!.size === 0 ? { ...s, unsat: set(s.unsat, c, S) } : undefined,
      },
      allocate: {
        params: choices,
        next: (s, { c, S }) =>
          subsetOf(S, available(s)) && subsetOf(S, s.unsat[c]!)
            ? { alloc: set(s.alloc, c, union(s.alloc[c]!, S)), unsat: set(s.unsat, c, minus(s.unsat[c]!, S)) }
            : undefined,
      },
      /** Return(c, alloc[c]): everything c holds. */
      returnAll: {
        params: clients,
        next: (s, c) => (s.alloc[c]!.size > 0 ? { ...s, alloc: set(s.alloc, c, new Set()) } : undefined),
      },
      /** Return(c, S) for a proper part S of what c holds. */
      returnPart: {
        params: choices,
        next: (s, { c, S }) =>
          subsetOf(S, s.alloc[c]!) && S.size < s.alloc[c]!.size
            ? { ...s, alloc: set(s.alloc, c, minus(s.alloc[c]!, S)) }
            : undefined,
      },
    },
    properties: ({ always, forAll }) => [
      always('TypeInvariant', (s) =>
        clients.every((c) => [...s.unsat[c]!, ...s.alloc[c]!].every((r) => resources.includes(r))),
      ),
      always('ResourceMutex', (s) =>
        clients.every((c1) => clients.every((c2) => c1 === c2 || [...s.alloc[c1]!].every((r) => !s.alloc[c2]!.has(r)))),
      ),
      forAll(clients).leadsTo(
        'ClientsWillReturn',
        (s, c) => s.unsat[c]!.size === 0,
        (s, c) => s.alloc[c]!.size === 0,
      ),
      forAll(clients.flatMap((c) => resources.map((r) => [c, r] as const))).leadsTo(
        'ClientsWillObtain',
        (s, [c, r]) => s.unsat[c]!.has(r),
        (s, [c, r]) => s.alloc[c]!.has(r),
      ),
      forAll(clients).alwaysEventually('InfOftenSatisfied', (s, c) => s.unsat[c]!.size === 0),
    ],
    fairness: ({ weak, strong }) =>
      clients.flatMap((c) => [
        weak('returnAll', c), // WF_vars(Return(c, alloc[c]))
        (variant === 'weak-allocation' ? weak : strong)('allocate', (p) => p.c === c), // SF_vars(\E S : Allocate(c, S))
      ]),
  });
}

export const allocator = defineProtocol({
  name: 'allocator',
  summary: 'SimpleAllocator: clients request, obtain and return resources; liveness needs strong fairness',
  config: {
    clients: { default: 3, doc: 'number of clients', min: 1, max: 4 },
    resources: { default: 2, doc: 'number of resources', min: 1, max: 3 },
  },
  variants: ALLOCATOR_VARIANTS,
  build: (c, variant) => allocatorSpec(c.clients, c.resources, variant),
});
