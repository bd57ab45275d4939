/**
 * The random engine: `check(spec, { engine: 'random', seed, runs, depth, timeLimitMs })`.
 * fast-check draws each walk's choices from the seed (`choices.ts`), the walker runs and checks
 * them, and the first violating walk is shrunk (`shrink.ts`) to a short one that violates the same
 * property. The result is the common `CheckResult`: a violation with its path, an error, or — since
 * random search is never exhaustive — `incomplete` with the campaign's coverage.
 */
import { INTERRUPTED, interruptedReason } from '../interrupt.ts';
import { KripkeError } from '../../spec/errors.ts';
import { isLiveness } from '../../spec/properties.ts';
import type { Spec } from '../../spec/types.ts';
import type { ResolvedOptions } from '../options.ts';
import type { ActionPath } from '../path.ts';
import type { CheckResult, Statistics, Violation } from '../result.ts';
import { Campaign } from './campaign.ts';
import { walkArbitrary, type WalkChoices } from './choices.ts';
import { fastCheck } from './fast-check.ts';
import { shrinkWalk } from './shrink.ts';
import type { SimulationStatistics } from './statistics.ts';
import { walkConfiguration, type WalkConfiguration } from './swarm.ts';
import { Walker, type WalkViolation } from './walker.ts';

interface Found {
  readonly violation: WalkViolation;
  readonly choices: WalkChoices;
  readonly walk: number;
  readonly steps: number;
}

const PROGRESS_EVERY = 64;

export function simulate<S>(spec: Spec<S>, options: ResolvedOptions): CheckResult {
  const startedAt = performance.now();
  const config = walkConfiguration(options.random.seed, options.random.shard, spec.actions.length);
  let walker: Walker<S>;
  try {
    walker = new Walker(spec, options, config.excluded);
  } catch (e) {
    if (!(e instanceof KripkeError)) throw e;
    return errorResult(spec, e, undefined, emptyStats(options, config, spec, 0));
  }
  const campaign = new Campaign(spec as Spec<unknown>, options.createStore(), walker.checks.goals.length);
  const elapsed = () => performance.now() - startedAt;
  const run = runCampaign(walker, campaign, options, config, elapsed);
  const stats = statistics(spec, options, config, campaign, walker, elapsed());
  if (run.error) return errorResult(spec, run.error, run.at, stats);
  const examples = campaign.goalExamples.flatMap((path, g) =>
    path ? [{ property: walker.checks.goals[g]!.name, path }] : [],
  );
  const common = { model: spec.name, stats, examples };
  if (run.found) {
    const violation = shrinkFound(walker, run.found, config.seed, stats.simulation!);
    stats.elapsedMs = elapsed();
    return { ...common, status: 'violation', violations: [violation] };
  }
  return {
    ...common,
    status: 'incomplete',
    reason: run.stopped ? INTERRUPTED : noViolationReason(stats.simulation!, run.interrupted, options),
    violations: [],
  };
}

/** Why a campaign without a violation is `incomplete`: sampling is never exhaustive. */
function noViolationReason(sim: SimulationStatistics, interrupted: boolean, options: ResolvedOptions): string {
  const unchecked = sim.livenessNotChecked;
  return (
    `random simulation is not exhaustive: ${sim.runs} walks of up to ${sim.depth} steps found no violation` +
    (interrupted ? ` (time limit ${options.timeLimitMs} ms reached)` : '') +
    (unchecked.length ? `; liveness properties are not checked by random walks: ${unchecked.join(', ')}` : '')
  );
}

interface CampaignRun {
  found?: Found;
  error?: KripkeError;
  at?: ActionPath;
  /** The time limit ended the campaign. */
  interrupted: boolean;
  /** The `interrupt` flag ended the campaign. */
  stopped?: boolean;
}

/** Thrown inside fast-check's property when the `interrupt` flag is set. */
const STOPPED = new Error(INTERRUPTED);

function runCampaign<S>(
  walker: Walker<S>,
  campaign: Campaign,
  options: ResolvedOptions,
  config: WalkConfiguration,
  elapsed: () => number,
): CampaignRun {
  const outcome: CampaignRun = { interrupted: false };
  const { progress, progressIntervalMs = 1000 } = options.observer;
  let lastProgress = 0;
  const fc = fastCheck();
  const property = fc.property(walkArbitrary(options.random.depth), (choices) => {
    if (interruptedReason(options.interrupt)) throw STOPPED; // ends fast-check's loop (endOnFailure: no shrinking)
    try {
      const violation = walker.walk(choices[0], choices[1], campaign);
      if (progress && campaign.runs % PROGRESS_EVERY === 0 && elapsed() - lastProgress >= progressIntervalMs) {
        lastProgress = elapsed();
        progress({
          distinctStates: campaign.store.size,
          generatedStates: campaign.visited,
          queued: 0,
          depth: campaign.deepestWalk + 1,
          elapsedMs: lastProgress,
        });
      }
      if (!violation) return true;
      outcome.found = {
        violation,
        walk: campaign.runs,
        steps: walker.steps,
        choices: [choices[0], choices[1].slice(0, walker.consumed)],
      };
    } catch (e) {
      if (!(e instanceof KripkeError)) throw e;
      outcome.error = e;
      outcome.at = walker.path();
    }
    return false;
  });
  const { runs } = options.random;
  const details = fc.check(property, {
    seed: config.seed,
    numRuns: runs === Infinity ? Number.MAX_SAFE_INTEGER : runs,
    unbiased: config.noBias,
    endOnFailure: true,
    ...(Number.isFinite(options.timeLimitMs)
      ? { interruptAfterTimeLimit: options.timeLimitMs, markInterruptAsFailure: false }
      : {}),
  });
  const stopped = details.failed && details.errorInstance === STOPPED;
  if (details.failed && !outcome.found && !outcome.error && !stopped) throw details.errorInstance;
  outcome.interrupted = details.interrupted;
  outcome.stopped = stopped;
  return outcome;
}

function shrinkFound<S>(walker: Walker<S>, found: Found, seed: number, sim: SimulationStatistics): Violation {
  const { property } = found.violation;
  const shrunk = shrinkWalk(walker, found.choices, property, seed);
  const violation = walker.walk(shrunk.choices[0], shrunk.choices[1]) ?? found.violation;
  const path = walker.path();
  sim.shrink = {
    property,
    originalSteps: found.steps,
    shrunkSteps: path.steps.length,
    attempts: shrunk.attempts,
    foundInWalk: found.walk,
  };
  const note = `random walk ${found.walk} violated it after ${found.steps} steps; shrunk to ${path.steps.length}`;
  return { ...violation, note: violation.note ? `${violation.note}; ${note}` : note, path };
}

function statistics<S>(
  spec: Spec<S>,
  options: ResolvedOptions,
  config: WalkConfiguration,
  campaign: Campaign,
  walker: Walker<S>,
  elapsedMs: number,
): Statistics {
  const stats = emptyStats(options, config, spec, elapsedMs);
  const n = campaign.store.size;
  Object.assign(stats, {
    distinctStates: n,
    generatedStates: campaign.visited,
    depth: campaign.deepestWalk + 1,
    collisionProbability: Math.min(1, (n * n) / 2 ** 65),
    storeBytes: campaign.store.bytes,
  });
  stats.coverage.push(...campaign.coverage);
  const sim = stats.simulation!;
  Object.assign(sim, {
    runs: campaign.runs,
    steps: campaign.steps,
    deepestWalk: campaign.deepestWalk,
    stepsPerSecond: elapsedMs > 0 ? Math.round(campaign.steps / (elapsedMs / 1000)) : 0,
  });
  sim.sometimes.push(...walker.checks.goals.map((g, i) => ({ property: g.name, walks: campaign.goalWalks[i]! })));
  return stats;
}

function emptyStats<S>(
  options: ResolvedOptions,
  config: WalkConfiguration,
  spec: Spec<S>,
  elapsedMs: number,
): Statistics {
  const r = options.random;
  const simulation: SimulationStatistics = {
    seed: config.seed,
    campaignSeed: r.seed,
    shard: r.shard ?? null,
    depth: r.depth,
    runsRequested: r.runs === Infinity ? null : r.runs,
    runs: 0,
    steps: 0,
    stepsPerSecond: 0,
    deepestWalk: 0,
    excludedActions: spec.actions.filter((_, i) => config.excluded[i]).map((a) => a.name),
    noBias: config.noBias,
    sometimes: [],
    shrink: null,
    livenessNotChecked: spec.properties
      .filter((p) => isLiveness(p) && options.properties.has(p.name))
      .map((p) => p.name),
  };
  return {
    engine: 'random',
    distinctStates: 0,
    generatedStates: 0,
    depth: 0,
    queued: 0,
    coverage: [],
    elapsedMs,
    collisionProbability: 0,
    storeBytes: 0,
    simulation,
  };
}

function errorResult<S>(spec: Spec<S>, error: KripkeError, at: ActionPath | undefined, stats: Statistics): CheckResult {
  return { status: 'error', model: spec.name, error, at, stats, examples: [] };
}
