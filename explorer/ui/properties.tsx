/** Every property at this state, with "step until it holds / fails" for state and step properties. */
import type { PropertyStatus } from '../api-types.ts';

const ICONS: Record<PropertyStatus['state'], string> = {
  holds: '✔',
  fails: '✘',
  reached: '●',
  unreached: '○',
  liveness: '∞',
  error: '⚠',
};

export function Properties({
  statuses,
  onUntil,
  busy,
  pinned,
}: {
  statuses: readonly PropertyStatus[];
  onUntil: (property: string, goal: 'holds' | 'fails') => void;
  busy: boolean;
  /** The property the pinned trace violates, and its lasso's first cycle state (liveness). */
  pinned: { readonly property: string; readonly loop: number | undefined } | undefined;
}) {
  if (statuses.length === 0) return <p class="muted">This model declares no properties.</p>;
  const shown = statuses.map((p) =>
    p.state === 'liveness' && pinned?.property === p.name && pinned.loop !== undefined
      ? {
          ...p,
          state: 'fails' as const,
          detail: `violated by the pinned lasso: its cycle from state ${pinned.loop + 1} repeats forever (${p.detail})`,
        }
      : p,
  );
  return (
    <ul class="properties">
      {shown.map((p) => (
        <li key={p.name} class={`property ${p.state}`} data-property={p.name}>
          <span class="icon" role="img" aria-label={p.state}>
            {ICONS[p.state]}
          </span>
          <span class="name">{p.name}</span>
          <span class="kind">{p.kind}</span>
          <div class="detail">{p.detail}</div>
          {['always', 'sometimes', 'alwaysStep'].includes(p.kind) && (
            <div class="until">
              step until it
              <button disabled={busy} onClick={() => onUntil(p.name, 'holds')}>
                {p.kind === 'sometimes' ? 'is reached' : 'holds'}
              </button>
              <button disabled={busy} onClick={() => onUntil(p.name, 'fails')}>
                fails
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
