/** The current state: as a tree, or for actor models as per-process columns; hidden fields listed to show again. */
import { useState } from 'preact/hooks';
import type { StateView } from '../api-types.ts';
import { Processes } from './processes.tsx';
import { stepsOf } from './url.ts';
import { type TreeState, ValueTree } from './value-tree.tsx';

export function StatePanel({ view, tree }: { view: StateView; tree: TreeState & { show: (path: string) => void } }) {
  const [layout, setLayout] = useState<'processes' | 'tree'>('processes');
  const index = stepsOf(view.path).length;
  const last = view.steps[index];
  const columns = view.processes !== undefined && layout === 'processes';
  return (
    <section class="panel state">
      <h2>
        State {index + 1}
        <span class="via">
          {index === 0 ? 'initial state' : `after ${last?.label ?? ''}`}
          {last && index > 0 && last.changes === 0 ? ' — changed nothing' : ''}
        </span>
        {view.processes && (
          // biome-ignore lint/a11y/useSemanticElements: a two-button toggle in a header, not a form; a fieldset would bring form styling
          <span class="switch" role="group" aria-label="layout">
            <button class={columns ? 'active' : ''} onClick={() => setLayout('processes')}>
              processes
            </button>
            <button class={columns ? '' : 'active'} onClick={() => setLayout('tree')}>
              tree
            </button>
          </span>
        )}
      </h2>
      {tree.hidden.size > 0 && (
        <p class="hidden-fields">
          hidden:{' '}
          {[...tree.hidden].map((p) => (
            <button key={p} title="show again" onClick={() => tree.show(p)}>
              {p} ✕
            </button>
          ))}
        </p>
      )}
      {columns ? (
        <Processes table={view.processes!} tree={tree} />
      ) : (
        <ValueTree root={view.state} tree={tree} label="state" />
      )}
    </section>
  );
}
