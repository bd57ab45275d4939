/**
 * A DOT graph laid out by Graphviz in the page, as SVG. Clicking a node calls `onNode` with the
 * node's name (the title Graphviz gives its SVG group); `focus` names a node to scroll into view.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { layout } from './graphviz.ts';

export function Graph({
  dot,
  onNode,
  focus,
  label,
}: {
  dot: string;
  onNode?: (name: string) => void;
  focus?: string;
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [svg, setSvg] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let current = true;
    layout(dot).then(
      (out) => {
        if (!current) return;
        setSvg(out);
        setError(undefined);
      },
      (e: unknown) => current && setError(String(e)),
    );
    return () => {
      current = false;
    };
  }, [dot]);
  useEffect(() => {
    const el = box.current;
    if (!el || !svg || focus === undefined) return;
    const node = Array.from(el.querySelectorAll('g.node')).find((g) => g.querySelector('title')?.textContent === focus);
    const view = el.parentElement;
    if (node && view) reveal(view, node.getBoundingClientRect());
  }, [svg, focus]);
  const click = (event: MouseEvent) => {
    const node = (event.target as Element).closest('g.node');
    const name = node?.querySelector('title')?.textContent;
    if (name && onNode) onNode(name);
  };
  if (error) return <p class="model-error">Graphviz could not lay this out: {error}</p>;
  if (!svg) return <p class="muted">Laying out…</p>;
  // The SVG is Graphviz's own output for DOT the server escaped (labels are HTML-escaped there).
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: clicking a node is a pointer shortcut over Graphviz's SVG; the graph has no keyboard navigation yet
    <div
      class={`graph${onNode ? ' clickable' : ''}`}
      ref={box}
      role="img"
      aria-label={label}
      onClick={click}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}

/** Scrolls `view` so that the box shows: its bottom (the newest state) and, when it is not in view across, its left edge. */
function reveal(view: Element, box: DOMRect): void {
  const frame = view.getBoundingClientRect();
  const top = box.top - frame.top + view.scrollTop,
    left = box.left - frame.left + view.scrollLeft;
  view.scrollTop = Math.max(0, Math.min(top - 8, top + box.height - view.clientHeight + 8));
  if (box.width > view.clientWidth || left < view.scrollLeft || left + box.width > view.scrollLeft + view.clientWidth)
    view.scrollLeft = Math.max(0, left - 4);
}
