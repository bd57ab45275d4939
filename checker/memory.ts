/**
 * The memory bound: every run has one, so that a run that outgrows memory stops as `incomplete`
 * with its statistics instead of dying in V8's fatal "heap out of memory" or being killed by the
 * operating system. Two limits, checked together wherever an engine checks its other bounds:
 * - the bound itself, on the visited-state store plus the JavaScript heap (`memoryBytes`; by
 *   default half of the machine's memory, or of the container's limit when that is smaller);
 * - the heap's own limit: states waiting in the queue live on the heap, and V8 aborts the process
 *   when the heap is full, so a run stops when the heap in use reaches `HEAP_SHARE` of its limit.
 * The engines read Node's figures through `globalThis.process` (they import nothing from Node).
 */

/** Stop when the heap in use reaches this share of the heap limit (V8 thrashes, then aborts, near it). */
export const HEAP_SHARE = 0.7;
/** The default bound's share of the machine's (or the container's) memory. */
export const MACHINE_SHARE = 0.5;

interface NodeProcess {
  memoryUsage?: () => { heapUsed: number };
  constrainedMemory?: () => number | undefined;
  getBuiltinModule?: (name: string) => unknown;
}

const nodeProcess = (globalThis as { process?: NodeProcess }).process;
const mb = (n: number) => (n >= 2 ** 30 ? `${(n / 2 ** 30).toFixed(1)} GB` : `${Math.round(n / 2 ** 20)} MB`);
const ADVICE = 'use --workers, a smaller configuration, symmetry, or a larger --memory';

/** The default `memoryBytes`: half of the machine's memory (Infinity where unknown, e.g. in a browser). */
export function defaultMemoryBytes(): number {
  const os = nodeProcess?.getBuiltinModule?.('node:os') as { totalmem(): number } | undefined;
  const machine = os?.totalmem() ?? Infinity;
  const limit = nodeProcess?.constrainedMemory?.();
  // Node reports "no limit" as a huge number (2^64 or the machine's size).
  const available = limit !== undefined && limit > 0 && limit < machine ? limit : machine;
  return Math.floor(available * MACHINE_SHARE);
}

interface HeapStatistics {
  readonly heap_size_limit: number;
  readonly used_heap_size: number;
}

const v8 = nodeProcess?.getBuiltinModule?.('node:v8') as { getHeapStatistics(): HeapStatistics } | undefined;

/** The JavaScript heap's limit in this thread (Infinity where unknown). */
export function heapLimit(): number {
  return v8?.getHeapStatistics().heap_size_limit ?? Infinity;
}

/**
 * The heap in use in this thread (0 where unknown): V8's figure, which `process.memoryUsage()`
 * also gives, but without that call's read of the RSS, which costs 20 times as much.
 */
function heapUsed(): number {
  return v8 ? v8.getHeapStatistics().used_heap_size : (nodeProcess?.memoryUsage?.().heapUsed ?? 0);
}

/** "memory bound 12.0 GB (half of the machine's 24.0 GB); the run also stops when the JavaScript heap reaches 70% of its 4.0 GB limit" */
export function describeMemoryBound(bound: number, given: boolean): string {
  const why = given
    ? 'from --memory'
    : `default: half of the ${mb(bound / MACHINE_SHARE)} of memory; --memory to change`;
  return (
    `memory bound ${mb(bound)} (${why}); a run also stops when the JavaScript heap reaches ` +
    `${Math.round(HEAP_SHARE * 100)}% of its ${mb(heapLimit())} limit`
  );
}

/** Measures memory against the bound for one run (the heap limit is read once). */
export class MemoryGauge {
  private readonly heapStop = heapLimit() * HEAP_SHARE;

  constructor(private readonly bound: number) {}

  /** Why the run must stop when store + heap reach the bound or the heap nears its limit; else undefined. */
  exceeded(storeBytes: number): string | undefined {
    const heap = heapUsed();
    if (storeBytes + heap >= this.bound) {
      return `memory bound ${mb(this.bound)} reached (store ${mb(storeBytes)}, queue and heap ${mb(heap)}); ${ADVICE}`;
    }
    if (heap >= this.heapStop) {
      return (
        `the JavaScript heap is ${Math.round(HEAP_SHARE * 100)}% full (${mb(heap)} of ${mb(this.heapStop / HEAP_SHARE)}); ` +
        `${ADVICE} (or node --max-old-space-size)`
      );
    }
    return undefined;
  }
}
