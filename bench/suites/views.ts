/**
 * `npm run bench -- views [--quick]`: each model that has a definition written against views, in
 * its three representations, in turn, in fresh processes — the hand-written packed port
 * (`packed=true`), the layout written against views (`views=true`), and the object model — one
 * worker each, the fastest of three rounds. Prints each one's time and the ratios: what writing a
 * packed model like an object model costs, and what it still saves over records and Sets.
 */
import type { Measurement } from '../measure-one.ts';
import type { BenchOptions } from '../run.ts';
import { measureInChild } from './throughput.ts';

export const name = 'views';
export const description = 'models packed by hand, packed through views, and as objects (same counts)';

const ROUNDS = 3;
const STYLES = [
  ['packed by hand', { packed: true }],
  ['views of the layout', { views: true }],
  ['objects', {}],
] as const;

interface Model {
  readonly label: string;
  readonly protocol: string;
  readonly settings: Record<string, number>;
}

const models = (quick: boolean): readonly Model[] => [
  { label: `TwoPhase, ${quick ? 6 : 8} RMs`, protocol: 'two-phase-commit', settings: { rms: quick ? 6 : 8 } },
  {
    label: quick ? 'LamportMutex, N = 3, maxClock 4' : 'MCLamportMutex (N = 3, maxClock 6)',
    protocol: 'lamport-mutex',
    settings: quick ? { n: 3, maxClock: 4, maxNat: 5 } : {},
  },
  {
    label: quick ? 'PaxosCommit, 3 RMs, ballot 0' : 'PaxosCommit.cfg (2 RMs, 3 acceptors, ballots 0..1)',
    protocol: 'paxos-commit',
    settings: quick ? { rms: 3, maxBallot: 0 } : {},
  },
  {
    label: quick ? 'Boulanger, N = 3, maxNat 2' : 'MCBoulanger (N = 3, maxNat 3)',
    protocol: 'boulanger',
    settings: quick ? { maxNat: 2 } : {},
  },
];

/** The fastest of ROUNDS runs of each style, in turn; the counts must agree across rounds and styles. */
function measureModel(model: Model): Map<string, Measurement> {
  const best = new Map<string, Measurement>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [style, layout] of STYLES) {
      const m = measureInChild({ protocol: model.protocol, settings: { ...model.settings, ...layout } }, 1);
      if (typeof m === 'string') throw new Error(`${model.label}, ${style}: ${m}`);
      const known = best.get(style);
      if (known && (known.distinct !== m.distinct || known.generated !== m.generated))
        throw new Error(`${model.label}, ${style}: counts differ between rounds`);
      if (!known || m.seconds < known.seconds) best.set(style, m);
    }
  }
  const generated = new Set([...best.values()].map((m) => m.generated));
  if (generated.size !== 1) throw new Error(`${model.label}: the three representations disagree on the counts`);
  return best;
}

export async function run(options: BenchOptions): Promise<unknown> {
  const results = [];
  for (const model of models(options.quick)) {
    const best = measureModel(model);
    const [packed, views, objects] = STYLES.map(([style]) => best.get(style)!);
    const rows = STYLES.map(([style]) => {
      const m = best.get(style)!;
      return {
        style,
        distinct: m.distinct,
        generated: m.generated,
        depth: m.depth,
        seconds: +m.seconds.toFixed(2),
        generatedPerSecond: m.generatedPerSecond,
        peakRssMb: m.peakRssMb,
      };
    });
    const ratio = (a: Measurement, b: Measurement) => +(a.seconds / b.seconds).toFixed(2);
    const summary = { viewsOverPacked: ratio(views!, packed!), objectsOverViews: ratio(objects!, views!) };
    if (!options.json) {
      console.log(`${model.label}, one worker, check time, fastest of ${ROUNDS} rounds in turn (fresh processes):`);
      console.table(rows);
      console.log(
        `views take ${summary.viewsOverPacked}× the hand-packed port's time; objects take ${summary.objectsOverViews}× the views' time\n`,
      );
    }
    results.push({ model: model.label, settings: model.settings, rows, ...summary });
  }
  return { models: results };
}
