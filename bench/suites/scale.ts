/**
 * `npm run bench -- scale`: the disk store (issue 20, point 7). First the slowdown against the
 * in-memory store on a model that fits both (TwoPhase, 8 RMs), each in a fresh process,
 * side by side, with a small bound that sends the disk store to disk early; then TwoPhase with 11
 * RMs (366,993,408 distinct states: 4ⁿ + 2ⁿ + 6ⁿ, the closed form of TLC's counts for 3, 7 and
 * 8 RMs) with the store bounded to 1 GB: bytes of RAM (peak RSS) and of disk per state, time and
 * rate, printing progress (RSS and disk bytes so far) every minute. It takes over an hour on a loaded
 * 2-core machine; `--quick` runs TwoPhase with 7 RMs and, for scale, TwoPhase with 8 RMs under a
 * 32 MB bound, in a minute or two.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Measurement } from '../measure-one.ts';
import type { BenchOptions } from '../run.ts';
import { measureInChild } from './throughput.ts';

export const name = 'scale';
export const description =
  'the disk store: a model of 10^8 states with a 1 GB bound; slowdown against the in-memory store';

const MB = 2 ** 20;

interface Plan {
  readonly fits: {
    readonly label: string;
    readonly settings: Record<string, number | boolean>;
    readonly bound: number;
  };
  readonly large: { readonly label: string; readonly rms: number; readonly bound: number };
}

const FULL: Plan = {
  fits: { label: 'TwoPhase 8 RMs', settings: { rms: 8 }, bound: 16 * MB },
  large: { label: 'TwoPhase 11 RMs', rms: 11, bound: 1024 * MB },
};
const QUICK: Plan = {
  fits: { label: 'TwoPhase 7 RMs', settings: { rms: 7 }, bound: 4 * MB },
  large: { label: 'TwoPhase 8 RMs', rms: 8, bound: 32 * MB },
};

const n = (x: number) => x.toLocaleString('en-US');

function measured(m: Measurement | string): Measurement {
  if (typeof m === 'string') throw new Error(m);
  return m;
}

/** In memory, then on the disk store, in fresh processes: same counts, and the ratio of times. */
function slowdown(plan: Plan['fits']) {
  const target = { protocol: 'two-phase-commit', settings: plan.settings };
  const memory = measured(measureInChild(target, 1));
  const disk = measured(measureInChild(target, 1, { store: 'disk', memoryBytes: plan.bound }));
  const same = memory.distinct === disk.distinct && memory.generated === disk.generated && memory.depth === disk.depth;
  return {
    model: plan.label,
    memorySeconds: +memory.seconds.toFixed(1),
    diskSeconds: +disk.seconds.toFixed(1),
    slowdown: +(disk.seconds / memory.seconds).toFixed(2),
    cpuSlowdown: +(disk.cpuSeconds / memory.cpuSeconds).toFixed(2),
    memoryRssMb: memory.peakRssMb,
    diskRssMb: disk.peakRssMb,
    flushes: disk.disk?.flushes ?? 0,
    sameCounts: same,
  };
}

/** TwoPhase's distinct states with `rms` RMs: 4ⁿ (TM undecided) + 2ⁿ (committed) + 6ⁿ (aborted). */
const twoPhaseStates = (rms: number) => 4 ** rms + 2 ** rms + 6 ** rms;

function large(plan: Plan['large']) {
  const storeDir = mkdtempSync(join(tmpdir(), 'kripke-bench-scale-'));
  try {
    const target = { protocol: 'two-phase-commit', settings: { rms: plan.rms } };
    const m = measured(measureInChild(target, 1, { store: 'disk', memoryBytes: plan.bound, storeDir }, 60_000));
    const d = m.disk!;
    return {
      model: plan.label,
      status: m.status,
      distinct: m.distinct,
      expected: twoPhaseStates(plan.rms),
      generated: m.generated,
      depth: m.depth,
      bound: `${plan.bound / MB} MB`,
      seconds: Math.round(m.seconds),
      generatedPerSecond: m.generatedPerSecond,
      peakRssMb: m.peakRssMb,
      ramBytesPerState: +((m.peakRssMb * MB) / m.distinct).toFixed(2),
      diskBytesPerState: +((d.fingerprintBytes + d.parentBytes) / m.distinct).toFixed(2),
      queuePeakMb: Math.round(d.queueBytes / MB),
      storePeakMb: Math.round(d.peakStoreBytes / MB),
      flushes: d.flushes,
      spilledAtStates: d.spilledAtStates,
    };
  } finally {
    rmSync(storeDir, { recursive: true, force: true });
  }
}

export async function run(options: BenchOptions): Promise<unknown> {
  const plan = options.quick ? QUICK : FULL;
  const fits = slowdown(plan.fits);
  if (!options.json) {
    process.stdout.write(
      `${fits.model}: in memory ${fits.memorySeconds} s (RSS ${fits.memoryRssMb} MB), disk store ${fits.diskSeconds} s ` +
        `(RSS ${fits.diskRssMb} MB, ${fits.flushes} flushes): ${fits.slowdown}× by wall clock, ${fits.cpuSlowdown}× by CPU time; ` +
        `${fits.sameCounts ? 'same counts' : 'COUNTS DIFFER'}\n`,
    );
  }
  const big = large(plan.large);
  if (!options.json) {
    process.stdout.write(
      `${big.model}, store bound ${big.bound}: ${big.status}, ${n(big.distinct)} distinct, ${n(big.generated)} generated, ` +
        `depth ${big.depth}, ${n(big.seconds)} s (${n(big.generatedPerSecond)}/s); the store in memory at most ${n(big.storePeakMb)} MB, ` +
        `the process's peak RSS ${n(big.peakRssMb)} MB = ${big.ramBytesPerState} B/state, ` +
        `disk ${big.diskBytesPerState} B/state (+ queue up to ${n(big.queuePeakMb)} MB), ${big.flushes} flushes from ${n(big.spilledAtStates ?? 0)} states` +
        `; ${big.distinct === big.expected ? `= 4ⁿ + 2ⁿ + 6ⁿ` : `EXPECTED ${n(big.expected)}`}${big.distinct >= 1e8 || options.quick ? '' : '; BELOW 10^8 STATES'}\n`,
    );
  }
  return { fits, large: big };
}
