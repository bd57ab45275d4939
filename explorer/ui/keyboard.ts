/** Keyboard navigation: ←/→ back and forward, Home/End, ↑/↓ choose an action, Enter or 1–9 take one. */
import { useEffect } from 'preact/hooks';

export interface Moves {
  readonly back: () => void;
  readonly forward: () => void;
  readonly first: () => void;
  readonly last: () => void;
  readonly up: () => void;
  readonly down: () => void;
  readonly take: (index?: number) => void;
}

export function useKeyboard(moves: Moves, active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.altKey || event.ctrlKey || event.metaKey || target?.closest('input, select, textarea')) return;
      const action = keyAction(moves, event.key);
      if (action === undefined) return;
      event.preventDefault();
      action();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [moves, active]);
}

function keyAction(moves: Moves, key: string): (() => void) | undefined {
  switch (key) {
    case 'ArrowLeft':
    case 'h':
      return moves.back;
    case 'ArrowRight':
    case 'l':
      return moves.forward;
    case 'Home':
      return moves.first;
    case 'End':
      return moves.last;
    case 'ArrowUp':
    case 'k':
      return moves.up;
    case 'ArrowDown':
    case 'j':
      return moves.down;
    case 'Enter':
      return () => moves.take();
    default:
      return /^[1-9]$/.test(key) ? () => moves.take(Number(key) - 1) : undefined;
  }
}
