/**
 * A state as a collapsible tree: the last step's changes in yellow (with the old value), members
 * added marked `+` and removed ones listed struck through, any field hideable. Which nodes are
 * open is kept by path across steps, so the tree stays as the user arranged it.
 */
import type { ValueNode } from '../api-types.ts';

export interface TreeState {
  readonly hidden: ReadonlySet<string>;
  readonly opened: ReadonlyMap<string, boolean>;
  readonly toggle: (path: string, open: boolean) => void;
  readonly hide: (path: string) => void;
}

/**
 * Open unless the user closed it: anything with a change inside and, unless only the changes
 * matter (comparing two states), the top-level fields.
 */
function isOpen(node: ValueNode, depth: number, tree: TreeState, changesOnly: boolean): boolean {
  return tree.opened.get(node.path) ?? ((depth <= 1 && !changesOnly) || node.change === 'inside');
}

/** `changesOnly`: two states compared — open only what differs, and call the other value `vs`, not `was`. */
export function ValueTree({
  root,
  tree,
  label,
  changesOnly = false,
}: {
  root: ValueNode;
  tree: TreeState;
  label: string;
  changesOnly?: boolean;
}) {
  const children = root.children ?? [root];
  return (
    <ul class="tree" aria-label={label}>
      {children
        .filter((c) => !tree.hidden.has(c.path))
        .map((child) => (
          <TreeRow key={child.path} node={child} depth={1} tree={tree} changesOnly={changesOnly} />
        ))}
    </ul>
  );
}

function TreeRow({
  node,
  depth,
  tree,
  changesOnly,
}: {
  node: ValueNode;
  depth: number;
  tree: TreeState;
  changesOnly: boolean;
}) {
  const container = node.children !== undefined && (node.children.length > 0 || (node.removed?.length ?? 0) > 0);
  const open = container && isOpen(node, depth, tree, changesOnly);
  const classes = ['row', node.change ?? ''].join(' ').trim();
  return (
    <li class={classes} data-path={node.path}>
      <div class="line">
        {container ? (
          <button
            class="caret"
            aria-expanded={open}
            title={open ? 'collapse' : 'expand'}
            onClick={() => tree.toggle(node.path, !open)}
          >
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span class="caret-space" />
        )}
        <span class="key">
          {node.change === 'added' ? '+ ' : ''}
          {node.key}
        </span>
        <span class="value">{open ? summary(node) : node.text}</span>
        {node.change === 'changed' && node.before !== undefined && (
          <span class="before" title={changesOnly ? 'in the other trace' : 'before the last step'}>
            {changesOnly ? 'vs' : 'was'} {node.before}
          </span>
        )}
        <button class="hide" title={`hide ${node.path}`} onClick={() => tree.hide(node.path)}>
          hide
        </button>
      </div>
      {open && (
        <ul>
          {node
            .children!.filter((c) => !tree.hidden.has(c.path))
            .map((c) => (
              <TreeRow key={c.path} node={c} depth={depth + 1} tree={tree} changesOnly={changesOnly} />
            ))}
          {node.removed?.map((text, i) => (
            <li key={`removed-${i}`} class="row removed">
              <div class="line">
                <span class="caret-space" />
                <span class="key">−</span>
                <span class="value">{text}</span>
              </div>
            </li>
          ))}
          {node.omitted ? (
            <li class="row muted">
              <div class="line">
                <span class="caret-space" />… {node.omitted} more
              </div>
            </li>
          ) : null}
        </ul>
      )}
    </li>
  );
}

function summary(node: ValueNode): string {
  const n = node.children?.length ?? 0;
  const count = n + (node.omitted ?? 0);
  switch (node.kind) {
    case 'set':
      return `set of ${count}`;
    case 'map':
      return `map of ${count}`;
    case 'list':
      return `list of ${count}`;
    default:
      return `${count} field${count === 1 ? '' : 's'}`;
  }
}
