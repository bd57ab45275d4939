/**
 * The consensus library's default configurations (paxos, raft), timed end to end: distinct
 * states, generated states and seconds. The issue asks that each finishes within 2 minutes.
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
  readonly status: string;
  readonly distinctStates: number;
  readonly generatedStates: number;
  readonly depth: number;
  readonly seconds: number;
}

function measure(protocol: Protocol, settings: Record<string, string>): Row {
  const spec = protocol.instantiate(settings);
  const started = performance.now();
  const result = check(spec);
  const seconds = (performance.now() - started) / 1000;
  const { distinctStates, generatedStates, depth } = result.stats;
  return { model: protocol.name, status: result.status, distinctStates, generatedStates, depth, seconds: Math.round(seconds * 100) / 100 };
}

export async function run(options: BenchOptions): Promise<Row[]> {
  // --quick: smaller configurations (no crash), for a fast look.
  const quick: Record<string, string> = options.quick ? { crashes: '0' } : {};
  const rows = [measure(paxos, quick), measure(raft, quick)];
  if (!options.json) {
    for (const r of rows) {
      process.stdout.write(`${r.model.padEnd(8)} ${r.status.padEnd(6)} ${String(r.distinctStates).padStart(9)} distinct ` +
        `${String(r.generatedStates).padStart(10)} generated  depth ${r.depth}  ${r.seconds.toFixed(2)} s\n`);
    }
  }
  return rows;
}
