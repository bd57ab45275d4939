/**
 * Parent links by state id: how each distinct state was first reached. Enough to rebuild any
 * path by walking back to an initial state (TLC keeps fingerprint + parent; traces are replayed).
 */
import type { ActionPath, PathStep } from './path.ts';

const ROOT = -1;

export class ParentLinks {
  private parent: Int32Array<ArrayBuffer> = new Int32Array(1024);
  /** For a root: the initial state's index; otherwise the action index. */
  private action: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private param: Int32Array<ArrayBuffer> = new Int32Array(1024);

  setRoot(id: number, initIndex: number): void {
    this.ensure(id);
    this.parent[id] = ROOT;
    this.action[id] = initIndex;
  }

  set(id: number, parentId: number, action: number, param: number): void {
    this.ensure(id);
    this.parent[id] = parentId;
    this.action[id] = action;
    this.param[id] = param;
  }

  get bytes(): number {
    return this.parent.byteLength * 3;
  }

  /** The path from an initial state to `id`, optionally extended by one more step. */
  pathTo(id: number, extra?: PathStep): ActionPath {
    const steps: PathStep[] = extra ? [extra] : [];
    let at = id;
    while (this.parent[at] !== ROOT) {
      steps.push({ action: this.action[at]!, param: this.param[at]! });
      at = this.parent[at]!;
    }
    return { init: this.action[at]!, steps: steps.reverse() };
  }

  private ensure(id: number): void {
    if (id < this.parent.length) return;
    let size = this.parent.length;
    while (size <= id) size *= 2;
    this.parent = grow(this.parent, size);
    this.action = grow(this.action, size);
    this.param = grow(this.param, size);
  }
}

function grow(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(size);
  bigger.set(array);
  return bigger;
}
