/**
 * Interned value objects. JavaScript's Set and Map compare objects by identity, so a state that
 * keeps a set of records (TLA+'s `msgs`, a set of message records) needs one shared object per
 * distinct record: then `msgs.has(message(…))` asks about the value, and sending a message twice
 * leaves the set unchanged.
 *
 * ```ts
 * const vote = interned((acceptor: string, ballot: number) => ({ type: 'vote', acceptor, ballot }));
 * vote('a1', 2) === vote('a1', 2) // true: the same frozen object
 * ```
 *
 * The arguments (strings, numbers, booleans, null) key a tree of Maps, one level per argument:
 * no string is built, so a look-up costs a few Map reads — it runs inside actions, in the hot loop.
 */
type Key = string | number | boolean | null;

export function interned<A extends readonly Key[], V extends object>(make: (...args: A) => V): (...args: A) => Readonly<V> {
  const root = new Map<Key, unknown>();
  return (...args: A): Readonly<V> => {
    let level = root;
    const last = args.length - 1;
    for (let i = 0; i < last; i++) {
      let next = level.get(args[i]!) as Map<Key, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(args[i]!, next);
      }
      level = next;
    }
    const key = last >= 0 ? args[last]! : null;
    let value = level.get(key) as Readonly<V> | undefined;
    if (value === undefined) {
      value = Object.freeze(make(...args));
      level.set(key, value);
    }
    return value;
  };
}
