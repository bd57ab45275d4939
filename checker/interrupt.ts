/**
 * Interrupting a run from outside: the caller shares an `Int32Array` over a SharedArrayBuffer
 * (`interrupt` in the check options) and stores a non-zero value in element 0 — from another
 * thread, as the CLI does on SIGINT or SIGTERM. Every engine reads it where it checks its other
 * bounds (parallel workers get the same buffer) and stops as `incomplete`, with its statistics.
 */

export const INTERRUPTED = 'interrupted';

/** `INTERRUPTED` once the flag is set, else undefined. */
export function interruptedReason(flag: Int32Array | undefined): string | undefined {
  return flag !== undefined && Atomics.load(flag, 0) !== 0 ? INTERRUPTED : undefined;
}

/** A new flag, not set. */
export function createInterruptFlag(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}
