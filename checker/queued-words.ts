/**
 * Packed states in a frontier: a frontier of a packed spec may keep each queued state as its
 * int32 words in a typed array instead of the array itself (the BFS queue, a parallel thread's
 * level), so millions of queued states are never walked by the garbage collector.
 */
import type { Spec } from '../spec/types.ts';
import type { ResolvedOptions } from './options.ts';

/**
 * The words per state a frontier may keep instead of the states: a packed spec's, when every state
 * it queues has been fingerprinted as exactly that many int32 words (no view or symmetry, which
 * fingerprint another value) and strict mode, which checks that queued states are not changed
 * afterwards, is off. 0: keep the states.
 */
export function queuedWidth<S>(spec: Spec<S>, options: ResolvedOptions): number {
  if (!spec.layout || spec.view || spec.symmetry || options.strict) return 0;
  return spec.layout.size;
}

/** Writes a packed state's `width` words into `into` from position `at`. */
export function storeWords(state: unknown, into: Int32Array, at: number, width: number): void {
  const words = state as readonly number[]; // a packed spec's states are its words
  for (let i = 0; i < width; i++) into[at + i] = words[i]!;
}

/** The packed state whose `width` words start at `at`: a fresh array of small integers. */
export function loadWords(from: Int32Array, at: number, width: number): number[] {
  const words: number[] = [];
  for (let i = 0; i < width; i++) words.push(from[at + i]!);
  return words;
}
