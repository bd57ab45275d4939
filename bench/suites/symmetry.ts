/**
 * `npm run bench -- symmetry [--quick]`: what symmetry reduction costs and saves, side by side in one run.
 * - Per model, each a whole process and in turn: Kripke without symmetry, Kripke with it, TLC with
 *   the same SYMMETRY (bench/tlc/*.cfg) and, except with --quick, TLC without it. For each: states,
 *   CPU seconds and CPU µs per generated state; symmetry's cost per state over no symmetry (the
 *   goal of issue 20: at most 2×); and Kripke's symmetric run against TLC's (×TLC, by wall clock
 *   and by CPU time; whole processes, start-up included).
 * - The cost per state again, warm: each Kripke check measured as the third of its spec in one
 *   process (`WARMUPS` untimed checks first), the fastest of `WARM_ROUNDS` such processes of each. A reduced search of a second or less is mostly the
 *   JIT compiling, which the full search spreads over ten times the states; warm, both run the
 *   same optimised code, and the ratio is what symmetry itself costs a state.
 * - Per state: the canonical representative against one text encoding and against brute force
 *   (the least encoding over all n! renamings), on reachable states of TwoPhase with 7 RMs.
 */
import { Successors } from '../../checker/successors.ts';
import { twoPhaseSpec } from '../../model/transaction-commit/two-phase.ts';
import { machineLoad, measureKripke, type ProcessMeasurement } from '../peers/kripke.ts';
import { findTlc, type TlcInstall, type TlcModel, type TlcRun, runTlc } from '../peers/tlc.ts';
import type { Words } from '../../spec/packed.ts';
import type { BenchOptions } from '../run.ts';
import { leastBy } from '../statistics.ts';

export const name = 'symmetry';
export const description = "symmetry reduction: cost per state with and without it, side by side with TLC's SYMMETRY";

interface Case {
  readonly label: string;
  readonly protocol: string;
  readonly settings: Record<string, number>;
  readonly tlcSymmetric: TlcModel;
  readonly tlcPlain: TlcModel;
}

const CASES: readonly Case[] = [
  {
    label: 'MCPaxosSmall, acceptors and values symmetric',
    protocol: 'paxos-turing',
    settings: { maxBallot: 2 },
    tlcSymmetric: { dir: 'PaxosHowToWinATuringAward', module: 'MCPaxosSymmetric', cfg: 'MCPaxosSmallSymmetric.cfg' },
    tlcPlain: { dir: 'PaxosHowToWinATuringAward', module: 'MCPaxos', cfg: 'MCPaxosSmallInvariant.cfg' },
  },
  {
    label: 'TwoPhase 7 RMs, RMs symmetric',
    protocol: 'two-phase-commit',
    settings: { rms: 7 },
    tlcSymmetric: { dir: 'transaction_commit', module: 'TwoPhaseSymmetric', cfg: 'TwoPhaseSymmetric_N7.cfg' },
    tlcPlain: { dir: 'transaction_commit', module: 'TwoPhase', cfg: 'TwoPhase_N7.cfg' },
  },
];

const n = (x: number) => x.toLocaleString('en-US');
/** Untimed checks before the warm measurement, in the same process. */
const WARMUPS = 2;
/** Warm processes of each kind, in turn; the fastest counts (noise only ever slows a short run). */
const WARM_ROUNDS = 3;
/** CPU µs per generated state: Kripke's check alone, TLC's whole process (it reports no split). */
const kripkeUs = (m: ProcessMeasurement) => (m.cpuSeconds * 1e6) / m.generated;
const tlcUs = (r: TlcRun) => (r.cpuSeconds * 1e6) / r.generated;

function searchRows(c: Case, tlc: TlcInstall | string, quick: boolean, say: (t: string) => void) {
  say(
    `${c.label} (${c.protocol} ${Object.entries(c.settings)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')})\n`,
  );
  const kripke = measureBoth(c, 0);
  const tlcReduced = typeof tlc === 'string' ? undefined : runTlc(tlc, c.tlcSymmetric);
  const tlcPlain = typeof tlc === 'string' || quick ? undefined : runTlc(tlc, c.tlcPlain);
  if (typeof kripke === 'string') {
    say(`  Kripke: ${kripke}\n`);
    return { label: c.label, error: true };
  }
  const { plain, reduced } = kripke;
  const kripkeLine = (what: string, m: ProcessMeasurement) =>
    say(
      `  Kripke ${what.padEnd(12)} ${n(m.distinct).padStart(9)} distinct ${n(m.generated).padStart(10)} generated  depth ${m.depth}  ` +
        `check ${m.cpuSeconds.toFixed(2)} s cpu = ${kripkeUs(m).toFixed(2)} µs/state; process ${m.processWallSeconds.toFixed(1)} s wall, ${m.processCpuSeconds.toFixed(1)} s cpu\n`,
    );
  kripkeLine('no symmetry', plain);
  kripkeLine('symmetry', reduced);
  const cost = +(kripkeUs(reduced) / kripkeUs(plain)).toFixed(2);
  const warmUp =
    reduced.cpuSeconds < 1
      ? ' — the reduced search takes under a CPU second, mostly the JIT warming up: read it as a bound'
      : '';
  say(`  symmetry costs ${cost}× per generated state over no symmetry (goal ≤ 2)${warmUp}\n`);
  const warm = warmCost(c, say);
  const tlcLine = (what: string, r: TlcRun) =>
    say(
      `  TLC ${what.padEnd(15)} ${n(r.distinct).padStart(9)} distinct ${n(r.generated).padStart(10)} generated  depth ${r.depth}  ` +
        `process ${r.wallSeconds.toFixed(1)} s wall, ${r.cpuSeconds.toFixed(1)} s cpu = ${tlcUs(r).toFixed(2)} µs/state\n`,
    );
  if (tlcPlain) tlcLine('no symmetry', tlcPlain);
  if (tlcReduced) {
    tlcLine('SYMMETRY', tlcReduced);
    const same =
      tlcReduced.distinct === reduced.distinct &&
      tlcReduced.generated === reduced.generated &&
      tlcReduced.depth === reduced.depth;
    say(
      `  Kripke with symmetry ×TLC with SYMMETRY: ${(tlcReduced.wallSeconds / reduced.processWallSeconds).toFixed(2)} wall, ` +
        `${(tlcReduced.cpuSeconds / reduced.processCpuSeconds).toFixed(2)} cpu (whole processes); counts ${same ? '= TLC' : 'DIFFER from TLC'}` +
        `${tlcPlain ? `; TLC's SYMMETRY costs ${(tlcUs(tlcReduced) / tlcUs(tlcPlain)).toFixed(2)}× per state` : ''}\n`,
    );
  } else if (typeof tlc === 'string') say(`  ${tlc}: TLC not run\n`);
  return { label: c.label, plain, reduced, costPerState: cost, warm, tlcReduced, tlcPlain };
}

/** Kripke's check of the case without symmetry, then with it, each in its own process after `warmups` untimed checks; or why not. */
function measureBoth(c: Case, warmups: number): { plain: ProcessMeasurement; reduced: ProcessMeasurement } | string {
  const plain = measureKripke(c.protocol, c.settings, 1, undefined, warmups);
  const reduced = measureKripke(c.protocol, { ...c.settings, symmetric: true }, 1, undefined, warmups);
  if (typeof plain === 'string') return plain;
  if (typeof reduced === 'string') return reduced;
  return { plain, reduced };
}

/** Symmetry's cost per generated state with the JIT's code warm in both runs (see the header). */
function warmCost(c: Case, say: (t: string) => void) {
  const rounds: { plain: ProcessMeasurement; reduced: ProcessMeasurement }[] = [];
  for (let round = 0; round < WARM_ROUNDS; round++) {
    const both = measureBoth(c, WARMUPS);
    if (typeof both === 'string') {
      say(`  Kripke warm: ${both}\n`);
      return undefined;
    }
    rounds.push(both);
  }
  const plain = leastBy(
      rounds.map((r) => r.plain),
      kripkeUs,
    )!,
    reduced = leastBy(
      rounds.map((r) => r.reduced),
      kripkeUs,
    )!;
  const costPerState = +(kripkeUs(reduced) / kripkeUs(plain)).toFixed(2);
  say(
    `  warm (each check number ${WARMUPS + 1} of its spec in one process, fastest of ${WARM_ROUNDS}): ${kripkeUs(plain).toFixed(2)} µs/state without symmetry, ` +
      `${kripkeUs(reduced).toFixed(2)} with it: symmetry costs ${costPerState}× per generated state (goal ≤ 2)\n`,
  );
  return { plainUs: kripkeUs(plain), reducedUs: kripkeUs(reduced), costPerState };
}

/** Up to `count` distinct reachable states (packed words) of TwoPhase with `rms` RMs. */
function sampleStates(rms: number, count: number): Words[] {
  const successors = new Successors(twoPhaseSpec(rms), false);
  const seen = new Map<string, Words>();
  const stack: Words[] = [...successors.initialStates()];
  while (stack.length > 0 && seen.size < count) {
    const state = stack.pop()!;
    const key = state.join(',');
    if (seen.has(key)) continue;
    seen.set(key, state);
    successors.forEach(state, (next) => stack.push(next));
  }
  return [...seen.values()];
}

/** The representative's cost alone: µs per state over reachable states of TwoPhase, 7 RMs (5,040 renamings). */
function perStateRow(quick: boolean) {
  const rms = 7;
  const states = sampleStates(rms, quick ? 200 : 2000);
  const representative = twoPhaseSpec(rms, 'correct', true).symmetry!;
  const renamings = Array.from({ length: rms }, (_, i) => i + 1).reduce((a, b) => a * b); // rms!
  const time = () => {
    const start = performance.now();
    for (const s of states) representative(s);
    return ((performance.now() - start) * 1000) / states.length;
  };
  time(); // warm up
  return { states: states.length, renamings, representativeUs: +time().toFixed(1) };
}

export async function run(options: BenchOptions): Promise<unknown> {
  const say = (text: string) => {
    if (!options.json) process.stdout.write(text);
  };
  const tlc = findTlc();
  say(`${typeof tlc === 'string' ? tlc : `TLC: ${tlc.jar}, one worker`}; ${machineLoad()} at the start.\n`);
  const cases = options.quick ? CASES.slice(1) : CASES;
  const searches = cases.map((c) => searchRows(c, tlc, options.quick, say));
  const perState = perStateRow(options.quick);
  say('one representative, TwoPhase 7 RMs (µs per state, wall clock):\n');
  if (!options.json) console.table([perState]);
  say(`${machineLoad()} at the end.\n`);
  return { searches, perState };
}
