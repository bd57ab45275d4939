/** The page's header: the model and its configuration, the variant, and the tools (walk, open, compare). */
import { useState } from 'preact/hooks';
import type { StateView } from '../api-types.ts';
import type { Place } from './url.ts';

export interface HeaderProps {
  readonly view: StateView;
  readonly place: Place;
  readonly busy: boolean;
  readonly onVariant: (variant: string) => void;
  readonly onWalk: (steps: number) => void;
  readonly onOpen: (file: File) => void;
  readonly onCompare: () => void;
}

export function Header({ view, busy, onVariant, onWalk, onOpen, onCompare }: HeaderProps) {
  const { model } = view;
  const [steps, setSteps] = useState(20);
  const settings = model.config.map((c) => `${c.key}=${c.value}`).join(' ');
  return (
    <header class="top">
      <h1>
        <span class="brand">Kripke</span> {model.name}
      </h1>
      {model.variants.length > 1 && (
        <label class="variant">
          variant{' '}
          <select
            value={model.variant}
            onChange={(e) => onVariant(e.currentTarget.value)}
            title={model.variants.find((v) => v.name === model.variant)?.doc}
          >
            {model.variants.map((v) => (
              <option key={v.name} value={v.name} title={v.doc}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {settings && (
        <span class="settings" title={model.config.map((c) => `${c.key}: ${c.doc}`).join('\n')}>
          {settings}
        </span>
      )}
      <span class="tools">
        <label>
          walk{' '}
          <input
            type="number"
            min={1}
            max={10000}
            value={steps}
            onChange={(e) => setSteps(Number(e.currentTarget.value) || 1)}
          />{' '}
          steps
        </label>
        <button onClick={() => onWalk(steps)} disabled={busy}>
          Random walk
        </button>
        <label class="file button">
          Open trace…
          <input
            type="file"
            accept=".json"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              if (f) onOpen(f);
              e.currentTarget.value = '';
            }}
          />
        </label>
        <button onClick={onCompare}>Compare…</button>
      </span>
    </header>
  );
}
