/**
 * The search both consistency checkers share (Wing & Gong, with Porcupine's memoization): pick
 * an operation allowed to come next, apply it to the sequential object, require the return value
 * the history shows, and backtrack; a (linearized set, object state) pair that failed once is
 * never tried again. Pending operations may be linearized (with any return value) or left out.
 */
import { canonicalKey } from '../canonical.ts';
import type { Operation } from './history.ts';
import type { SequentialSpec } from './sequential.ts';

/** Which operations may be placed next, given which are already placed (`done[i]`). */
export type Candidates = (done: readonly boolean[]) => readonly number[];

/** Returns an order of operation indices that explains the history, or undefined if none does. */
export function findOrder<S, Op, Ret>(
  operations: readonly Operation<Op, Ret>[],
  spec: SequentialSpec<S, Op, Ret>,
  candidates: Candidates,
): number[] | undefined {
  const done = operations.map(() => false);
  const order: number[] = [];
  const failed = new Set<string>();
  const complete = () => operations.every((o, i) => done[i] || o.returnedAt === Infinity);
  const explore = (state: S): boolean => {
    if (complete()) return true;
    const key = `${done.map((d) => (d ? 1 : 0)).join('')}|${canonicalKey(state)}`;
    if (failed.has(key)) return false;
    for (const i of candidates(done)) {
      const operation = operations[i]!;
      const result = spec.apply(state, operation.op);
      if (operation.returnedAt !== Infinity && canonicalKey(result.ret) !== canonicalKey(operation.ret)) continue;
      done[i] = true;
      order.push(i);
      if (explore(result.state)) return true;
      done[i] = false;
      order.pop();
    }
    failed.add(key);
    return false;
  };
  return explore(spec.init) ? order : undefined;
}
