/**
 * The report `kripke merge` prints: the campaign's shards summed into one view. Distinct states
 * cannot be summed exactly (shards do not share fingerprints), so the report gives the largest
 * shard's count and the sum as an upper bound.
 */
import type { ShardResult } from './commands/merge.ts';
import { kripkeVersion } from '../counterexamples/version.ts';

const n = (x: number) => x.toLocaleString('en-US');

interface MergedViolation {
  readonly property: string;
  readonly kind: string;
  readonly steps: number;
  readonly path: string;
  readonly shard: string;
  readonly reproduce: string;
}

interface Counted {
  readonly action: string;
  fired: number;
  found: number;
}

export interface MergedReport {
  readonly kind: 'kripke-simulation-merge';
  readonly version: 1;
  readonly kripkeVersion: string;
  readonly model: string;
  readonly variant: string | null;
  readonly settings: Readonly<Record<string, string>>;
  readonly campaignSeed: number;
  readonly depth: number;
  readonly status: 'pass' | 'violation' | 'error';
  readonly shards: { readonly count: number; readonly present: readonly number[]; readonly missing: readonly number[] };
  readonly runs: number;
  readonly steps: number;
  /** The shards' rates added up: the campaign's throughput when shards run in parallel. */
  readonly stepsPerSecond: number;
  readonly deepestWalk: number;
  readonly distinctStates: { readonly largestShard: number; readonly sumUpperBound: number };
  readonly coverage: readonly Counted[];
  readonly sometimes: readonly { property: string; walks: number }[];
  readonly violations: readonly MergedViolation[];
  readonly errors: readonly { shard: string; code: string; message: string }[];
}

export function renderMerged(shards: readonly ShardResult[]): { text: string; report: MergedReport } {
  const first = shards[0]!;
  const sims = shards.map((s) => s.stats.simulation);
  const count = sims[0]!.shard?.count ?? 1;
  const present = sims.map((s) => s.shard?.index ?? 1).sort((a, b) => a - b);
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !present.includes(i));
  const sum = (pick: (s: (typeof sims)[number]) => number) => sims.reduce((total, s) => total + pick(s), 0);
  const violations = shortestViolations(shards);
  const errors = shards.filter((s) => s.status === 'error').map((s) => ({ shard: shardName(s), ...s.error! }));
  const report: MergedReport = {
    kind: 'kripke-simulation-merge',
    version: 1,
    kripkeVersion: kripkeVersion(),
    model: first.model,
    variant: first.variant,
    settings: first.settings,
    campaignSeed: sims[0]!.campaignSeed,
    depth: sims[0]!.depth,
    status: errors.length ? 'error' : violations.length ? 'violation' : 'pass',
    shards: { count, present, missing },
    runs: sum((s) => s.runs),
    steps: sum((s) => s.steps),
    stepsPerSecond: sum((s) => s.stepsPerSecond),
    deepestWalk: Math.max(...sims.map((s) => s.deepestWalk)),
    distinctStates: {
      largestShard: Math.max(...shards.map((s) => s.stats.distinctStates)),
      sumUpperBound: shards.reduce((t, s) => t + s.stats.distinctStates, 0),
    },
    coverage: mergeCoverage(shards),
    sometimes: mergeSometimes(sims.map((s) => s.sometimes)),
    violations,
    errors,
  };
  return { text: renderText(report), report };
}

function shardName(s: ShardResult): string {
  const shard = s.stats.simulation.shard;
  return shard ? `${shard.index}/${shard.count}` : '1/1';
}

function shortestViolations(shards: readonly ShardResult[]): MergedViolation[] {
  const best = new Map<string, MergedViolation>();
  for (const shard of shards) {
    for (const v of shard.violations ?? []) {
      if (v.path === null) continue;
      const steps = v.path.split('/').length - 1;
      const known = best.get(v.property);
      if (known && known.steps <= steps) continue;
      best.set(v.property, {
        property: v.property,
        kind: v.kind,
        steps,
        path: v.path,
        shard: shardName(shard),
        reproduce: shard.reproduce,
      });
    }
  }
  return [...best.values()];
}

function mergeCoverage(shards: readonly ShardResult[]) {
  const byAction = new Map<string, Counted>();
  for (const shard of shards) {
    for (const c of shard.stats.coverage) {
      const total = byAction.get(c.action) ?? { action: c.action, fired: 0, found: 0 };
      total.fired += c.fired;
      total.found += c.found;
      byAction.set(c.action, total);
    }
  }
  return [...byAction.values()];
}

function mergeSometimes(lists: readonly (readonly { property: string; walks: number }[])[]) {
  const totals = new Map<string, number>();
  for (const list of lists)
    for (const hit of list) totals.set(hit.property, (totals.get(hit.property) ?? 0) + hit.walks);
  return [...totals].map(([property, walks]) => ({ property, walks }));
}

function renderText(r: MergedReport): string {
  const missing = r.shards.missing;
  const lines = [
    `Merged ${r.shards.present.length} of ${r.shards.count} shards of ${r.model}` +
      `${r.variant ? `, variant ${r.variant}` : ''} (campaign seed ${r.campaignSeed}, walks of up to ${r.depth} steps)`,
  ];
  if (missing.length) lines.push(`  missing shards: ${missing.map((i) => `${i}/${r.shards.count}`).join(', ')}`);
  for (const e of r.errors) lines.push(`✘ model error in shard ${e.shard} [${e.code}]: ${e.message}`);
  for (const v of r.violations) {
    lines.push(
      `✘ violation: '${v.property}' (${v.kind}), shortest in shard ${v.shard}: ${v.steps} steps`,
      `  path: ${v.path}`,
      `  reproduce: ${v.reproduce}`,
    );
  }
  if (r.status === 'pass')
    lines.push('✔ no violation in any shard (random simulation samples behaviours; it is not exhaustive)');
  lines.push(
    `  ${n(r.runs)} walks, ${n(r.steps)} steps (${n(r.stepsPerSecond)} steps/s across shards), deepest walk ${r.deepestWalk} steps`,
  );
  lines.push(
    `  distinct states: ${n(r.distinctStates.largestShard)} in the largest shard, at most ${n(r.distinctStates.sumUpperBound)} in all`,
  );
  const width = Math.max(6, ...r.coverage.map((c) => c.action.length));
  lines.push(`  ${'action'.padEnd(width)}  ${'taken'.padStart(12)}  ${'new states'.padStart(12)}`);
  for (const c of r.coverage)
    lines.push(`  ${c.action.padEnd(width)}  ${n(c.fired).padStart(12)}  ${n(c.found).padStart(12)}`);
  for (const s of r.sometimes)
    lines.push(`  sometimes '${s.property}': reached in ${n(s.walks)} of ${n(r.runs)} walks`);
  return lines.join('\n');
}
