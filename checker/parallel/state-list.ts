/**
 * One thread's share of a BFS level, in order: the states themselves, or — for a packed spec whose
 * states are fingerprinted as exactly `width` int32 words (`queued-words.ts`) — their words in one
 * growing typed array. Words keep a level of millions of states out of the collector's way, and
 * move between threads as one array instead of a structured clone of every state.
 */
import { loadWords, storeWords } from '../queued-words.ts';
import { packStates, type Parcel, unpackStates } from './transport.ts';

/** States moved to another thread: a clone-ready parcel of states, or their words. */
export type MovedStates<S> = { readonly parcel: Parcel<S> } | { readonly words: Int32Array };

export class StateList<S> {
  private states: S[] = [];
  private words: Int32Array;
  private count = 0;

  constructor(private readonly width: number) {
    this.words = new Int32Array(width * 1024);
  }

  get length(): number {
    return this.width === 0 ? this.states.length : this.count;
  }

  push(state: S): void {
    const width = this.width;
    if (width === 0) {
      this.states.push(state);
      return;
    }
    this.reserve(this.count + 1);
    storeWords(state, this.words, this.count * width, width);
    this.count++;
  }

  /** The i-th state (for words, a fresh array of them: a packed spec's states are its words). */
  at(i: number): S {
    const width = this.width;
    if (width === 0) return this.states[i]!;
    return loadWords(this.words, i * width, width) as S; // a packed spec's states are its words
  }

  /** Removes the last `n` states and returns them ready to post to another thread. */
  removeLast(n: number): MovedStates<S> {
    if (this.width === 0) return { parcel: packStates(this.states.splice(this.states.length - n)) };
    this.count -= n;
    return { words: this.words.slice(this.count * this.width, (this.count + n) * this.width) };
  }

  /** Appends states another thread removed. */
  append(moved: MovedStates<S>): void {
    if ('parcel' in moved) {
      for (const state of unpackStates(moved.parcel)) this.push(state);
      return;
    }
    const n = moved.words.length / this.width;
    this.reserve(this.count + n);
    this.words.set(moved.words, this.count * this.width);
    this.count += n;
  }

  private reserve(states: number): void {
    if (states * this.width <= this.words.length) return;
    let capacity = this.words.length;
    while (capacity < states * this.width) capacity *= 2;
    const grown = new Int32Array(capacity);
    grown.set(this.words.subarray(0, this.count * this.width));
    this.words = grown;
  }
}
