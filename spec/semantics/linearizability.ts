/**
 * Linearizability (Herlihy & Wing): the operations can be ordered so that the sequential object
 * gives every return value the history shows, and an operation that returned before another was
 * invoked comes first (real-time order).
 */
import { type HistoryEvent, type Operation, operationsOf } from './history.ts';
import { findOrder } from './search.ts';
import type { SequentialSpec } from './sequential.ts';

/** A linearization (operations in the order they take effect), or undefined when there is none. */
export function linearize<S, Op, Ret>(
  history: readonly HistoryEvent<Op, Ret>[],
  spec: SequentialSpec<S, Op, Ret>,
): Operation<Op, Ret>[] | undefined {
  const operations = operationsOf(history);
  const order = findOrder(operations, spec, (done) => {
    // The earliest return among operations not yet placed: anything invoked after it must wait.
    let horizon = Infinity;
    operations.forEach((o, i) => {
      if (!done[i] && o.returnedAt < horizon) horizon = o.returnedAt;
    });
    return operations.flatMap((o, i) => (!done[i] && o.invokedAt < horizon ? [i] : []));
  });
  return order?.map((i) => operations[i]!);
}

export function isLinearizable<S, Op, Ret>(
  history: readonly HistoryEvent<Op, Ret>[],
  spec: SequentialSpec<S, Op, Ret>,
): boolean {
  return linearize(history, spec) !== undefined;
}
