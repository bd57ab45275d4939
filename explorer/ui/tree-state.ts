/** Which tree nodes are open (kept while stepping) and which fields are hidden (kept per model, in local storage). */
import { useCallback, useMemo, useState } from 'preact/hooks';
import type { TreeState } from './value-tree.tsx';

export function useTreeState(model: string): TreeState & { readonly show: (path: string) => void } {
  const storageKey = `kripke-explorer:hidden:${model}`;
  const [opened, setOpened] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set(readList(storageKey)));
  const save = useCallback(
    (next: ReadonlySet<string>) => {
      setHidden(next);
      localStorage.setItem(storageKey, JSON.stringify([...next]));
    },
    [storageKey],
  );
  return useMemo(
    () => ({
      hidden,
      opened,
      toggle: (path: string, open: boolean) => setOpened((m) => new Map(m).set(path, open)),
      hide: (path: string) => save(new Set(hidden).add(path)),
      show: (path: string) => save(new Set([...hidden].filter((p) => p !== path))),
    }),
    [hidden, opened, save],
  );
}

function readList(key: string): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
