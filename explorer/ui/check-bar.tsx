/**
 * Check from the page: BFS or DFS (safety and liveness) or a random simulation, run on a thread
 * of the server with live progress (states, depth, rate) and a cancel button. A counterexample it
 * finds is opened at once, at the violating step.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CheckEngine, CheckEvent, CheckOutcome, CheckProgress, CheckViolation, ModelKey } from '../api-types.ts';
import { followCheck, post } from './api.ts';

interface Running {
  readonly id: string;
  readonly progress: CheckProgress | undefined;
  readonly outcome: CheckOutcome | undefined;
}

export function CheckBar({
  modelKey,
  onCounterexample,
}: {
  modelKey: ModelKey;
  onCounterexample: (v: CheckViolation) => void;
}) {
  const [engine, setEngine] = useState<CheckEngine>('bfs');
  const [liveness, setLiveness] = useState(true);
  const [deadlock, setDeadlock] = useState(true);
  const [run, setRun] = useState<Running>();
  const [failure, setFailure] = useState<string>();
  const stop = useRef<(() => void) | undefined>(undefined);
  useEffect(() => () => stop.current?.(), []);
  const running = run !== undefined && run.outcome === undefined;

  const start = async () => {
    setFailure(undefined);
    try {
      const { id } = await post<{ id: string }>('/api/checks', { key: modelKey, engine, liveness, deadlock });
      setRun({ id, progress: undefined, outcome: undefined });
      stop.current = followCheck(id, (event: CheckEvent) => {
        if (event.type === 'progress') setRun((r) => r && { ...r, progress: event.progress });
        else {
          setRun((r) => r && { ...r, outcome: event.outcome });
          const found = event.outcome.violations.find((v) => v.path !== undefined);
          if (found) onCounterexample(found);
        }
      });
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  };
  const cancel = () => run && post(`/api/checks/${run.id}/cancel`, {}).catch((e: unknown) => setFailure(String(e)));

  return (
    <div class="check-bar">
      <button class="primary" onClick={start} disabled={running}>
        Check
      </button>
      <label>
        engine{' '}
        <select value={engine} onChange={(e) => setEngine(e.currentTarget.value as CheckEngine)} disabled={running}>
          <option value="bfs">BFS (shortest traces)</option>
          <option value="dfs">DFS</option>
          <option value="random">random simulation</option>
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={liveness}
          disabled={running || engine === 'random'}
          onChange={(e) => setLiveness(e.currentTarget.checked)}
        />{' '}
        liveness
      </label>
      <label>
        <input
          type="checkbox"
          checked={deadlock}
          disabled={running}
          onChange={(e) => setDeadlock(e.currentTarget.checked)}
        />{' '}
        deadlock
      </label>
      {running && <button onClick={cancel}>Cancel</button>}
      <span class="check-status" aria-live="polite">
        {failure ? (
          <span class="bad">{failure}</span>
        ) : run ? (
          status(run)
        ) : (
          'explores every reachable state on a thread of the server'
        )}
      </span>
      {run?.outcome && run.outcome.violations.length > 1 && (
        <span class="violations">
          {run.outcome.violations.map(
            (v) =>
              v.path && (
                <button key={v.property} onClick={() => onCounterexample(v)}>
                  {v.property}
                </button>
              ),
          )}
        </span>
      )}
    </div>
  );
}

function status(run: Running): string {
  if (run.outcome) return run.outcome.summary;
  const p = run.progress;
  if (!p) return 'starting…';
  return (
    `running: ${p.distinctStates.toLocaleString('en-US')} states, ${p.generatedStates.toLocaleString('en-US')} generated, depth ${p.depth}, ` +
    `${p.rate.toLocaleString('en-US')}/s, ${(p.elapsedMs / 1000).toFixed(1)} s`
  );
}
