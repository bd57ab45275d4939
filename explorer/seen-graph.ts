/**
 * The part of the state space the explorer has seen: every state shown, every successor listed,
 * and the steps between them. The neighbourhood picture reads a state's predecessors and
 * successors from it. States are identified by value (their fingerprint); each keeps the first
 * path that reached it, so any state drawn can be opened. Bounded: past `limit` states, new ones
 * are no longer recorded (the picture then says "found so far" with reason).
 */
import { Hasher } from '../checker/fingerprint/index.ts';

export interface SeenEdge {
  readonly from: number;
  readonly to: number;
  readonly label: string;
  readonly action: string;
}

export const SEEN_LIMIT = 50_000;

export class SeenGraph {
  private readonly ids = new Map<bigint, number>();
  private readonly paths: string[] = [];
  private readonly states: unknown[] = [];
  /** Edges by target and by source, each keyed by `from>to>label` once. */
  private readonly into = new Map<number, Map<string, SeenEdge>>();
  private readonly out = new Map<number, Map<string, SeenEdge>>();

  private readonly hasher = new Hasher();

  constructor(private readonly limit = SEEN_LIMIT) {}

  /** The state's node, recorded with `path` if it is new; undefined when the graph is full. */
  add(state: unknown, path: string): number | undefined {
    const fp = this.hasher.of(state);
    const known = this.ids.get(fp);
    if (known !== undefined) return known;
    if (this.paths.length >= this.limit) return undefined;
    this.ids.set(fp, this.paths.length);
    this.paths.push(path);
    this.states.push(state);
    return this.paths.length - 1;
  }

  link(from: number, to: number, action: string, label: string): void {
    const edge = { from, to, action, label };
    const key = `${from}>${to}>${label}`;
    entry(this.out, from).set(key, edge);
    entry(this.into, to).set(key, edge);
  }

  predecessors(node: number): SeenEdge[] {
    return [...(this.into.get(node)?.values() ?? [])];
  }

  successors(node: number): SeenEdge[] {
    return [...(this.out.get(node)?.values() ?? [])];
  }

  pathOf(node: number): string {
    return this.paths[node]!;
  }

  stateOf(node: number): unknown {
    return this.states[node];
  }

  get size(): number {
    return this.paths.length;
  }
}

function entry(map: Map<number, Map<string, SeenEdge>>, node: number): Map<string, SeenEdge> {
  let edges = map.get(node);
  if (edges === undefined) map.set(node, (edges = new Map()));
  return edges;
}
