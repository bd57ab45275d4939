/**
 * The actions at this state, grouped by action, each parameter a button: enabled ones first,
 * steps that change nothing marked ↻, steps that break a property marked ✘; actions and
 * parameters that are not enabled greyed out. The keyboard cursor (↑/↓, Enter) is outlined.
 */
import { useState } from 'preact/hooks';
import type { ActionGroup, Choice } from '../api-types.ts';

/** Disabled parameters listed before the rest are folded. */
const SHOWN_DISABLED = 6;

export function Actions({
  groups,
  cursor,
  onTake,
}: {
  groups: readonly ActionGroup[];
  cursor: string | undefined;
  onTake: (path: string) => void;
}) {
  const sorted = [...groups].sort((a, b) => (enabledCount(b) === 0 ? -1 : enabledCount(a) === 0 ? 1 : 0));
  return (
    <div class="actions">
      {sorted.map((g) => (
        <Group key={g.index} group={g} cursor={cursor} onTake={onTake} />
      ))}
    </div>
  );
}

export function enabledCount(group: ActionGroup): number {
  return group.choices.filter((c) => c.enabled).length;
}

function Group({
  group,
  cursor,
  onTake,
}: {
  group: ActionGroup;
  cursor: string | undefined;
  onTake: (path: string) => void;
}) {
  const [unfolded, setUnfolded] = useState(false);
  const enabled = group.choices.filter((c) => c.enabled);
  const disabled = group.choices.filter((c) => !c.enabled);
  const shown = unfolded ? disabled : disabled.slice(0, SHOWN_DISABLED);
  const off = enabled.length === 0;
  return (
    <section class={`group${off ? ' off' : ''}`} style={{ borderLeftColor: off ? undefined : group.color }}>
      <h3>
        {group.name}
        <span class="count">{group.error ? 'error' : off ? 'not enabled' : `${enabled.length} enabled`}</span>
      </h3>
      {group.error && <p class="model-error">✘ {group.error}</p>}
      <div class="choices">
        {enabled.map((c) => (
          <ChoiceButton key={c.param} choice={c} focused={c.target === cursor} onTake={onTake} />
        ))}
        {shown.map((c) => (
          <span key={c.param} class="choice disabled" title="not enabled in this state">
            {c.label}
          </span>
        ))}
        {disabled.length > shown.length && (
          <button class="more" onClick={() => setUnfolded(true)}>
            … {disabled.length - shown.length} more not enabled
          </button>
        )}
      </div>
    </section>
  );
}

function ChoiceButton({
  choice,
  focused,
  onTake,
}: {
  choice: Choice;
  focused: boolean;
  onTake: (path: string) => void;
}) {
  const marks = [choice.noChange ? 'changes nothing' : '', ...choice.violates.map((p) => `breaks ${p}`)].filter(
    Boolean,
  );
  return (
    <button
      class={`choice${focused ? ' focused' : ''}${choice.noChange ? ' nochange' : ''}${choice.violates.length ? ' violates' : ''}`}
      title={marks.join('; ') || 'take this step'}
      onClick={() => onTake(choice.target!)}
    >
      {choice.label}
      {choice.noChange && <span class="mark"> ↻</span>}
      {choice.violates.length > 0 && <span class="mark bad"> ✘ {choice.violates.join(', ')}</span>}
    </button>
  );
}
