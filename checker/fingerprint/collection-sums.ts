/**
 * Sums of large Sets and Maps by identity, kept while a search hashes against a base (states are
 * immutable): a state's collections were summed when it was discovered, so recording it as the
 * base later does not hash every member again. The search says which walk found a new state
 * (`keepPending`); only its collections are kept, and only those of at least LARGE members (a
 * WeakMap look-up costs about as much as hashing a few members). A memo, owned by one hasher.
 */
const LARGE = 8;
const MAX_PENDING = 64;

export class Sums {
  constructor(
    readonly a: number,
    readonly b: number,
    readonly canonical: boolean,
  ) {}
}

export class CollectionSums {
  pendingCount = 0;
  private readonly byCollection = new WeakMap<object, Sums>();
  private readonly pending: object[] = [];
  private readonly pendingA = new Int32Array(MAX_PENDING);
  private readonly pendingB = new Int32Array(MAX_PENDING);
  private readonly pendingCanonical = new Uint8Array(MAX_PENDING);

  kept(collection: object, size: number): Sums | undefined {
    return size >= LARGE ? this.byCollection.get(collection) : undefined;
  }

  /** Notes a collection just summed; kept if the walk turns out to be a new state's. */
  remember(collection: object, size: number, a: number, b: number, canonical: boolean): void {
    const at = this.pendingCount;
    if (size < LARGE || at >= MAX_PENDING) return;
    this.pending[at] = collection;
    this.pendingA[at] = a;
    this.pendingB[at] = b;
    this.pendingCanonical[at] = canonical ? 1 : 0;
    this.pendingCount = at + 1;
  }

  keepPending(): void {
    for (let i = 0; i < this.pendingCount; i++) {
      this.byCollection.set(
        this.pending[i]!,
        new Sums(this.pendingA[i]!, this.pendingB[i]!, this.pendingCanonical[i] === 1),
      );
    }
    this.pendingCount = 0;
  }
}
