/**
 * The explorer: `kripke explore <model>` serves a page on 127.0.0.1 to chase a bug step by step.
 *
 * - `server.ts` — the HTTP server: the page (`page.ts`), its assets bundled from `ui/` by
 *   `bundle.ts`, and the JSON API whose shapes are `api-types.ts` (validated by `requests.ts`).
 * - `sessions.ts`, `session.ts` — the models served, each with its successor function and the
 *   states seen so far (`seen-graph.ts`); paths replay into states there.
 * - `state-view.ts` — all the page shows of one state: `value-tree.ts`, `processes.ts`,
 *   `actions-view.ts`, `properties-view.ts`, `neighbourhood.ts`, and the counterexample renderers.
 * - `walk.ts` (random walks, step until a property), `open-trace.ts` (saved traces),
 *   `compare.ts` (two traces side by side), `checks.ts` + `check-worker.ts` (checks on a thread).
 * - `ui/` — the page (Preact): `app.tsx` holds the place (the URL) and the panels around it.
 */
export { startExplorer } from './server.ts';
export type { Explorer, ExplorerOptions } from './server.ts';
export type * from './api-types.ts';
