/**
 * Which fields of a state a predicate reads, recorded by running it once on a stand-in that
 * notes every read — off the hot path: only when a counterexample is explained. Plain objects and
 * arrays are read through a Proxy (over a shallow copy, so frozen and interned values keep their
 * invariants), Maps and Sets through recording copies. A packed state is words: its stand-in
 * notes the words read, and the layout names each word's field (`fieldAt`, `rm[r1]` → `rm.r1`).
 */
import type { StateLayout, Words } from '../spec/packed.ts';

export type FieldPath = readonly (string | number)[];

/** `value`: the value at `path` was read; `size`: only how many entries it has (or its keys). */
export interface FieldRead {
  readonly path: FieldPath;
  readonly kind: 'value' | 'size';
}

export interface Tracked<R> {
  readonly result: R;
  readonly reads: readonly FieldRead[];
}

/** Runs `read` on stand-ins for `states` (same order), returning its result and, per state, what it read. */
export function trackReads<S, R>(
  states: readonly S[],
  read: (...states: S[]) => R,
): { result: R; reads: FieldRead[][] } {
  const recorders = states.map(() => new Recorder());
  const result = read(...states.map((s, i) => recorders[i]!.wrap(s, []) as S));
  return { result, reads: recorders.map((r) => r.reads()) };
}

/** For packed states: the fields whose words `read` reads, named by the layout. */
export function trackWordReads<R>(
  layout: StateLayout,
  states: readonly Words[],
  read: (...states: Words[]) => R,
): { result: R; reads: FieldRead[][] } {
  const seen = states.map(() => new Set<number>());
  const standIns = states.map(
    (words, i) =>
      new Proxy([...words], {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) seen[i]!.add(Number(key));
          return Reflect.get(target, key, receiver);
        },
      }),
  );
  const result = read(...standIns);
  const reads = seen.map((words) => {
    const fields = new Set([...words].sort((a, b) => a - b).map((w) => layout.fieldAt(w)));
    return [...fields].filter((f) => f !== '').map((f): FieldRead => ({ path: layoutPath(f), kind: 'value' }));
  });
  return { result, reads };
}

/** `rm[r1].state` → `['rm', 'r1', 'state']` (numbered array elements become numbers). */
export function layoutPath(field: string): FieldPath {
  return [...field.matchAll(/([^.[\]]+)/g)].map(([part]) => (/^\d+$/.test(part) ? Number(part) : part));
}

type Key = string | number;

/** Hands out recording stand-ins for one state's values and keeps what was read through them. */
class Recorder {
  private readonly seen = new Map<string, FieldRead>();
  /** Per value and path: one value shared by two fields (a broadcast's message) is read as each. */
  private readonly standIns = new WeakMap<object, Map<string, object>>();
  private readonly originals = new WeakMap<object, object>();

  reads(): FieldRead[] {
    return [...this.seen.values()];
  }

  note(path: FieldPath, kind: FieldRead['kind']): void {
    const key = `${kind}:${JSON.stringify(path)}`;
    if (!this.seen.has(key)) this.seen.set(key, { path, kind });
  }

  /** The stand-in for `value` found at `path`: a leaf is noted as read and returned as it is. */
  wrap(value: unknown, path: FieldPath): unknown {
    if (typeof value !== 'object' || value === null) {
      this.note(path, 'value');
      return value;
    }
    const byPath = this.standIns.get(value) ?? new Map<string, object>();
    this.standIns.set(value, byPath);
    const known = byPath.get(JSON.stringify(path));
    if (known !== undefined) return known;
    const standIn =
      value instanceof Map
        ? this.map(value, path)
        : value instanceof Set
          ? this.set(value, path)
          : this.proxy(value, path);
    byPath.set(JSON.stringify(path), standIn);
    this.originals.set(standIn, value);
    return standIn;
  }

  /** The original of a stand-in (so a Set's or Map's look-up by identity still finds it). */
  unwrap(value: unknown): unknown {
    return typeof value === 'object' && value !== null ? (this.originals.get(value) ?? value) : value;
  }

  private proxy(value: object, path: FieldPath): object {
    const copy: object = Array.isArray(value)
      ? [...value]
      : Object.assign(Object.create(Object.getPrototypeOf(value) as object | null) as object, value);
    const array = Array.isArray(value);
    return new Proxy(copy, {
      get: (target, key, receiver) => {
        if (typeof key === 'symbol' || !Object.hasOwn(target, key)) return Reflect.get(target, key, receiver);
        if (array && key === 'length') {
          this.note(path, 'size');
          return Reflect.get(target, key, receiver);
        }
        return this.wrap(Reflect.get(target, key, receiver), [...path, array ? Number(key) : key]);
      },
      has: (target, key) => {
        if (typeof key === 'string') this.note([...path, array && /^\d+$/.test(key) ? Number(key) : key], 'value');
        return Reflect.has(target, key);
      },
      ownKeys: (target) => {
        this.note(path, 'size');
        return Reflect.ownKeys(target);
      },
    });
  }

  private map(value: ReadonlyMap<unknown, unknown>, path: FieldPath): Map<unknown, unknown> {
    const recorder = this;
    const at = (k: unknown) => [...path, keyOf(k)];
    return new (class extends Map<unknown, unknown> {
      override get(k: unknown) {
        return recorder.wrap(super.get(recorder.unwrap(k)), at(k));
      }
      override has(k: unknown) {
        recorder.note(at(k), 'value');
        return super.has(recorder.unwrap(k));
      }
      override get size() {
        recorder.note(path, 'size');
        return super.size;
      }
      override *entries(): MapIterator<[unknown, unknown]> {
        recorder.note(path, 'size');
        for (const [k, v] of super.entries()) yield [k, recorder.wrap(v, at(k))];
      }
      override [Symbol.iterator]() {
        return this.entries();
      }
      override *values(): MapIterator<unknown> {
        for (const [, v] of this.entries()) yield v;
      }
      override keys() {
        recorder.note(path, 'size');
        return super.keys();
      }
      override forEach(f: (v: unknown, k: unknown, m: Map<unknown, unknown>) => void, self?: unknown) {
        for (const [k, v] of this.entries()) f.call(self, v, k, this);
      }
    })(value);
  }

  private set(value: ReadonlySet<unknown>, path: FieldPath): Set<unknown> {
    const recorder = this;
    return new (class extends Set<unknown> {
      override has(m: unknown) {
        recorder.note(path, 'value');
        return super.has(recorder.unwrap(m));
      }
      override get size() {
        recorder.note(path, 'size');
        return super.size;
      }
      override *values(): SetIterator<unknown> {
        recorder.note(path, 'value');
        for (const m of super.values()) yield typeof m === 'object' && m !== null ? recorder.wrap(m, path) : m;
      }
      override [Symbol.iterator]() {
        return this.values();
      }
      override keys() {
        return this.values();
      }
      override *entries(): SetIterator<[unknown, unknown]> {
        for (const m of this.values()) yield [m, m];
      }
      override forEach(f: (v: unknown, k: unknown, s: Set<unknown>) => void, self?: unknown) {
        for (const m of this.values()) f.call(self, m, m, this);
      }
    })(value);
  }
}

function keyOf(k: unknown): Key {
  return typeof k === 'string' || typeof k === 'number' ? k : (JSON.stringify(k) ?? String(k));
}
