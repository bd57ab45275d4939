/**
 * Sequential specifications: the object a concurrent history is compared against. `apply` is
 * pure and returns the new object state with the operation's return value.
 */
export interface SequentialSpec<S, Op, Ret> {
  readonly name: string;
  readonly init: S;
  readonly apply: (state: S, op: Op) => { readonly state: S; readonly ret: Ret };
}

export type RegisterOp<V> = { readonly kind: 'read' } | { readonly kind: 'write'; readonly value: V };
export type RegisterRet<V> = { readonly kind: 'read-ok'; readonly value: V } | { readonly kind: 'write-ok' };

/** A read/write register holding `initial` at first. */
export function register<V>(initial: V): SequentialSpec<V, RegisterOp<V>, RegisterRet<V>> {
  return {
    name: 'register',
    init: initial,
    apply: (state, op) =>
      op.kind === 'read'
        ? { state, ret: { kind: 'read-ok', value: state } }
        : { state: op.value, ret: { kind: 'write-ok' } },
  };
}

export type MapOp<K, V> =
  | { readonly kind: 'get'; readonly key: K }
  | { readonly kind: 'put'; readonly key: K; readonly value: V };
export type MapRet<V> = { readonly kind: 'get-ok'; readonly value: V | null } | { readonly kind: 'put-ok' };

/** A key-value map, every key absent (`null`) at first. */
export function keyValueMap<K, V>(): SequentialSpec<ReadonlyMap<K, V>, MapOp<K, V>, MapRet<V>> {
  return {
    name: 'key-value map',
    init: new Map(),
    apply: (state, op) =>
      op.kind === 'get'
        ? { state, ret: { kind: 'get-ok', value: state.get(op.key) ?? null } }
        : { state: new Map(state).set(op.key, op.value), ret: { kind: 'put-ok' } },
  };
}
