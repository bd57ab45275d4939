/**
 * Consistency as an `always` property of a model whose state records a client history:
 * `linearizable('reads see writes', (s) => s.history, register(0))`.
 * Verdicts are cached per history array (states share an unchanged history), so each distinct
 * history is checked once. A violation's report explains it: the offending history and whether it
 * is at least sequentially consistent (`explainConsistency`).
 */
import { always, type Invariant } from '../properties.ts';
import { formatHistory, type HistoryEvent } from './history.ts';
import { isLinearizable } from './linearizability.ts';
import { isSequentiallyConsistent } from './sequential-consistency.ts';
import type { SequentialSpec } from './sequential.ts';

type Checker = <S, Op, Ret>(history: readonly HistoryEvent<Op, Ret>[], spec: SequentialSpec<S, Op, Ret>) => boolean;

function cachedProperty<State, S, Op, Ret>(
  name: string,
  historyOf: (state: State) => readonly HistoryEvent<Op, Ret>[],
  spec: SequentialSpec<S, Op, Ret>,
  holds: Checker,
): Invariant<State> {
  const verdicts = new WeakMap<object, boolean>();
  const explain = (state: State) => explainConsistency(historyOf(state), spec);
  return always(
    name,
    (state: State) => {
      const history = historyOf(state);
      const known = verdicts.get(history);
      if (known !== undefined) return known;
      const verdict = holds(history, spec);
      verdicts.set(history, verdict);
      return verdict;
    },
    explain,
  );
}

export function linearizable<State, S, Op, Ret>(
  name: string,
  historyOf: (state: State) => readonly HistoryEvent<Op, Ret>[],
  spec: SequentialSpec<S, Op, Ret>,
): Invariant<State> {
  return cachedProperty(name, historyOf, spec, isLinearizable);
}

export function sequentiallyConsistent<State, S, Op, Ret>(
  name: string,
  historyOf: (state: State) => readonly HistoryEvent<Op, Ret>[],
  spec: SequentialSpec<S, Op, Ret>,
): Invariant<State> {
  return cachedProperty(name, historyOf, spec, isSequentiallyConsistent);
}

/** A human-readable verdict for a history: the operations, and whether (and how) they linearize. */
export function explainConsistency<S, Op, Ret>(
  history: readonly HistoryEvent<Op, Ret>[],
  spec: SequentialSpec<S, Op, Ret>,
): string {
  const verdict = isLinearizable(history, spec)
    ? 'linearizable'
    : isSequentiallyConsistent(history, spec)
      ? 'NOT linearizable (but sequentially consistent)'
      : 'NOT linearizable, NOT sequentially consistent';
  return `history against a ${spec.name} — ${verdict}:\n${formatHistory(history)}`;
}
