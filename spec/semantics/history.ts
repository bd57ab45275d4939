/**
 * Client operation histories: each client invokes an operation and later (maybe) sees its return.
 * A history is a plain array of events, so it can live in a model's state.
 */
import { KripkeError } from '../errors.ts';

export type HistoryEvent<Op, Ret> =
  | { readonly kind: 'invoke'; readonly client: string; readonly op: Op }
  | { readonly kind: 'return'; readonly client: string; readonly ret: Ret };

/** One operation: when it was invoked and returned (positions in the history). */
export interface Operation<Op, Ret> {
  readonly client: string;
  readonly op: Op;
  readonly invokedAt: number;
  /** `Infinity` while pending: it may or may not have taken effect. */
  readonly returnedAt: number;
  readonly ret: Ret | undefined;
}

/** Pairs invocations with returns. A client has at most one operation pending at a time. */
export function operationsOf<Op, Ret>(history: readonly HistoryEvent<Op, Ret>[]): Operation<Op, Ret>[] {
  const operations: Operation<Op, Ret>[] = [];
  const pending = new Map<string, number>();
  history.forEach((event, at) => {
    const open = pending.get(event.client);
    if (event.kind === 'invoke') {
      if (open !== undefined)
        throw badHistory(`client '${event.client}' invoked an operation at event ${at} while another was pending`);
      pending.set(event.client, operations.length);
      operations.push({ client: event.client, op: event.op, invokedAt: at, returnedAt: Infinity, ret: undefined });
    } else {
      if (open === undefined)
        throw badHistory(`client '${event.client}' returned at event ${at} without a pending operation`);
      operations[open] = { ...operations[open]!, returnedAt: at, ret: event.ret };
      pending.delete(event.client);
    }
  });
  return operations;
}

function badHistory(message: string): KripkeError {
  return new KripkeError('invalid-value', `malformed history: ${message}`);
}

/** `c1: write(1) → ok | c2: read() → 1 | c3: read() …` — one line per operation, in invocation order. */
export function formatHistory<Op, Ret>(
  history: readonly HistoryEvent<Op, Ret>[],
  show: (v: unknown) => string = JSON.stringify,
): string {
  return operationsOf(history)
    .map(
      (o) =>
        `${o.client}: ${show(o.op)} [${o.invokedAt}, ${o.returnedAt === Infinity ? '…' : o.returnedAt}] → ${o.returnedAt === Infinity ? 'pending' : show(o.ret)}`,
    )
    .join('\n');
}
