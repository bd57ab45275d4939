/**
 * A worker thread rebuilds the spec by importing its module. When that module also calls
 * `check()` at its top level (a script that defines a spec and checks it), the call inside the
 * worker must not start a second check — with workers of its own — while the worker is merely
 * loading: it returns at once, `incomplete`, and the main thread's check goes on. The mark lives
 * on `globalThis` so that every copy of Kripke in the thread sees it.
 */
const LOADING = Symbol.for('kripke.parallel.loading-spec-source');

type Marked = typeof globalThis & { [LOADING]?: boolean };

export async function whileLoadingSpecSource<T>(load: () => Promise<T>): Promise<T> {
  (globalThis as Marked)[LOADING] = true;
  try {
    return await load();
  } finally {
    (globalThis as Marked)[LOADING] = false;
  }
}

export function loadingSpecSource(): boolean {
  return (globalThis as Marked)[LOADING] === true;
}
