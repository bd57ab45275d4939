/**
 * Two traces side by side: the current trace and the same actions replayed under another variant
 * (or a saved trace). The first divergence is named; each row lists the fields that differ, and
 * the selected row shows both states with those fields highlighted.
 */
import { useState } from 'preact/hooks';
import type { CompareResult, ModelInfo, ModelKey, OpenTraceResult } from '../api-types.ts';
import { post } from './api.ts';
import { type TreeState, ValueTree } from './value-tree.tsx';

export interface CompareProps {
  readonly model: ModelInfo;
  readonly left: { readonly key: ModelKey; readonly path: string };
  readonly tree: TreeState;
  readonly onClose: () => void;
}

export function CompareView({ model, left, tree, onClose }: CompareProps) {
  const others = model.variants.filter((v) => v.name !== model.variant);
  const [variant, setVariant] = useState(others[0]?.name ?? '');
  const [result, setResult] = useState<CompareResult>();
  const [selected, setSelected] = useState(0);
  const [failure, setFailure] = useState<string>();
  const show = (r: CompareResult) => {
    setResult(r);
    setSelected(r.divergence?.step ?? 0);
    setFailure(undefined);
  };
  const fail = (e: unknown) => setFailure(e instanceof Error ? e.message : String(e));
  const replay = () =>
    post<CompareResult>('/api/compare', { left, right: { key: { ...left.key, variant }, replay: true } }).then(
      show,
      fail,
    );
  const withFile = async (file: File) => {
    try {
      const opened = await post<OpenTraceResult>('/api/trace', {
        key: left.key,
        name: file.name,
        text: await file.text(),
      });
      show(await post<CompareResult>('/api/compare', { left, right: { key: opened.key, path: opened.line.path } }));
    } catch (e) {
      fail(e);
    }
  };
  const row = result?.rows[selected];
  return (
    <section class="compare panel" aria-label="compare traces">
      <header>
        <h2>Compare</h2>
        {others.length > 0 && (
          <label>
            the same actions under variant{' '}
            <select value={variant} onChange={(e) => setVariant(e.currentTarget.value)}>
              {others.map((v) => (
                <option key={v.name} value={v.name}>
                  {v.name}
                </option>
              ))}
            </select>{' '}
            <button class="primary" onClick={replay}>
              Replay
            </button>
          </label>
        )}
        <label class="file">
          or a saved trace{' '}
          <input
            type="file"
            accept=".json"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              if (f) void withFile(f);
            }}
          />
        </label>
        <button class="close" onClick={onClose}>
          Close
        </button>
      </header>
      {failure && <p class="model-error">{failure}</p>}
      {result && (
        <>
          <p class={`divergence${result.divergence ? ' bad' : ''}`}>
            {result.divergence
              ? `First divergence — ${result.divergence.message}`
              : 'The two traces agree at every step.'}
          </p>
          <div class="compare-body">
            <table class="compare-steps">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{result.leftTitle}</th>
                  <th>{result.rightTitle}</th>
                  <th>differs in</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((r) => (
                  <tr
                    key={r.index}
                    class={`${r.index === selected ? 'selected' : ''}${r.differences.length || !r.left || !r.right ? ' differs' : ''}`}
                    onClick={() => setSelected(r.index)}
                  >
                    <td>{r.index + 1}</td>
                    <td>{r.left?.label ?? '—'}</td>
                    <td>{r.right?.label ?? '—'}</td>
                    <td class="fields">{r.differences.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {row && (
              <div class="side-by-side">
                <div>
                  <h3>
                    {result.leftTitle} · state {row.index + 1}
                  </h3>
                  {row.leftState ? (
                    <ValueTree root={row.leftState} tree={tree} label="left state" changesOnly />
                  ) : (
                    <p class="muted">no such state</p>
                  )}
                </div>
                <div>
                  <h3>
                    {result.rightTitle} · state {row.index + 1}
                  </h3>
                  {row.rightState ? (
                    <ValueTree root={row.rightState} tree={tree} label="right state" changesOnly />
                  ) : (
                    <p class="muted">no such state</p>
                  )}
                </div>
              </div>
            )}
          </div>
        </>
      )}
    </section>
  );
}
