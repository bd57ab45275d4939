/**
 * The pictures that follow the current state: the trace so far as a graph (click a state to go
 * there), the message sequence chart for actor models, and the neighbourhood — the predecessors
 * and successors found so far (click one to go there).
 */
import { useState } from 'preact/hooks';
import type { StateView } from '../api-types.ts';
import { Graph } from './graph.tsx';

type Tab = 'trace' | 'sequence' | 'neighbourhood';

export function Pictures({
  view,
  onJump,
  onGo,
}: {
  view: StateView;
  onJump: (index: number) => void;
  onGo: (path: string) => void;
}) {
  const [tab, setTab] = useState<Tab>('trace');
  // Wide pictures (a chart of many lanes, the neighbourhood) start fitted to the width; the trace graph at reading size.
  const [fits, setFits] = useState<Record<Tab, boolean>>({ trace: false, sequence: true, neighbourhood: true });
  const tabs: [Tab, string][] = [
    ['trace', 'Trace graph'],
    ...(view.sequenceSvg ? [['sequence', 'Sequence chart'] as [Tab, string]] : []),
    ['neighbourhood', 'Neighbourhood'],
  ];
  const shown = tab === 'sequence' && !view.sequenceSvg ? 'trace' : tab;
  const n = view.neighbourhood;
  const fit = fits[shown];
  return (
    <section class="pictures panel">
      <div class="tabs" role="tablist">
        {tabs.map(([id, title]) => (
          <button
            key={id}
            role="tab"
            aria-selected={shown === id}
            class={shown === id ? 'active' : ''}
            onClick={() => setTab(id)}
          >
            {title}
          </button>
        ))}
        <label class="zoom">
          <input
            type="checkbox"
            checked={fit}
            onChange={(e) => setFits({ ...fits, [shown]: e.currentTarget.checked })}
          />{' '}
          fit to width
        </label>
      </div>
      <div class={`picture${fit ? ' fit' : ''}`} data-picture={shown}>
        {shown === 'trace' && (
          <Graph
            dot={view.traceDot}
            label="trace graph"
            focus={`s${view.steps.length - 1}`}
            onNode={(name) => onJump(Number(name.slice(1)))}
          />
        )}
        {/* The chart is SVG the server drew, every text in it escaped. */}
        {shown === 'sequence' && (
          <div
            class="sequence"
            role="img"
            aria-label="message sequence chart"
            dangerouslySetInnerHTML={{ __html: view.sequenceSvg! }}
          />
        )}
        {shown === 'neighbourhood' && (
          <>
            <p class="caption">
              {n.predecessors} predecessor{n.predecessors === 1 ? '' : 's'} and {n.successors} successor
              {n.successors === 1 ? '' : 's'} found so far — click one to go there
            </p>
            <Graph
              dot={n.dot}
              label="neighbourhood"
              focus="here"
              onNode={(name) => n.targets[name] !== undefined && onGo(n.targets[name]!)}
            />
          </>
        )}
      </div>
    </section>
  );
}
