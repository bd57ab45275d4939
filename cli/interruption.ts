/**
 * SIGINT (Ctrl-C) and SIGTERM during a command: the first signal sets the shared flag the engine
 * polls (`checker/interrupt.ts`), so the run stops with its statistics and the command still
 * prints them and finishes its files; the exit code then says which signal stopped it. A second
 * signal means "now": listeners (the engine thread's supervisor) stop waiting at once.
 */
import { createInterruptFlag } from '../checker/interrupt.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';

export type StopSignal = 'SIGINT' | 'SIGTERM';
const SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGTERM'];

export class Interruption {
  /** Shared with the engine: non-zero once a signal arrived. */
  readonly flag = createInterruptFlag();
  private received: StopSignal | undefined;
  private readonly listeners = new Set<(signal: StopSignal, repeated: boolean) => void>();
  private readonly handler = (signal: StopSignal) => this.receive(signal);

  /** Catches both signals until `close()`. */
  constructor() {
    for (const s of SIGNALS) process.on(s, this.handler);
  }

  get signal(): StopSignal | undefined {
    return this.received;
  }

  /** Calls `listener` on every signal; returns a function that removes it. */
  onSignal(listener: (signal: StopSignal, repeated: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The exit code a signal imposes (130 or 143), or `code` when none arrived. */
  exitCode(code: ExitCode): ExitCode {
    if (this.received === undefined) return code;
    return this.received === 'SIGINT' ? EXIT.interrupted : EXIT.terminated;
  }

  close(): void {
    for (const s of SIGNALS) process.off(s, this.handler);
  }

  private receive(signal: StopSignal): void {
    const repeated = this.received !== undefined;
    this.received ??= signal;
    Atomics.store(this.flag, 0, 1);
    for (const listener of this.listeners) listener(signal, repeated);
  }
}

/** Under `--json`, an interrupted run says so: status `interrupted`, the signal, and why it stopped. */
export function interruptedJson<T extends { readonly status: string }>(
  json: T,
  signal: StopSignal | undefined,
): T | Interrupted<T> {
  if (signal === undefined) return json;
  return { ...json, status: 'interrupted', signal, stoppedAs: json.status };
}

/** A result as an interrupted run prints it: what the engine returned is kept in `stoppedAs`. */
export type Interrupted<T extends { readonly status: string }> = Omit<T, 'status'> & {
  readonly status: 'interrupted';
  readonly signal: StopSignal;
  readonly stoppedAs: T['status'];
};
