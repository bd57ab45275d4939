/** Per-process columns of an actor state: one column per node; changed cells in yellow. */
import type { ProcessTable } from '../api-types.ts';
import { type TreeState, ValueTree } from './value-tree.tsx';

export function Processes({ table, tree }: { table: ProcessTable; tree: TreeState }) {
  return (
    <div class="processes">
      <table>
        <thead>
          <tr>
            <th />
            {table.ids.map((id) => (
              <th key={id} scope="col">
                {id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows
            .filter((r) => r.cells.some((c) => c.text !== 'undefined'))
            .map((row) => (
              <tr key={row.field}>
                <th scope="row">{row.field}</th>
                {row.cells.map((cell, i) => (
                  <td
                    key={table.ids[i]}
                    class={cell.changed ? 'changed' : ''}
                    title={cell.changed ? `was ${cell.before}` : undefined}
                  >
                    {cell.text === 'undefined' ? '' : cell.text}
                  </td>
                ))}
              </tr>
            ))}
        </tbody>
      </table>
      <ValueTree
        root={{ key: '', path: '', kind: 'record', text: '', children: table.shared }}
        tree={tree}
        label="system fields"
      />
    </div>
  );
}
