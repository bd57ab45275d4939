/**
 * Record keys, as a trie of the key sequences met (in `for…in` order): records built by the same
 * code share a path, so a key's hash is found by comparing interned strings with the few keys
 * that followed the previous one — no string hashing, no Map look-up. Bounded; past the bound,
 * keys are hashed through the string cache. A memo of a pure function, owned by one hasher.
 */
import type { StringHashes } from './strings.ts';

export class KeyNode {
  readonly keys: string[] = [];
  readonly next: KeyNode[] = [];
  constructor(
    readonly a: number,
    readonly b: number,
  ) {}
}

const FANOUT = 8;
const MAX_KEY_NODES = 1 << 16;

export class KeyTrie {
  readonly root = new KeyNode(0, 0);
  /** The last key's hash. */
  a = 0;
  b = 0;
  private nodes = 0;
  /** Where keys are hashed without the trie (it is full, or a node has too many followers). */
  private readonly untried = new KeyNode(0, 0);

  constructor(private readonly strings: StringHashes) {}

  /** The trie node of `key` after `at`; the key's hash is left in `a`/`b`. */
  after(at: KeyNode, key: string): KeyNode {
    const keys = at.keys;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === key) {
        const found = at.next[i]!;
        this.a = found.a;
        this.b = found.b;
        return found;
      }
    }
    const strings = this.strings;
    strings.hash(key);
    this.a = strings.a;
    this.b = strings.b;
    if (keys.length >= FANOUT || this.nodes >= MAX_KEY_NODES || at === this.untried) return this.untried;
    const added = new KeyNode(strings.a, strings.b);
    this.nodes++;
    keys.push(key);
    at.next.push(added);
    return added;
  }
}
