/**
 * The consensus library's default configurations (paxos, raft), timed end to end: distinct
 * states, generated states and seconds. The issue asks that each finishes within 2 minutes.
 * Each also runs on two workers, which must give one worker's figures (MISMATCH otherwise).
 */
import { check } from '../../checker/index.ts';
import type { Protocol } from '../../spec/index.ts';
import { paxos } from '../../model/paxos/paxos.ts';
import { raft } from '../../model/raft/raft.ts';
import type { BenchOptions } from '../run.ts';

export const name = 'consensus';
export const description = 'paxos and raft on their default configurations (distinct states, seconds)';

interface Row {
  readonly model: string;
  readonly workers: number;
  readonly status: string;
  readonly distinctStates: number;
  readonly generatedStates: number;
  readonly depth: number;
  readonly seconds: number;
}

const MODULES: Readonly<Record<string, string>> = {
  paxos: new URL('../../model/paxos/paxos.ts', import.meta.url).href,
  raft: new URL('../../model/raft/raft.ts', import.meta.url).href,
};

function measure(protocol: Protocol, settings: Record<string, string>, workers: number): Row {
  const spec = protocol.instantiate(settings);
  const started = performance.now();
  const result = check(spec, {
    workers,
    specSource: { module: MODULES[protocol.name]!, exportName: protocol.name, settings },
  });
  const seconds = (performance.now() - started) / 1000;
  const { distinctStates, generatedStates, depth } = result.stats;
  return {
    model: protocol.name,
    workers,
    status: result.status,
    distinctStates,
    generatedStates,
    depth,
    seconds: Math.round(seconds * 100) / 100,
  };
}

export async function run(options: BenchOptions): Promise<Row[]> {
  // --quick: smaller configurations (no crash), for a fast look.
  const quick: Record<string, string> = options.quick ? { crashes: '0' } : {};
  const rows = [paxos, raft].flatMap((p) => [measure(p, quick, 1), measure(p, quick, 2)]);
  if (!options.json) {
    rows.forEach((r, i) => {
      const one = rows[i - (r.workers - 1)]!;
      const same =
        [r.status, r.distinctStates, r.generatedStates, r.depth].join() ===
        [one.status, one.distinctStates, one.generatedStates, one.depth].join();
      process.stdout.write(
        `${r.model.padEnd(8)} ${r.workers} worker${r.workers > 1 ? 's' : ' '} ${r.status.padEnd(6)} ` +
          `${String(r.distinctStates).padStart(9)} distinct ${String(r.generatedStates).padStart(10)} generated  depth ${r.depth}  ` +
          `${r.seconds.toFixed(2)} s${same ? '' : '  MISMATCH with one worker'}\n`,
      );
    });
  }
  return rows;
}
