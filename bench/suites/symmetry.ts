/**
 * `npm run bench -- symmetry`: what symmetry reduction costs and saves, side by side in one run.
 * - Per model: the full search against the reduced one (states, generated, depth, time).
 * - Per state: the canonical representative (signatures, tie classes, few renamings) against one
 *   canonical encoding and against brute force (the least encoding over all n! renamings), on
 *   reachable states of TwoPhase with 7 RMs (5,040 renamings each).
 */
import type { BenchOptions } from '../run.ts';
import { check } from '../../checker/check.ts';
import { Successors } from '../../checker/successors.ts';
import { paxosSpec } from '../../model/paxos-turing/paxos.ts';
import { twoPhaseSpec } from '../../model/transaction-commit/two-phase.ts';
import { permutations } from '../../spec/symmetry.ts';
import { canonicalEncoding } from '../../spec/symmetry-encoding.ts';
import type { Spec } from '../../spec/types.ts';

export const name = 'symmetry';
export const description = 'symmetry reduction: reduced vs full search, and the cost of one canonical representative';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

interface Case {
  readonly label: string;
  readonly full: () => Spec<any>;
  readonly reduced: () => Spec<any>;
}

function cases(quick: boolean): Case[] {
  const paxos = (maxBallot: number, symmetric: boolean) => {
    const spec = paxosSpec({ acceptors: 3, values: 2, maxBallot });
    return symmetric ? { ...spec, symmetry: permutations({ acceptors: ids('a', 3), values: ids('v', 2) }) } : spec;
  };
  return [
    { label: 'two-phase 5 RMs', full: () => twoPhaseSpec(5), reduced: () => twoPhaseSpec(5, 'correct', true) },
    ...(quick ? [] : [{ label: 'two-phase 7 RMs', full: () => twoPhaseSpec(7), reduced: () => twoPhaseSpec(7, 'correct', true) }]),
    { label: 'paxos-turing MCPaxosTiny', full: () => paxos(1, false), reduced: () => paxos(1, true) },
  ];
}

function searchRow(c: Case) {
  const full = check(c.full());
  const reduced = check(c.reduced());
  return {
    model: c.label, fullStates: full.stats.distinctStates, reducedStates: reduced.stats.distinctStates,
    reducedGenerated: reduced.stats.generatedStates, depth: `${full.stats.depth}/${reduced.stats.depth}`,
    fullMs: Math.round(full.stats.elapsedMs), reducedMs: Math.round(reduced.stats.elapsedMs),
  };
}

/** Up to `count` distinct reachable states of TwoPhase with `n` RMs. */
function sampleStates(n: number, count: number): unknown[] {
  const successors = new Successors(twoPhaseSpec(n), false);
  const seen = new Map<string, unknown>();
  const stack: unknown[] = [...successors.initialStates()];
  while (stack.length > 0 && seen.size < count) {
    const state = stack.pop()!;
    const key = canonicalEncoding(state, (w) => w);
    if (seen.has(key)) continue;
    seen.set(key, state);
    successors.forEach(state as never, (next) => stack.push(next));
  }
  return [...seen.values()];
}

function bruteForce(state: unknown, rms: readonly string[], orders: readonly string[][]): string {
  let least: string | undefined;
  for (const order of orders) {
    const map = new Map(rms.map((rm, i) => [rm, order[i]!]));
    const encoding = canonicalEncoding(state, (w) => map.get(w) ?? w);
    if (least === undefined || encoding < least) least = encoding;
  }
  return least!;
}

const permute = (items: readonly string[]): string[][] => items.length <= 1 ? [items.slice()]
  : items.flatMap((x, i) => permute([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));

function perStateRow(quick: boolean) {
  const rms = ids('r', 7);
  const states = sampleStates(7, quick ? 200 : 2000);
  const canonical = permutations<unknown>({ rms });
  const time = (f: (s: unknown) => unknown, sample = states) => {
    const start = performance.now();
    for (const s of sample) f(s);
    return ((performance.now() - start) * 1000) / sample.length;
  };
  time(canonical); // warm up
  const orders = permute(rms);
  const few = states.slice(0, quick ? 5 : 20);
  return {
    states: states.length, canonicalUs: +time(canonical).toFixed(1), oneEncodingUs: +time((s) => canonicalEncoding(s, (w) => w)).toFixed(1),
    bruteForceUs: Math.round(time((s) => bruteForce(s, rms, orders), few)),
  };
}

export async function run(options: BenchOptions): Promise<unknown> {
  const searches = cases(options.quick).map(searchRow);
  const perState = perStateRow(options.quick);
  if (!options.json) {
    console.table(searches);
    console.log('one representative, TwoPhase 7 RMs (µs per state):');
    console.table([perState]);
  }
  return { searches, perState };
}
