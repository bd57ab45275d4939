/**
 * The explored state graph, kept compactly for liveness checking: states are the store's dense ids,
 * edges are a CSR list (a state's outgoing edges are contiguous, in the order BFS found them), each
 * labelled by the (action, parameter index) that produced it. Per state it keeps the fingerprint
 * (to rebuild concrete traces), which fairness assumptions are enabled there and which property
 * predicates hold; per edge, which fairness assumptions the step satisfies. Everything is in
 * typed arrays: about 12 bytes per edge and 12 per state, plus one bit per assumption and predicate.
 *
 * Steps that lead back to the same state are not stored: every state may stutter anyway (a stutter
 * step satisfies no fairness assumption and changes nothing), see `fair-components.ts`.
 */
import { IntList } from './int-list.ts';

export class StateGraph {
  private readonly edgeStart = new IntList();
  private readonly target = new IntList();
  private readonly action = new IntList();
  private readonly param = new IntList();
  private readonly hi = new IntList();
  private readonly lo = new IntList();
  private readonly stateBits = new IntList();
  private readonly edgeBits = new IntList();
  /** Initial states as (state id, index in `init()`), in order. */
  readonly initial: { readonly state: number; readonly initIndex: number }[] = [];
  private readonly stateWords: number;
  private readonly edgeWords: number;
  private sealed = false;

  constructor(
    /** Number of fairness assumptions: bits 0..F-1 of a state (enabled) and of an edge (taken). */
    readonly fairnessCount: number,
    /** Number of state predicates: bits F..F+P-1 of a state. */
    readonly predicateCount: number,
  ) {
    this.stateWords = Math.ceil((fairnessCount + predicateCount) / 32);
    this.edgeWords = Math.ceil(fairnessCount / 32);
  }

  get stateCount(): number {
    return this.hi.length;
  }

  get edgeCount(): number {
    return this.target.length;
  }

  /** Adds a state (its id must be the next one); its edges are added when it is expanded. */
  addState(hi: number, lo: number): number {
    const id = this.hi.length;
    this.hi.push(hi);
    this.lo.push(lo);
    this.stateBits.pushZeros(this.stateWords);
    return id;
  }

  /** Starts the edge list of `state`: states must be expanded in id order (BFS order). */
  beginEdges(state: number): void {
    if (state !== this.edgeStart.length) throw new Error(`liveness graph: state ${state} expanded out of order`);
    this.edgeStart.push(this.target.length);
  }

  addEdge(to: number, action: number, param: number): number {
    this.target.push(to);
    this.action.push(action);
    this.param.push(param);
    this.edgeBits.pushZeros(this.edgeWords);
    return this.target.length - 1;
  }

  /** Closes the last edge list; after this the graph is read-only. */
  seal(): void {
    while (this.edgeStart.length < this.stateCount) this.edgeStart.push(this.target.length);
    this.edgeStart.push(this.target.length);
    this.sealed = true;
  }

  firstEdge(state: number): number {
    return this.edgeStart.get(state);
  }

  endEdge(state: number): number {
    return this.edgeStart.get(state + 1);
  }

  edgeTarget(edge: number): number {
    return this.target.get(edge);
  }

  edgeAction(edge: number): number {
    return this.action.get(edge);
  }

  edgeParam(edge: number): number {
    return this.param.get(edge);
  }

  fingerprintHi(state: number): number {
    return this.hi.get(state);
  }

  fingerprintLo(state: number): number {
    return this.lo.get(state);
  }

  setEnabled(state: number, fairness: number): void {
    this.stateBits.or(state * this.stateWords + (fairness >>> 5), 1 << (fairness & 31));
  }

  isEnabled(state: number, fairness: number): boolean {
    return (this.stateBits.get(state * this.stateWords + (fairness >>> 5)) & (1 << (fairness & 31))) !== 0;
  }

  setPredicate(state: number, predicate: number): void {
    this.setEnabled(state, this.fairnessCount + predicate);
  }

  holds(state: number, predicate: number): boolean {
    return this.isEnabled(state, this.fairnessCount + predicate);
  }

  setTaken(edge: number, fairness: number): void {
    this.edgeBits.or(edge * this.edgeWords + (fairness >>> 5), 1 << (fairness & 31));
  }

  takes(edge: number, fairness: number): boolean {
    return (this.edgeBits.get(edge * this.edgeWords + (fairness >>> 5)) & (1 << (fairness & 31))) !== 0;
  }

  get isSealed(): boolean {
    return this.sealed;
  }

  get bytes(): number {
    return (
      this.edgeStart.bytes +
      this.target.bytes +
      this.action.bytes +
      this.param.bytes +
      this.hi.bytes +
      this.lo.bytes +
      this.stateBits.bytes +
      this.edgeBits.bytes
    );
  }
}
