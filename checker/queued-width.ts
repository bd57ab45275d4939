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
