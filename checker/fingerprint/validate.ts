/**
 * Why a value is not a state value, as a path to the first bad part (`$.msgs[2].at is undefined
 * …`). Slow; used only to explain `NOT_A_VALUE` after the hasher threw it, so it checks the same
 * rules: plain data only, no circular references, no deeper nesting than `MAX_DEPTH`, and no Set
 * (or Map) holding two members (keys) equal in value that are different objects.
 */
import { Hasher, MAX_DEPTH } from './hasher.ts';

export function describeInvalidValue(value: unknown): string | undefined {
  return new Explainer().explain(value, '$', 0);
}

class Explainer {
  private readonly hasher = new Hasher();
  /** The composite values on the path from the root to the part being explained. */
  private readonly ancestors: object[] = [];
  private readonly ancestorPaths: string[] = [];

  explain(value: unknown, path: string, depth: number): string | undefined {
    switch (typeof value) {
      case 'number':
        return Number.isFinite(value) ? undefined : `${path} is ${value} (only finite numbers are state values)`;
      case 'string':
      case 'boolean':
      case 'bigint':
        return undefined;
      case 'undefined':
        return `${path} is undefined (use null, or leave the key out)`;
      case 'function':
        return `${path} is a function (states hold data only)`;
      case 'symbol':
        return `${path} is a symbol (states hold data only)`;
      case 'object':
        return value === null ? undefined : this.explainObject(value, path, depth);
    }
  }

  private explainObject(value: object, path: string, depth: number): string | undefined {
    const cycle = this.ancestors.indexOf(value);
    if (cycle >= 0)
      return `${path} refers back to ${this.ancestorPaths[cycle]} (a circular value; states are trees of data)`;
    if (depth >= MAX_DEPTH) return `${path} is nested more than ${MAX_DEPTH} levels deep (the limit for state values)`;
    const proto: unknown = Object.getPrototypeOf(value);
    const plain =
      Array.isArray(value) ||
      value instanceof Map ||
      value instanceof Set ||
      proto === Object.prototype ||
      proto === null;
    if (!plain) {
      const ctor = (value as { constructor?: { name?: string } }).constructor?.name ?? 'unknown class';
      return `${path} is an instance of ${ctor} (use plain objects, arrays, Map or Set)`;
    }
    this.ancestors.push(value);
    this.ancestorPaths.push(path);
    try {
      return this.explainParts(value, path, depth + 1);
    } finally {
      this.ancestors.pop();
      this.ancestorPaths.pop();
    }
  }

  private explainParts(value: object, path: string, depth: number): string | undefined {
    if (Array.isArray(value))
      return this.first(
        value.map((v, i) => [v, `${path}[${i}]`]),
        depth,
      );
    if (value instanceof Map) {
      return (
        this.first(
          [...value].flatMap(([k, v]) => [
            [k, `${path}<key>`],
            [v, `${path}.get(${short(k)})`],
          ]),
          depth,
        ) ?? this.equalMembers([...value.keys()], path, 'keys', 'Map')
      );
    }
    if (value instanceof Set)
      return (
        this.first(
          [...value].map((m) => [m, `${path}<member>`]),
          depth,
        ) ?? this.equalMembers([...value], path, 'members', 'Set')
      );
    const entries = Object.keys(value).map((k): [unknown, string] => [
      (value as Record<string, unknown>)[k],
      `${path}.${k}`,
    ]);
    return this.first(entries, depth);
  }

  private first(parts: readonly (readonly [unknown, string])[], depth: number): string | undefined {
    for (const [part, path] of parts) {
      const found = this.explain(part, path, depth);
      if (found) return found;
    }
    return undefined;
  }

  /** Two composite members (or keys) equal in value but not the same object. */
  private equalMembers(members: readonly unknown[], path: string, what: string, kind: string): string | undefined {
    const byPrint = new Map<bigint, unknown>();
    for (const member of members) {
      if (typeof member !== 'object' || member === null) continue;
      const print = this.hasher.of(member);
      if (byPrint.has(print)) {
        return (
          `${path} holds two ${what} equal in value, ${preview(member)}, that are different objects: a ${kind} compares ` +
          'objects by identity, so this state would not mean what it says; build such values with interned(…) (kripke/spec), ' +
          'or use scalar keys'
        );
      }
      byPrint.set(print, member);
    }
    return undefined;
  }
}

function short(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

function preview(v: unknown): string {
  try {
    const text = JSON.stringify(v, (_k, x: unknown) =>
      x instanceof Set || x instanceof Map ? [...x] : typeof x === 'bigint' ? `${x}n` : x,
    );
    return text.length > 80 ? `${text.slice(0, 77)}…` : text;
  } catch {
    return String(v);
  }
}
