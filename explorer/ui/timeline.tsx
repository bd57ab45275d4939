/**
 * The trace as a list of steps: the current state highlighted, the steps ahead (along the pinned
 * trace) greyed, a lasso's cycle marked, the violating state in red. Click a step to jump to it.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { StepSummary } from '../api-types.ts';

export interface TimelineProps {
  readonly steps: readonly StepSummary[];
  readonly current: number;
  readonly loop: number | undefined;
  /** The last step violates this property (a counterexample). */
  readonly property: string | undefined;
  readonly onJump: (index: number) => void;
}

export function Timeline({ steps, current, loop, property, onJump }: TimelineProps) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.querySelector('.current')?.scrollIntoView({ block: 'nearest' });
  }, [current, steps.length]);
  const last = steps.length - 1;
  return (
    <ol class="timeline" ref={list} aria-label="trace">
      {steps.map((step) => {
        const classes = [
          step.index === current ? 'current' : step.index > current ? 'ahead' : '',
          loop !== undefined && step.index >= loop ? 'cycle' : '',
          property !== undefined && loop === undefined && step.index === last ? 'violating' : '',
        ]
          .filter(Boolean)
          .join(' ');
        return (
          <li key={step.index} class={classes} data-step={step.index}>
            <button
              onClick={() => onJump(step.index)}
              title={step.label}
              aria-current={step.index === current ? 'step' : undefined}
            >
              <span class="n">{step.index + 1}</span>
              <span class="bar" style={{ background: step.color ?? 'transparent' }} />
              <span class="label">{step.label}</span>
              {step.index > 0 && step.changes === 0 && (
                <span class="mark" title="this step changed nothing">
                  ↻
                </span>
              )}
              {loop === step.index && <span class="loop-mark">↺ cycle starts</span>}
              {loop !== undefined && step.index === last && <span class="loop-mark">↺ back to {loop + 1}</span>}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
