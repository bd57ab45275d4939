/**
 * Progress on stderr: a live line (cli-progress) in a terminal, a plain line every few seconds
 * otherwise (CI logs). Returns the observer to hand to an engine and a function to finish.
 */
import cliProgress from 'cli-progress';
import type { Observer, Progress } from '../checker/observer.ts';

export interface ProgressDisplay {
  readonly observer: Observer;
  stop(): void;
}

const number = (n: number) => n.toLocaleString('en-US');

function payload(p: Progress) {
  const seconds = Math.max(p.elapsedMs / 1000, 1e-3);
  return {
    explored: number(p.distinctStates - p.queued),
    distinct: number(p.distinctStates),
    generated: number(p.generatedStates),
    queued: number(p.queued),
    depth: p.depth,
    rate: number(Math.round(p.generatedStates / seconds)),
    seconds: seconds.toFixed(0),
  };
}

export function createProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  if (!enabled) return { observer: {}, stop: () => {} };
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar({
      stream,
      // The bar, labelled: states explored out of states discovered so far (the queue is what is left).
      format:
        'explored {bar} {explored} of {distinct} states found | {generated} generated | {queued} queued | depth {depth} | {rate} states/s | {seconds}s',
      barsize: 20,
      hideCursor: true,
      clearOnComplete: true,
    });
    let started = false;
    return {
      observer: {
        progressIntervalMs: 200,
        progress: (p) => {
          const explored = p.distinctStates - p.queued;
          if (!started) bar.start(p.distinctStates, explored, payload(p));
          started = true;
          bar.setTotal(Math.max(p.distinctStates, 1));
          bar.update(explored, payload(p));
        },
      },
      stop: () => started && bar.stop(),
    };
  }
  return {
    observer: {
      progressIntervalMs: 5000,
      progress: (p) => {
        const v = payload(p);
        stream.write(
          `progress: ${v.distinct} distinct, ${v.generated} generated, ${v.queued} queued, depth ${v.depth}, ${v.rate} states/s, ${v.seconds}s\n`,
        );
      },
    },
    stop: () => {},
  };
}
