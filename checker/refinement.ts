/**
 * Refinement, TLA+'s `PROPERTY Abstract!Spec` under a mapping (`refines(name, abstract, map)`):
 * every initial state maps to an initial state of the abstract spec, and every step maps to a
 * step of the abstract spec or to a stutter (the mapped state does not change). The safety part
 * only: the abstract spec's fairness is not checked. States are compared by the abstract spec's
 * identity (its view and symmetry), as TLC compares them by value.
 *
 * It runs inside the safety search as a step property, so every engine checks it alike. The
 * abstract spec is never explored as a whole: the successors of an abstract state are computed
 * the first time a concrete step leaves it, and kept (abstract fingerprints, 8 bytes a step).
 * A mapped state whose parts are the same objects as the one before is a stutter without hashing,
 * and a mapping that returns the same object for the same image (a memo) has each image hashed
 * once: fingerprints are kept by object while that pays (most look-ups hit).
 */
import { KripkeError } from '../spec/errors.ts';
import type { Refinement } from '../spec/properties.ts';
import { HashSet64 } from './fingerprint/hash-set.ts';
import { IntList } from './liveness/int-list.ts';
import { TableStore } from './store.ts';
import { messageOf, Successors } from './successors.ts';

export class RefinementCheck<S> {
  private readonly abstract: Successors<unknown>;
  private readonly initial = new HashSet64();
  /** Abstract states left by some concrete step: fingerprint → dense id. */
  private readonly sources = new TableStore(1024);
  /** Per source id, its successors' fingerprints: pairs in `successorPrints` from `start[id]` to `start[id + 1]`. */
  private readonly start = new IntList();
  private readonly successorPrints = new IntList();
  // The state before the steps being checked (one expansion's successors share it).
  private before: S | undefined;
  private mappedBefore: unknown;
  private beforeHi = 0;
  private beforeLo = 0;
  private beforeId = -1;
  /** Mapped objects' fingerprints (index of the pair in `printOf`), while most look-ups hit. */
  private prints: WeakMap<object, number> | undefined = new WeakMap();
  private readonly printOf = new IntList();
  private misses = 0;
  private hits = 0;
  /** The fingerprint `print` found last. */
  private hi = 0;
  private lo = 0;

  constructor(
    private readonly model: string,
    private readonly refinement: Refinement<S>,
  ) {
    this.abstract = new Successors(refinement.abstract, false);
    for (const state of this.abstract.initialStates()) {
      this.identify(state);
      this.initial.add(this.abstract.hasher.hi, this.abstract.hasher.lo);
    }
    this.start.push(0);
  }

  /** Whether the state maps to an initial state of the abstract spec. */
  initialHolds(state: S): boolean {
    this.identify(this.map(state));
    return this.initial.has(this.abstract.hasher.hi, this.abstract.hasher.lo);
  }

  /** Whether the step maps to an abstract step or a stutter. */
  stepHolds(before: S, after: S): boolean {
    if (before !== this.before) this.enter(before);
    const mapped = this.map(after);
    if (mapped === this.mappedBefore || sameParts(mapped, this.mappedBefore)) return true;
    this.print(mapped);
    const { hi, lo } = this;
    if (hi === this.beforeHi && lo === this.beforeLo) return true;
    const id = this.sourceId();
    for (let i = this.start.get(id); i < this.start.get(id + 1); i += 2) {
      if (this.successorPrints.get(i) === hi && this.successorPrints.get(i + 1) === lo) return true;
    }
    return false;
  }

  private enter(before: S): void {
    this.before = before;
    this.mappedBefore = this.map(before);
    this.print(this.mappedBefore);
    this.beforeHi = this.hi;
    this.beforeLo = this.lo;
    this.beforeId = -1;
  }

  /** The abstract fingerprint of a mapped state into `hi`/`lo`, from the cache when the same object was mapped before. */
  private print(mapped: unknown): void {
    const cache = typeof mapped === 'object' && mapped !== null ? this.prints : undefined;
    const known = cache?.get(mapped as object);
    if (known !== undefined) {
      this.hits++;
      this.hi = this.printOf.get(known);
      this.lo = this.printOf.get(known + 1);
      return;
    }
    this.identify(mapped);
    this.hi = this.abstract.hasher.hi;
    this.lo = this.abstract.hasher.lo;
    if (cache === undefined) return;
    if (++this.misses === 4096 && this.hits < 1024) this.prints = undefined; // images are rarely the same object: stop keeping them
    cache.set(mapped as object, this.printOf.length);
    this.printOf.push(this.hi);
    this.printOf.push(this.lo);
  }

  /** The id of the abstract state before the step, its successors computed on first use. */
  private sourceId(): number {
    if (this.beforeId >= 0) return this.beforeId;
    const id = this.sources.insert(this.beforeHi, this.beforeLo);
    if (id < 0) return (this.beforeId = ~id);
    this.abstract.forEach(this.mappedBefore, (next) => {
      this.identify(next);
      this.successorPrints.push(this.abstract.hasher.hi);
      this.successorPrints.push(this.abstract.hasher.lo);
    });
    this.start.push(this.successorPrints.length);
    return (this.beforeId = id);
  }

  private map(state: S): unknown {
    try {
      return this.refinement.map(state);
    } catch (e) {
      throw new KripkeError(
        'property-threw',
        `refinement '${this.refinement.name}': the mapping threw: ${messageOf(e)}`,
        { model: this.model, property: this.refinement.name },
      );
    }
  }

  private identify(abstractState: unknown): void {
    this.abstract.identify(abstractState, () => ({ property: this.refinement.name, mapping: 'the mapped state' }));
  }
}

/** Two records (or arrays) whose entries are the same values or objects: equal without hashing (and without allocating). */
function sameParts(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) || a instanceof Set || a instanceof Map) return false;
  const x = a as Record<string, unknown>,
    y = b as Record<string, unknown>;
  let entries = 0;
  for (const k in x) {
    if (!Object.hasOwn(y, k) || x[k] !== y[k]) return false;
    entries++;
  }
  for (const _ in y) entries--;
  return entries === 0;
}
