/**
 * Sequential consistency (Lamport): the operations can be ordered so that the sequential object
 * gives every return value the history shows, keeping each client's own order — but unlike
 * linearizability, not the real-time order between clients.
 */
import { type HistoryEvent, type Operation, operationsOf } from './history.ts';
import { findOrder } from './search.ts';
import type { SequentialSpec } from './sequential.ts';

export function sequentialOrder<S, Op, Ret>(
  history: readonly HistoryEvent<Op, Ret>[],
  spec: SequentialSpec<S, Op, Ret>,
): Operation<Op, Ret>[] | undefined {
  const operations = operationsOf(history);
  const order = findOrder(operations, spec, (done) => {
    const nextOfClient = new Map<string, number>();
    operations.forEach((o, i) => {
      if (!done[i] && !nextOfClient.has(o.client)) nextOfClient.set(o.client, i);
    });
    return [...nextOfClient.values()];
  });
  return order?.map((i) => operations[i]!);
}

export function isSequentiallyConsistent<S, Op, Ret>(
  history: readonly HistoryEvent<Op, Ret>[],
  spec: SequentialSpec<S, Op, Ret>,
): boolean {
  return sequentialOrder(history, spec) !== undefined;
}
