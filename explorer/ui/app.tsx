/**
 * The explorer page: where you are (the URL's place), what the server says about it (the state
 * view), and the panels around it. Every move goes through `go`, which updates the URL so that a
 * reload or a shared link opens the same state.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CheckViolation, ModelKey, OpenTraceResult, StateView, UntilResult, WalkResult } from '../api-types.ts';
import { Actions, enabledCount } from './actions.tsx';
import { post } from './api.ts';
import { CheckBar } from './check-bar.tsx';
import { CompareView } from './compare-view.tsx';
import { Header } from './header.tsx';
import { useKeyboard } from './keyboard.ts';
import { back, forward, jump, onLine, rejoin, stepTo } from './navigation.ts';
import { Pictures } from './pictures.tsx';
import { Properties } from './properties.tsx';
import { StatePanel } from './state-panel.tsx';
import { Timeline } from './timeline.tsx';
import { useTreeState } from './tree-state.ts';
import { type Place, placeQuery, readPlace, stepsOf } from './url.ts';

export function App({ served }: { served: ModelKey }) {
  const [place, setPlace] = useState<Place>(() => readPlace(location.search, served));
  const [view, setView] = useState<StateView>();
  const [failure, setFailure] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [comparing, setComparing] = useState(false);
  const [cursor, setCursor] = useState(0);
  const tree = useTreeState(place.key.model);
  const latest = useRef(0);
  // Where the page is going, ahead of the next render: keys pressed quickly each move from the last move.
  const here = useRef(place);

  const go = useCallback((next: Place, message?: string) => {
    here.current = next;
    history.pushState(null, '', placeQuery(next));
    setPlace(next);
    setNotice(message);
  }, []);

  useEffect(() => {
    const onPop = () => {
      here.current = readPlace(location.search, served);
      setPlace(here.current);
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, [served]);

  useEffect(() => {
    const request = ++latest.current;
    setBusy(true);
    post<StateView>('/api/state', { key: place.key, path: place.path, line: place.line })
      .then(
        (v) => {
          if (request === latest.current) {
            setView(v);
            setFailure(undefined);
            setCursor(0);
          }
        },
        (e: unknown) => {
          if (request === latest.current) setFailure(e instanceof Error ? e.message : String(e));
        },
      )
      .finally(() => {
        if (request === latest.current) setBusy(false);
      });
  }, [place]);

  const choices = useMemo(
    () => (view?.actions ?? []).filter((g) => enabledCount(g) > 0).flatMap((g) => g.choices.filter((c) => c.enabled)),
    [view],
  );
  const take = (path: string) => go(stepTo(here.current, path));
  const moves = {
    back: () => {
      const p = back(here.current);
      if (p) go(p);
    },
    forward: () => {
      const f = forward(here.current, view?.line);
      if (f)
        go(
          f.place,
          f.wrapped
            ? `↺ round the cycle: the last state is state ${(view!.line!.loop ?? 0) + 1} again, so on to state ${stepsOf(f.place.path).length + 1}`
            : undefined,
        );
    },
    first: () => go(jump(here.current, 0)),
    last: () => {
      if (view)
        go(
          jump(
            here.current,
            onLine(here.current) && view.line ? view.line.steps.length - 1 : stepsOf(here.current.path).length,
          ),
        );
    },
    up: () => setCursor((c) => Math.max(0, c - 1)),
    down: () => setCursor((c) => Math.min(choices.length - 1, c + 1)),
    take: (i?: number) => {
      const c = choices[i ?? cursor];
      if (c?.target) take(c.target);
    },
  };
  useKeyboard(moves, !comparing);

  const run = async <T,>(work: () => Promise<T>, then: (result: T) => void) => {
    setBusy(true);
    try {
      then(await work());
    } catch (e) {
      setNotice(`✘ ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const walk = (steps: number) =>
    run(
      () => post<WalkResult>('/api/walk', { key: place.key, path: place.path, steps }),
      (w) => {
        const line = w.stopped === 'violation' ? { path: w.path, property: w.property } : { path: w.path };
        go(
          { key: place.key, path: w.path, line },
          `Random walk (seed ${w.seed}): ${w.taken} step${w.taken === 1 ? '' : 's'}` +
            (w.stopped === 'violation'
              ? `, stopped: '${w.property}' is violated`
              : w.stopped === 'end'
                ? ', stopped: no action is enabled'
                : ''),
        );
      },
    );
  const until = (property: string, goal: 'holds' | 'fails') =>
    run(
      () => post<UntilResult>('/api/until', { key: place.key, path: place.path, property, goal }),
      (u) => {
        if (!u.found) return setNotice(`${u.message} (${u.explored.toLocaleString('en-US')} states searched)`);
        go(
          stepTo({ ...place, line: undefined }, u.path),
          `'${property}' ${goal === 'holds' ? 'holds' : 'fails'} after ${u.steps} more step${u.steps === 1 ? '' : 's'} (the fewest; ${u.explored.toLocaleString('en-US')} states searched)`,
        );
      },
    );
  const openFile = (file: File) =>
    run(
      async () => post<OpenTraceResult>('/api/trace', { key: place.key, name: file.name, text: await file.text() }),
      (t) =>
        go(
          { key: t.key, path: t.line.path, line: t.line },
          `Opened ${file.name} (${t.format === 'itf' ? 'ITF' : 'Kripke JSON'}, ${t.steps} steps, matched by ${t.matched}): ${t.note}`,
        ),
    );
  const openViolation = (v: CheckViolation) =>
    go(
      { key: place.key, path: v.path!, line: { path: v.path!, loop: v.loop, property: v.property } },
      `Counterexample: '${v.property}' (${v.kind}), ${stepsOf(v.path!).length} steps${v.loop !== undefined ? `, a lasso whose cycle starts at state ${v.loop + 1}` : ''}`,
    );

  if (!view)
    return <div class="loading">{failure ? <p class="model-error">{failure}</p> : 'Loading the explorer…'}</div>;
  const along = onLine(place) && view.line;
  const current = stepsOf(view.path).length;
  const left = place.line && !onLine(place) ? rejoin(place) : undefined;
  return (
    <div class={`app${busy ? ' busy' : ''}`}>
      <Header
        view={view}
        place={place}
        busy={busy}
        onVariant={(variant) => go({ key: { ...place.key, variant }, path: '0', line: undefined })}
        onWalk={walk}
        onOpen={openFile}
        onCompare={() => setComparing(true)}
      />
      <CheckBar modelKey={place.key} onCounterexample={openViolation} />
      {(notice || failure) && (
        <p class={`notice${failure || notice?.startsWith('✘') ? ' bad' : ''}`} role="status">
          {failure ?? notice}
        </p>
      )}
      {comparing ? (
        <CompareView
          model={view.model}
          tree={tree}
          left={{ key: place.key, path: along ? place.line!.path : view.path }}
          onClose={() => setComparing(false)}
        />
      ) : (
        <main>
          <aside class="left">
            <section class="panel">
              <h2>
                Trace{' '}
                <span class="nav">
                  <button title="first state (Home)" onClick={moves.first}>
                    |◀
                  </button>
                  <button title="back (←)" onClick={moves.back} disabled={current === 0}>
                    ◀
                  </button>
                  <button title="forward (→)" onClick={moves.forward} disabled={!forward(place, view.line)}>
                    ▶
                  </button>
                  <button title="last state (End)" onClick={moves.last}>
                    ▶|
                  </button>
                </span>
              </h2>
              {left && (
                <p class="left-line">
                  You left the pinned trace. <button onClick={() => go(left)}>Back to it</button>
                </p>
              )}
              <Timeline
                steps={along ? view.line!.steps : view.steps}
                current={current}
                loop={along ? view.line!.loop : undefined}
                property={along ? view.line!.property : undefined}
                onJump={(i) => go(jump(place, i))}
              />
              {view.error && (
                <p class="model-error step-error">
                  ✘ Step {view.error.step}: the model threw — {view.error.message}
                </p>
              )}
            </section>
            <section class="panel">
              <h2>Properties</h2>
              <Properties
                statuses={view.properties}
                onUntil={until}
                busy={busy}
                pinned={
                  view.line?.property !== undefined ? { property: view.line.property, loop: view.line.loop } : undefined
                }
              />
            </section>
          </aside>
          <div class="centre">
            <section class="panel actions-panel">
              <h2>
                Actions{' '}
                {view.end && (
                  <span class={`end ${view.end}`}>
                    {view.end === 'deadlock' ? 'deadlock: no action is enabled' : 'terminal state'}
                  </span>
                )}
              </h2>
              <Actions groups={view.actions} cursor={choices[cursor]?.target} onTake={take} />
            </section>
            <StatePanel view={view} tree={tree} />
          </div>
          <Pictures view={view} onJump={(i) => go(jump(place, i))} onGo={take} />
        </main>
      )}
      <footer>
        ← → step back and forward · Home End first and last state · ↑ ↓ choose an action · Enter or 1–9 take it
      </footer>
    </div>
  );
}
