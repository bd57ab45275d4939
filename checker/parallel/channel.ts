/**
 * Synchronous messages between the coordinator and its workers: a MessagePort carries the
 * message (structured clone), a shared counter wakes the receiver, who reads the port with
 * `receiveMessageOnPort` — so neither side needs its event loop, and `check()` stays synchronous.
 */
import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import { KripkeError } from '../../spec/errors.ts';

export class Channel {
  constructor(
    private readonly port: MessagePort,
    /** Counters: `[own]` is bumped by the other side when it sends to us; `[peer]` by us. */
    private readonly signals: Int32Array,
    private readonly own: number,
    private readonly peer: number,
    /** A slot the other side sets when its thread stops (`markStopped`): waiting for it then fails instead of hanging. */
    private readonly peerStopped?: number,
  ) {}

  send(message: unknown, transfer?: readonly ArrayBuffer[]): void {
    this.port.postMessage(message, transfer as ArrayBuffer[] | undefined);
    Atomics.add(this.signals, this.peer, 1);
    Atomics.notify(this.signals, this.peer);
  }

  /** The next message, waiting for it; `undefined` after `timeoutMs` with none (when given). */
  receive<T>(timeoutMs = Infinity): T | undefined {
    const until = performance.now() + timeoutMs;
    for (;;) {
      const seen = Atomics.load(this.signals, this.own);
      const got = receiveMessageOnPort(this.port);
      if (got) return got.message as T;
      if (this.peerStopped !== undefined && Atomics.load(this.signals, this.peerStopped) !== 0) {
        throw new KripkeError(
          'thread-failed',
          'a worker thread of the parallel search stopped unexpectedly (it exited or crashed) ' +
            'before answering; the search cannot go on without its share of the states',
        );
      }
      const left = until - performance.now();
      if (left <= 0) return undefined;
      Atomics.wait(this.signals, this.own, seen, Math.min(left, 100));
    }
  }

  /** Any message already waiting, without blocking. */
  poll<T>(): T | undefined {
    const got = receiveMessageOnPort(this.port);
    return got ? (got.message as T) : undefined;
  }
}

/** Marks this thread as stopped in `slot` and wakes the thread waiting on `wake`. */
export function markStopped(signals: Int32Array, slot: number, wake: number): void {
  Atomics.store(signals, slot, 1);
  Atomics.add(signals, wake, 1);
  Atomics.notify(signals, wake);
}
