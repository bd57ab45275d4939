/**
 * A distributed replicated log (TLA+ Examples: specifications/FiniteMonotonic/
 * DistributedReplicatedLog.tla, model MCDistributedReplicatedLog with Servers = {n1, n2, n3},
 * Values = {v}, Lag = 3 and VIEW DropCommonPrefix).
 *
 * Each server holds a log. A server whose log is (one of) the longest may extend it by up to
 * Lag minus its lead over the shortest log; a server behind another copies part of the missing
 * suffix from it: all of it, or all but one entry. Logs grow forever; the view drops the longest
 * common prefix of all logs, which keeps the state space finite (37 states) — two states whose
 * logs differ only in their common prefix are one state.
 *
 * Properties: TypeOK, BoundedLag (logs differ in length by at most Lag) and InSync — for every
 * two servers, []<>(their logs are equal). InSync does not hold: a follower may always copy all
 * but one entry while the leader keeps extending, so TLC reports a liveness violation, and so
 * does Kripke. (AllExtending, a temporal property of steps, is not ported: Kripke's liveness
 * properties are about states.)
 *
 * Fairness: WF(Extend(s)) and WF(Copy(s)) for each server; each server has its own actions.
 * TLC: 37 distinct states, 271 generated, depth 4; InSync violated.
 */
import { defineProtocol, defineSpec, weak, type ActionDefinition } from '../../spec/index.ts';

export type Logs = Readonly<Record<string, readonly string[]>>;

export interface LogState {
  readonly cLogs: Logs;
}

export interface CopyChoice {
  readonly from: string;
  readonly count: number;
}

/** Every sequence over `values` of length 0..n (TLA+ BoundedSeq), shortest first. */
function boundedSeqs(values: readonly string[], n: number): string[][] {
  const result: string[][] = [[]];
  let layer: string[][] = [[]];
  for (let length = 1; length <= n; length++) {
    layer = layer.flatMap((seq) => values.map((v) => [...seq, v]));
    result.push(...layer);
  }
  return result;
}

/** The length of the longest common prefix of all logs. */
function commonPrefixLength(logs: readonly (readonly string[])[]): number {
  const shortest = Math.min(...logs.map((l) => l.length));
  let k = 0;
  while (k < shortest && logs.every((l) => l[k] === logs[0]![k])) k++;
  return k;
}

export function replicatedLogSpec(serverCount = 3, valueCount = 1, lag = 3) {
  const servers = Array.from({ length: serverCount }, (_, i) => `n${i + 1}`);
  const values = valueCount === 1 ? ['v'] : Array.from({ length: valueCount }, (_, i) => `v${i + 1}`);
  const len = (s: LogState, i: string) => s.cLogs[i]!.length;
  const withLog = (s: LogState, i: string, log: readonly string[]) => ({ cLogs: { ...s.cLogs, [i]: log } });

  const copy: (i: string) => ActionDefinition<LogState, CopyChoice> = (i) => ({
    // Copy from a longer log j: L = Len(j) - Len(i) missing entries; copy L - 1 or L of them.
    params: (s: LogState) =>
      servers
        .filter((j) => len(s, j) > len(s, i))
        .flatMap((j) => {
          const missing = len(s, j) - len(s, i);
          return [missing - 1, missing].map((count) => ({ from: j, count }));
        }),
    next: (s, { from, count }) =>
      withLog(s, i, [...s.cLogs[i]!, ...s.cLogs[from]!.slice(len(s, i), len(s, i) + count)]),
  });
  const extend: (i: string) => ActionDefinition<LogState, readonly string[]> = (i) => ({
    params: (s: LogState) =>
      servers.every((j) => len(s, j) <= len(s, i))
        ? boundedSeqs(values, lag - Math.max(...servers.map((j) => len(s, i) - len(s, j))))
        : [],
    next: (s, entries) => withLog(s, i, [...s.cLogs[i]!, ...entries]),
  });
  const pairs = servers.flatMap((i, k) => servers.slice(k + 1).map((j) => [i, j] as const));
  const sameLog = (s: LogState, i: string, j: string) =>
    s.cLogs[i]!.length === s.cLogs[j]!.length && s.cLogs[i]!.every((x, k) => x === s.cLogs[j]![k]);
  return defineSpec({
    name: 'replicated-log',
    init: (): LogState[] => [{ cLogs: Object.fromEntries(servers.map((i) => [i, []])) }],
    // Two parameter types under computed names: each action keeps its own typed definition above.
    actions: Object.fromEntries(
      servers.flatMap((i) => [
        [`${i}.copy`, copy(i)],
        [`${i}.extend`, extend(i)],
      ]),
    ) as Record<string, ActionDefinition<LogState, any>>,
    properties: ({ always, alwaysEventually }) => [
      always('TypeOK', (s) => servers.every((i) => s.cLogs[i]!.every((x) => values.includes(x)))),
      always('BoundedLag', (s) => servers.every((i) => servers.every((j) => Math.abs(len(s, i) - len(s, j)) <= lag))),
      ...pairs.map(([i, j]) => alwaysEventually(`InSync(${i},${j})`, (s) => sameLog(s, i, j))),
    ],
    /** DropCommonPrefix: what is common to every log no longer matters. */
    view: (s) => {
      const drop = commonPrefixLength(servers.map((i) => s.cLogs[i]!));
      return Object.fromEntries(servers.map((i) => [i, s.cLogs[i]!.slice(drop)]));
    },
    fairness: servers.flatMap((i) => [weak(`${i}.extend`), weak(`${i}.copy`)]),
  });
}

export const replicatedLog = defineProtocol({
  name: 'replicated-log',
  summary: 'A replicated log whose followers copy from leaders; InSync fails (liveness), as TLC finds',
  config: {
    servers: { default: 3, doc: 'number of servers', min: 2, max: 4 },
    values: { default: 1, doc: 'number of distinct log values', min: 1, max: 2 },
    lag: { default: 3, doc: 'how far logs may diverge (Lag)', min: 1, max: 4 },
  },
  variants: { model: 'MCDistributedReplicatedLog with VIEW DropCommonPrefix' },
  build: (c) => replicatedLogSpec(c.servers, c.values, c.lag),
});
