/**
 * Runs a command as a whole process and reports what the operating system accounted for it: wall
 * clock and CPU seconds (user + system, the process and everything it waited for). CPU time is the
 * figure to compare on a shared machine, where wall clock grows with the other processes' load.
 * The CPU figures come from bash's `times` after the command exits, so no extra tool is needed.
 */
import { spawnSync } from 'node:child_process';

export interface ProcessRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
}

/** `times` prints the shell's user/system time, then its children's: `0m1.250s 0m0.031s`. */
function childCpuSeconds(times: string): number {
  const line = times.trim().split('\n').at(-1) ?? '';
  const seconds = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return seconds.length === 2 ? seconds[0]! + seconds[1]! : Number.NaN;
}

export function runTimed(command: string, args: readonly string[], cwd?: string): ProcessRun {
  const script = '"$@"; status=$?; times >&3; exit $status';
  const started = performance.now();
  const child = spawnSync('bash', ['-c', script, 'bash', command, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const times = String(child.output[3] ?? '');
  return {
    status: child.status,
    stdout: child.stdout,
    stderr: child.stderr,
    wallSeconds,
    cpuSeconds: childCpuSeconds(times),
  };
}
