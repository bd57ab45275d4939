/**
 * Interned value objects. JavaScript's Set and Map compare objects by identity, so a state that
 * keeps a set of records (TLA+'s `msgs`, a set of message records) needs one shared object per
 * distinct record: then `msgs.has(message(…))` asks about the value, and sending a message twice
 * leaves the set unchanged.
 *
 * ```ts
 * const vote = interned((acceptor: string, ballot: number) => ({ type: 'vote', acceptor, ballot }));
 * vote('a1', 2) === vote('a1', 2) // true: the same deeply frozen object
 * ```
 *
 * Arguments may be any state values. Scalar arguments key a tree of Maps, one level per argument,
 * so a look-up costs a few Map reads (it runs inside actions, in the hot loop); an array or record
 * argument is keyed by its value. Interned objects are canonical across factories: two factories
 * that build equal records return the same object. When states cross a thread (parallel search),
 * the checker hands their interned parts to `adoptInterned`, so identity keeps its meaning there.
 */
import { canonicalKey } from './canonical.ts';

type Arg = unknown;

interface Tables {
  /** Every interned object of this thread, by the canonical key of its value. */
  readonly canonicalByKey: Map<string, object>;
  readonly canonicalObjects: WeakSet<object>;
  /** Array and record arguments: one key object per distinct value. */
  readonly argKeys: Map<string, object>;
}

/**
 * The tables live on `globalThis`, so that every copy of Kripke in a thread shares them: a
 * TypeScript model in a CommonJS project gets its own copy of `kripke/spec` (tsx compiles the
 * package for `require`), and its interned records must be the checker's.
 */
const TABLES = Symbol.for('kripke.interned.tables/1');
const tables = ((globalThis as { [TABLES]?: Tables })[TABLES] ??= {
  canonicalByKey: new Map(),
  canonicalObjects: new WeakSet(),
  argKeys: new Map(),
});
const { canonicalByKey, canonicalObjects, argKeys } = tables;

export function interned<A extends readonly Arg[], V extends object>(
  make: (...args: A) => V,
): (...args: A) => Readonly<V> {
  const root = new Map<unknown, unknown>();
  return (...args: A): Readonly<V> => {
    let level = root;
    const last = args.length - 1;
    for (let i = 0; i < last; i++) {
      const key = argKey(args[i]);
      let next = level.get(key) as Map<unknown, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(key, next);
      }
      level = next;
    }
    const key = last >= 0 ? argKey(args[last]) : null;
    let value = level.get(key) as Readonly<V> | undefined;
    if (value === undefined) {
      value = adoptInterned(make(...args));
      level.set(key, value);
    }
    return value;
  };
}

function argKey(arg: Arg): unknown {
  if (typeof arg !== 'object' || arg === null) return arg;
  const key = canonicalKey(arg);
  let token = argKeys.get(key);
  if (token === undefined) {
    token = Object.freeze({ key });
    argKeys.set(key, token);
  }
  return token;
}

/** Whether `value` is this thread's interned object for its value. */
export function isInterned(value: object): boolean {
  return canonicalObjects.has(value);
}

/**
 * The interned object equal in value to `value`: the one already known, or `value` itself, deeply
 * frozen and registered. Its parts should already be canonical where that matters to the model.
 */
export function adoptInterned<V extends object>(value: V): Readonly<V> {
  if (canonicalObjects.has(value)) return value;
  const key = canonicalKey(value);
  const known = canonicalByKey.get(key);
  if (known !== undefined) return known as Readonly<V>;
  deepFreeze(value);
  canonicalByKey.set(key, value);
  canonicalObjects.add(value);
  return value;
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  if (value instanceof Map)
    value.forEach((v, k) => {
      deepFreeze(k);
      deepFreeze(v);
    });
  else if (value instanceof Set) value.forEach(deepFreeze);
  else for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  Object.freeze(value);
}
