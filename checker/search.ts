/**
 * What BFS and DFS share: discovering states (constraint, identity, store, parent links,
 * properties, coverage) and expanding one state. The engines differ only in their frontier.
 */
import type { StepLabel } from '../spec/properties.ts';
import type { Spec } from '../spec/types.ts';
import { fingerprintHi, fingerprintLo } from './fingerprint.ts';
import { PropertyMonitor } from './monitor.ts';
import type { ResolvedOptions } from './options.ts';
import { ParentLinks } from './parents.ts';
import type { ActionCoverage, Statistics } from './result.ts';
import type { FingerprintStore } from './store.ts';
import { Successors } from './successors.ts';

/** Where newly discovered states go: a queue (BFS) or a stack (DFS). */
export interface Frontier<S> {
  push(state: S, id: number, depth: number): void;
  readonly size: number;
}

export class Search<S> {
  readonly store: FingerprintStore;
  readonly links = new ParentLinks();
  readonly monitor: PropertyMonitor<S>;
  readonly successors: Successors<S>;
  readonly stats: Statistics;
  /** Set when a bound (depth) cut exploration short. */
  boundHit: string | undefined;

  private readonly coverage: ActionCoverage[];
  private readonly sink = this.onSuccessor.bind(this);
  private readonly constraint: ((state: S) => boolean) | undefined;
  private readonly startedAt = performance.now();
  private current!: S;
  private currentId = 0;
  private currentDepth = 0;

  constructor(
    readonly spec: Spec<S>,
    readonly options: ResolvedOptions,
    private readonly frontier: Frontier<S>,
  ) {
    this.store = options.createStore();
    this.monitor = new PropertyMonitor(spec, options.properties, options.continueAfterViolation);
    this.successors = new Successors(spec, options.strict);
    this.constraint = spec.constraint;
    this.coverage = spec.actions.map((a) => ({ action: a.name, fired: 0, found: 0 }));
    this.stats = {
      engine: options.engine, distinctStates: 0, generatedStates: 0, depth: 0, queued: 0,
      coverage: this.coverage, elapsedMs: 0, collisionProbability: 0, storeBytes: 0,
    };
  }

  /** Discovers the initial states (depth 1). */
  seed(): void {
    const states = this.successors.initialStates();
    for (let i = 0; i < states.length && !this.monitor.shouldStop; i++) {
      const state = states[i]!;
      this.stats.generatedStates++;
      if (this.constraint && !this.constraint(state)) {
        this.monitor.checkState(state, () => ({ init: i, steps: [] }));
        continue;
      }
      this.successors.identifyAndHash(state, () => ({ init: String(i) }));
      const id = this.store.insert(fingerprintHi, fingerprintLo);
      if (id < 0) continue;
      this.links.setRoot(id, i);
      if (this.stats.depth < 1) this.stats.depth = 1;
      this.monitor.checkState(state, () => this.links.pathTo(id));
      this.frontier.push(state, id, 1);
    }
  }

  /** Computes the successors of one state and discovers each; checks deadlock. */
  expand(state: S, id: number, depth: number): void {
    if (depth >= this.options.maxDepth) {
      if (this.successors.forEach(state, noop) > 0) this.boundHit = `depth bound ${this.options.maxDepth} reached`;
      return;
    }
    this.current = state;
    this.currentId = id;
    this.currentDepth = depth;
    const count = this.successors.forEach(state, this.sink);
    if (count === 0 && this.options.checkDeadlock && !this.isTerminal(state)) {
      this.monitor.recordDeadlock(this.links.pathTo(id));
    }
  }

  private onSuccessor(successor: S, action: number, param: number): void {
    if (this.monitor.shouldStop) return;
    const stats = this.stats;
    stats.generatedStates++;
    this.coverage[action]!.fired++;
    const parentId = this.currentId;
    if (this.monitor.hasStepProperties) {
      this.monitor.checkStep(this.current, successor, this.label(action, param),
        () => this.links.pathTo(parentId, { action, param }));
    }
    if (this.constraint && !this.constraint(successor)) {
      this.monitor.checkState(successor, () => this.links.pathTo(parentId, { action, param }));
      return;
    }
    this.successors.identifyAndHash(successor, () => this.successors.where(this.spec.actions[action]!, this.paramValue(action, param)));
    const id = this.store.insert(fingerprintHi, fingerprintLo);
    if (id < 0) return;
    this.links.set(id, parentId, action, param);
    this.coverage[action]!.found++;
    const depth = this.currentDepth + 1;
    if (depth > stats.depth) stats.depth = depth;
    this.monitor.checkState(successor, () => this.links.pathTo(id));
    this.frontier.push(successor, id, depth);
  }

  private label(action: number, param: number): StepLabel {
    return { action: this.spec.actions[action]!.name, param: this.paramValue(action, param) };
  }

  private paramValue(action: number, param: number): unknown {
    return this.spec.actions[action]!.domain(this.current)[param];
  }

  private isTerminal(state: S): boolean {
    return this.spec.terminal !== undefined && this.spec.terminal(state);
  }

  /** Whether a time or state limit says stop; sets `boundHit`. */
  limitReached(): boolean {
    if (this.store.size >= this.options.maxStates) this.boundHit = `state limit ${this.options.maxStates} reached`;
    else if (performance.now() - this.startedAt >= this.options.timeLimitMs) this.boundHit = `time limit ${this.options.timeLimitMs} ms reached`;
    return this.boundHit !== undefined && !this.boundHit.startsWith('depth');
  }

  elapsedMs(): number {
    return performance.now() - this.startedAt;
  }

  finishStats(): Statistics {
    const n = this.store.size;
    this.stats.distinctStates = n;
    this.stats.queued = this.frontier.size;
    this.stats.elapsedMs = this.elapsedMs();
    this.stats.collisionProbability = Math.min(1, (n * n) / 2 ** 65);
    this.stats.storeBytes = this.store.bytes + this.links.bytes;
    return this.stats;
  }
}

function noop(): void {}
