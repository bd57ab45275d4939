/**
 * Omega's shared-state scheduling (Schwarzkopf et al., EuroSys 2013) as actors: the `cell` holds
 * the authoritative cell state — where each task runs, and a version number per node — and each
 * scheduler works on its own copy of it. A scheduler asks for a snapshot, places its first
 * pending task on the node its copy shows fits best, and commits the placement as a transaction
 * carrying the version of that node it saw. The cell accepts only if the node is unchanged since
 * (fine-grained conflict detection); otherwise the scheduler refreshes its copy and tries again.
 * The `no-version-check` bug accepts every commit.
 */
import type { Behaviour } from '../../spec/index.ts';
import { leastAllocated, minus, total, type Resources, type TaskSpec } from './resources.ts';

/** The cell state, and every scheduler's copy of it. */
export interface CellState {
  readonly placed: Readonly<Record<string, string | null>>;
  readonly versions: Readonly<Record<string, number>>;
}

export type OmegaMessage =
  | { readonly type: 'sync' }
  | { readonly type: 'snapshot'; readonly cell: CellState }
  | { readonly type: 'commit'; readonly task: string; readonly node: string; readonly version: number }
  | { readonly type: 'result'; readonly task: string; readonly ok: boolean };

export interface Cell extends CellState {
  readonly role: 'cell';
}

export interface OmegaScheduler {
  readonly role: 'scheduler';
  /** This scheduler's tasks not yet placed, in order. */
  readonly pending: readonly string[];
  /** The task whose commit is in flight. */
  readonly committing: string | null;
}

export type OmegaNode = Cell | OmegaScheduler;

export const CELL = 'cell';

export interface OmegaRules {
  readonly nodes: readonly string[];
  readonly capacity: Resources;
  readonly tasks: ReadonlyMap<string, TaskSpec>;
  readonly checkVersions: boolean;
}

/** Free capacity per node in a cell state. */
export function freeIn(cell: CellState, rules: OmegaRules): [string, Resources][] {
  return rules.nodes.map((n) => [
    n,
    minus(rules.capacity, total([...rules.tasks.values()].filter((t) => cell.placed[t.name] === n))),
  ]);
}

export function cell(rules: OmegaRules): Behaviour<OmegaNode, OmegaMessage> {
  return {
    onStart: () => ({
      state: {
        role: 'cell',
        placed: Object.fromEntries([...rules.tasks.keys()].map((t) => [t, null])),
        versions: Object.fromEntries(rules.nodes.map((n) => [n, 0])),
      },
    }),
    onMessage: (node, { from, msg }) => {
      const c = node as Cell;
      if (msg.type === 'sync')
        return {
          state: c,
          send: [{ to: from, msg: { type: 'snapshot', cell: { placed: c.placed, versions: c.versions } } }],
        };
      if (msg.type !== 'commit') return undefined;
      const fresh = c.versions[msg.node] === msg.version && c.placed[msg.task] === null;
      if (rules.checkVersions && !fresh)
        return { state: c, send: [{ to: from, msg: { type: 'result', task: msg.task, ok: false } }] };
      return {
        state: {
          ...c,
          placed: { ...c.placed, [msg.task]: msg.node },
          versions: { ...c.versions, [msg.node]: c.versions[msg.node]! + 1 },
        },
        send: [{ to: from, msg: { type: 'result', task: msg.task, ok: true } }],
      };
    },
  };
}

export function omegaScheduler(tasks: readonly string[], rules: OmegaRules): Behaviour<OmegaNode, OmegaMessage> {
  return {
    onStart: () => ({
      state: { role: 'scheduler', pending: tasks, committing: null },
      send: tasks.length > 0 ? [{ to: CELL, msg: { type: 'sync' } }] : [],
    }),
    onMessage: (node, { msg }) => {
      const s = node as OmegaScheduler;
      if (msg.type === 'snapshot') {
        const task = s.pending[0];
        const target = task === undefined ? undefined : leastAllocated(rules.tasks.get(task)!, freeIn(msg.cell, rules));
        if (task === undefined || target === undefined || s.committing !== null) return { state: s }; // nothing fits: wait
        return {
          state: { ...s, committing: task },
          send: [{ to: CELL, msg: { type: 'commit', task, node: target, version: msg.cell.versions[target]! } }],
        };
      }
      if (msg.type !== 'result') return undefined;
      const pending = msg.ok ? s.pending.filter((t) => t !== msg.task) : s.pending;
      return {
        state: { ...s, pending, committing: null },
        send: pending.length > 0 ? [{ to: CELL, msg: { type: 'sync' } }] : [],
      };
    },
  };
}

export function formatOmegaMessage(msg: OmegaMessage): string {
  switch (msg.type) {
    case 'sync':
      return 'sync';
    case 'snapshot':
      return `snapshot(${Object.entries(msg.cell.versions)
        .map(([n, v]) => `${n}@${v}`)
        .join(' ')})`;
    case 'commit':
      return `commit(${msg.task} → ${msg.node}@${msg.version})`;
    case 'result':
      return msg.ok ? `committed(${msg.task})` : `conflict(${msg.task})`;
  }
}
