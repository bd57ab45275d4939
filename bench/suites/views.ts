/**
 * `npm run bench -- views [--quick]`: TwoPhase in its three representations, in turn, in fresh
 * processes — the hand-written packed port (`packed=true`), the same layout written against views
 * (`views=true`), and the object model — one worker each, the fastest of three rounds. Prints each
 * one's time and the ratios: what writing a packed model like an object model costs, and what it
 * still saves over records and Sets.
 */
import type { Measurement } from '../measure-one.ts';
import type { BenchOptions } from '../run.ts';
import { measureInChild } from './throughput.ts';

export const name = 'views';
export const description = 'TwoPhase packed by hand, packed through views, and as objects (same counts)';

const ROUNDS = 3;
const STYLES = [
  ['packed by hand', { packed: true }],
  ['views of the layout', { views: true }],
  ['objects', {}],
] as const;

export async function run(options: BenchOptions): Promise<unknown> {
  const rms = options.quick ? 6 : 8;
  const best = new Map<string, Measurement>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [style, settings] of STYLES) {
      const m = measureInChild({ protocol: 'two-phase-commit', settings: { rms, ...settings } }, 1);
      if (typeof m === 'string') throw new Error(`${style}: ${m}`);
      const known = best.get(style);
      if (known && (known.distinct !== m.distinct || known.generated !== m.generated))
        throw new Error(`${style}: counts differ between rounds`);
      if (!known || m.seconds < known.seconds) best.set(style, m);
    }
  }
  const [packed, views, objects] = STYLES.map(([style]) => best.get(style)!);
  if (packed!.generated !== views!.generated || views!.generated !== objects!.generated)
    throw new Error('the three representations disagree on the counts');
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
  const summary = {
    viewsOverPacked: ratio(views!, packed!),
    objectsOverViews: ratio(objects!, views!),
  };
  if (!options.json) {
    console.log(`TwoPhase, ${rms} RMs, one worker, fastest of ${ROUNDS} rounds in turn (fresh processes):`);
    console.table(rows);
    console.log(
      `views take ${summary.viewsOverPacked}× the hand-packed port's time; objects take ${summary.objectsOverViews}× the views' time`,
    );
  }
  return { rms, rows, ...summary };
}
