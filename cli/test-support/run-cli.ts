/**
 * Runs the `kripke` program in the test's own process (a fresh `node cli/bin.js` costs seconds
 * per run): the same program and error handling as the command (`runKripke`), with what it writes
 * to stdout and stderr captured as a pipe would capture it (not a terminal: no colour, no live
 * progress line). Vitest runs each test file in its own process (the `forks` pool) and the
 * tests of a file one after the other, so nothing else writes to these streams meanwhile; a
 * second run started before the first ends is refused rather than mixed in.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runKripke } from '../run.ts';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliContext {
  /** The working folder during the run (restored after). */
  readonly cwd?: string;
  /** Variables set (a string) or removed (undefined) during the run, on top of the test's own. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
let running = false;

/**
 * `KRIPKE_TEST_CLI=subprocess npm test` runs each of these as a `node cli/bin.js` process instead:
 * the same tests pass either way (the in-process harness hides nothing), and the suite's time in
 * each mode is what running the CLI in-process saves (README, "Tests").
 */
export function runCli(args: readonly string[], context: CliContext = {}): Promise<CliRun> {
  return process.env.KRIPKE_TEST_CLI === 'subprocess' ? runProcess(args, context) : runInProcess(args, context);
}

const BIN = fileURLToPath(new URL('../bin.js', import.meta.url));

function runProcess(args: readonly string[], context: CliContext): Promise<CliRun> {
  const env: Record<string, string | undefined> = { ...process.env, KRIPKE_TEST_CLI: undefined, ...context.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: context.cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 },
      (error, stdout, stderr) => {
        // A process ended by a signal exits as a shell reports it: 128 + the signal's number.
        const bySignal = error?.signal ? 128 + constants.signals[error.signal] : 1;
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : bySignal;
        done({ code, stdout, stderr });
      },
    );
  });
}

export async function runInProcess(args: readonly string[], context: CliContext = {}): Promise<CliRun> {
  if (running) throw new Error("runCli: one run at a time (the runs would write into each other's output)");
  running = true;
  const stdout: string[] = [];
  const stderr: string[] = [];
  const listeners = SIGNALS.map((s) => process.listenerCount(s));
  const restore = [
    capture(process.stdout, stdout),
    capture(process.stderr, stderr),
    setEnv(context.env ?? {}),
    setCwd(context.cwd),
  ];
  let code: number;
  try {
    code = await runKripke(args);
  } finally {
    for (const undo of restore.reverse()) undo();
    running = false;
  }
  // Only after a run that returned: a throw from `finally` would hide the run's own error.
  const left = SIGNALS.filter((s, i) => process.listenerCount(s) !== listeners[i]);
  if (left.length > 0) throw new Error(`kripke ${args.join(' ')} left ${left.join(', ')} listeners behind`);
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

type Write = NodeJS.WriteStream['write'];

/** Replaces `stream.write` (and makes `isTTY` false) until the returned function is called. */
function capture(stream: NodeJS.WriteStream, into: string[]): () => void {
  const write = stream.write;
  const isTTY = Object.getOwnPropertyDescriptor(stream, 'isTTY');
  const captured = (
    chunk: string | Uint8Array,
    encoding?: BufferEncoding | ((e?: Error | null) => void),
    done?: (e?: Error | null) => void,
  ) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const callback = typeof encoding === 'function' ? encoding : done;
    if (callback) process.nextTick(callback);
    return true;
  };
  stream.write = captured as Write;
  Object.defineProperty(stream, 'isTTY', { value: false, configurable: true, writable: true });
  return () => {
    stream.write = write;
    if (isTTY) Object.defineProperty(stream, 'isTTY', isTTY);
    else delete (stream as { isTTY?: boolean }).isTTY;
  };
}

function setEnv(vars: Readonly<Record<string, string | undefined>>): () => void {
  const before = Object.entries(vars).map(([k]) => [k, process.env[k]] as const);
  const assign = (k: string, v: string | undefined) => (v === undefined ? delete process.env[k] : (process.env[k] = v));
  for (const [k, v] of Object.entries(vars)) assign(k, v);
  return () => {
    for (const [k, v] of before) assign(k, v);
  };
}

function setCwd(cwd: string | undefined): () => void {
  if (cwd === undefined) return () => {};
  const before = process.cwd();
  process.chdir(cwd);
  return () => process.chdir(before);
}
