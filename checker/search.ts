/**
 * What BFS, DFS and each parallel worker share: discovering states (constraint, identity,
 * store, parent links, properties, coverage) and expanding one state. The engines differ only
 * in their frontier and in where visited fingerprints live (`Visited`).
 *
 * The per-successor path is allocation-free apart from the user's own code: the callbacks handed
 * to the monitor and to error reporting are made once and read the current step from fields.
 */
import type { StepLabel } from '../spec/properties.ts';
import type { Spec } from '../spec/types.ts';
import { KripkeError } from '../spec/errors.ts';
import { stepAllowed } from './action-constraint.ts';
import type { Hasher } from './fingerprint/index.ts';
import { PropertyMonitor } from './monitor.ts';
import type { ResolvedOptions } from './options.ts';
import { type Lineage, ParentLinks, pathOf } from './parents.ts';
import type { ActionPath, PathStep } from './path.ts';
import type { ActionCoverage, Statistics } from './result.ts';
import { CompactStore, type FingerprintStore, MapStore } from './store.ts';
import { RecentlySeen } from './recently-seen.ts';
import { Successors } from './successors.ts';
import { MemoryGauge } from './memory.ts';
import { interruptedReason } from './interrupt.ts';

/** Where newly discovered states go: a queue (BFS) or a stack (DFS). */
export interface Frontier<S> {
  push(state: S, id: number, depth: number): void;
  readonly size: number;
}

/** The visited set with parent links: local (store + links) or shared between workers. */
export interface Visited {
  /**
   * Records a fingerprint found by `action`; returns its new id, or a negative number when already
   * visited. The disk store may answer with a provisional id and withdraw the state later (it
   * corrects `action`'s coverage then): see `disk/disk-visited.ts`.
   */
  insert(hi: number, lo: number, parentId: number, choice: number, action: number): number;
  insertRoot(hi: number, lo: number, initIndex: number): number;
  lineage(id: number): Lineage;
  readonly size: number;
  readonly bytes: number;
}

/** One process's visited set: a fingerprint store and parent links by id. */
export class LocalVisited implements Visited {
  readonly links = new ParentLinks();
  constructor(readonly store: FingerprintStore) {}

  insert(hi: number, lo: number, parentId: number, choice: number): number {
    const id = this.store.insert(hi, lo);
    if (id >= 0) this.links.set(id, parentId, choice);
    return id;
  }

  insertRoot(hi: number, lo: number, initIndex: number): number {
    const id = this.store.insert(hi, lo);
    if (id >= 0) this.links.setRoot(id, initIndex);
    return id;
  }

  lineage(id: number): Lineage {
    return this.links.lineage(id);
  }

  get size(): number {
    return this.store.size;
  }

  get bytes(): number {
    return this.store.bytes + this.links.bytes;
  }
}

export function localVisited(options: ResolvedOptions): LocalVisited {
  return new LocalVisited(options.storeKind === 'map' ? new MapStore() : new CompactStore());
}

/**
 * Sees a single-worker breadth-first exploration as it happens, with each state's fingerprint:
 * the liveness graph is recorded so, in the same pass as the safety search. Its ids are the
 * search's (both number distinct fingerprints in discovery order).
 */
export interface ExplorationObserver<S> {
  /** An initial state inside the state constraint; returns its id, negative when seen before. */
  initial(state: S, initIndex: number, hi: number, lo: number): number;
  /** State `id` is expanded (in id order); its steps follow. */
  expanding(id: number, state: S): void;
  /** A step to a state inside both constraints; returns the target's id, negative when seen before. */
  step(next: S, action: number, param: number, hi: number, lo: number): number;
  /** A step the action constraint rejects. */
  rejected(next: S, action: number, param: number, hi: number, lo: number): void;
  /** A successor outside the state constraint. */
  cut(action: number, param: number): void;
  readonly bytes: number;
}

export class Search<S> {
  readonly monitor: PropertyMonitor<S>;
  readonly successors: Successors<S>;
  readonly stats: Statistics;
  /** Set when a bound (depth, states, time, memory) cut exploration short. */
  boundHit: string | undefined;

  private readonly coverage: ActionCoverage[];
  private readonly sink = this.onSuccessor.bind(this);
  private readonly constraint: ((state: S) => boolean) | undefined;
  /** Whether steps are checked with their label: action properties or an action constraint. */
  private readonly checksSteps: boolean;
  /** Whether steps are checked against refinements (which need no label). */
  private readonly checksRefinements: boolean;
  /** The expanded state's parameter domains, by action, read only when a step is checked. */
  private readonly domains: (readonly unknown[] | undefined)[];
  private readonly startedAt = performance.now();
  private readonly memory: MemoryGauge;
  /** Successors' fingerprints reuse the expanded state's (not in strict mode, nor under a view or symmetry). */
  private readonly useBase: boolean;
  private readonly hasher: Hasher;
  /** Successors seen a moment ago, answered without a probe of the visited set. */
  private readonly recent = new RecentlySeen();
  /** Strict mode: each queued state's value fingerprint when it was discovered, to catch later changes. */
  private readonly discoveredPrints: Map<number, bigint> | undefined;
  private initial: readonly S[] = [];
  private current!: S;
  private currentId = 0;
  private currentDepth = 0;
  private choice = 0;
  // The step being discovered, read by the callbacks below (made once, not per successor).
  private stepAction = 0;
  private stepParam = 0;
  private newId = 0;
  private readonly whereStep = () =>
    this.successors.where(this.spec.actions[this.stepAction]!, this.paramValue(this.stepAction, this.stepParam));
  private readonly pathToStep = () => this.pathTo(this.currentId, { action: this.stepAction, param: this.stepParam });
  private readonly pathToNew = () => this.pathTo(this.newId);

  constructor(
    readonly spec: Spec<S>,
    readonly options: ResolvedOptions,
    private readonly frontier: Frontier<S>,
    readonly visited: Visited = localVisited(options),
    private readonly observer?: ExplorationObserver<S>,
  ) {
    this.monitor = new PropertyMonitor(spec, options.properties, options.continueAfterViolation);
    this.successors = new Successors(spec, options.strict);
    this.constraint = spec.constraint;
    this.checksSteps = this.monitor.hasStepProperties || spec.actionConstraint !== undefined;
    this.checksRefinements = this.monitor.hasRefinements;
    this.domains = spec.actions.map(() => undefined);
    this.hasher = this.successors.hasher;
    this.memory = new MemoryGauge(options.memoryBytes);
    this.useBase =
      !options.strict && spec.view === undefined && spec.symmetry === undefined && spec.layout === undefined;
    this.discoveredPrints = options.strict ? new Map() : undefined;
    this.coverage = spec.actions.map((a) => ({ action: a.name, fired: 0, found: 0 }));
    this.stats = {
      engine: options.engine,
      distinctStates: 0,
      generatedStates: 0,
      depth: 0,
      queued: 0,
      coverage: this.coverage,
      elapsedMs: 0,
      collisionProbability: 0,
      storeBytes: 0,
    };
  }

  /** The initial states (computed once; path replay starts from them). */
  initialStates(): readonly S[] {
    if (this.initial.length === 0) this.initial = this.successors.initialStates();
    return this.initial;
  }

  /** Discovers the initial states (depth 1). */
  seed(): void {
    const states = this.initialStates();
    for (let i = 0; i < states.length && !this.monitor.shouldStop; i++) {
      const state = states[i]!;
      this.stats.generatedStates++;
      this.monitor.checkInitial(state, () => ({ init: i, steps: [] }));
      if (this.constraint && !this.constraint(state)) {
        this.monitor.checkState(state, () => ({ init: i, steps: [] }));
        continue;
      }
      this.successors.identify(state, () => ({ init: String(i) }));
      const id = this.visited.insertRoot(this.hasher.hi, this.hasher.lo, i);
      if (this.observer) sameDiscovery(id, this.observer.initial(state, i, this.hasher.hi, this.hasher.lo));
      if (id < 0) continue;
      this.discoveredPrints?.set(id, this.hasher.of(state));
      if (this.stats.depth < 1) this.stats.depth = 1;
      this.monitor.checkState(state, () => this.pathTo(id));
      this.frontier.push(state, id, 1);
    }
  }

  /** Computes the successors of one state and discovers each; checks deadlock. */
  expand(state: S, id: number, depth: number): void {
    this.observer?.expanding(id, state);
    if (depth >= this.options.maxDepth) {
      if (this.successors.forEach(state, noop) > 0) this.boundHit = `depth bound ${this.options.maxDepth} reached`;
      return;
    }
    this.current = state;
    this.currentId = id;
    this.currentDepth = depth;
    this.choice = 0;
    if (this.checksSteps) this.domains.fill(undefined);
    if (this.discoveredPrints) this.requireUnchangedSinceDiscovery(state, id);
    if (this.useBase) this.hasher.setBase(state);
    const count = this.successors.forEach(state, this.sink);
    if (this.useBase) this.hasher.setBase(undefined);
    if (count === 0 && this.options.checkDeadlock && !this.isTerminal(state)) {
      this.monitor.recordDeadlock(this.pathTo(id));
    }
  }

  private onSuccessor(successor: S, action: number, param: number): void {
    const choice = this.choice++;
    if (this.monitor.shouldStop) return;
    const stats = this.stats;
    stats.generatedStates++;
    const coverage = this.coverage[action]!;
    coverage.fired++;
    this.stepAction = action;
    this.stepParam = param;
    const allowed = !this.checksSteps || this.checkStep(successor, action, param);
    if (this.checksRefinements)
      this.monitor.checkRefinements(this.current, successor, this.spec.actions[action]!.name, this.pathToStep);
    // A step outside the action constraint, or a successor outside the state constraint, is
    // generated and checked but neither stored nor explored (TLC).
    if (!allowed || (this.constraint && !this.constraint(successor))) {
      this.monitor.checkState(successor, this.pathToStep);
      if (this.observer) this.observeLeftOut(successor, allowed, action, param);
      return;
    }
    this.successors.identify(successor, this.whereStep);
    const { hi, lo } = this.hasher;
    const id = this.recent.has(hi, lo) ? -1 : this.visited.insert(hi, lo, this.currentId, choice, action);
    this.recent.add(hi, lo);
    if (this.observer) sameDiscovery(id, this.observer.step(successor, action, param, hi, lo));
    if (id < 0) return;
    if (this.useBase) this.hasher.keepCollectionSums();
    this.discoveredPrints?.set(id, this.hasher.of(successor));
    coverage.found++;
    const depth = this.currentDepth + 1;
    if (depth > stats.depth) stats.depth = depth;
    this.newId = id;
    this.monitor.checkState(successor, this.pathToNew);
    this.frontier.push(successor, id, depth);
  }

  /** Tells the observer of a step that is generated but not followed. */
  private observeLeftOut(successor: S, allowed: boolean, action: number, param: number): void {
    if (allowed) return this.observer!.cut(action, param);
    this.successors.identify(successor, this.whereStep);
    this.observer!.rejected(successor, action, param, this.hasher.hi, this.hasher.lo);
  }

  /** Step properties on one step; returns whether the action constraint allows it. */
  private checkStep(successor: S, action: number, param: number): boolean {
    const label = this.label(action, param);
    if (this.monitor.hasStepProperties) this.monitor.checkStep(this.current, successor, label, this.pathToStep);
    return stepAllowed(this.spec, this.current, successor, label);
  }

  /** Strict mode: a queued state must still be the value it was when an action returned it. */
  private requireUnchangedSinceDiscovery(state: S, id: number): void {
    const print = this.discoveredPrints!.get(id);
    this.discoveredPrints!.delete(id);
    if (print === undefined || this.hasher.of(state) === print) return;
    throw new KripkeError(
      'state-mutated',
      'a state changed after an action returned it (the model keeps a reference to a ' +
        'state it returned and modifies it later); return new states and never modify one',
      { model: this.spec.name },
    );
  }

  /** The action path to a visited state (rebuilt by replay), optionally one step further. */
  pathTo(id: number, extra?: PathStep): ActionPath {
    return pathOf(this.successors, this.initialStates(), this.visited.lineage(id), extra);
  }

  private label(action: number, param: number): StepLabel {
    return { action: this.spec.actions[action]!.name, param: this.paramValue(action, param) };
  }

  /** The parameter of a step of the expanded state (domains are kept per expansion only when steps are checked). */
  private paramValue(action: number, param: number): unknown {
    if (!this.checksSteps) return this.spec.actions[action]!.domain(this.current)[param];
    const domain = (this.domains[action] ??= this.spec.actions[action]!.domain(this.current));
    return domain[param];
  }

  private isTerminal(state: S): boolean {
    return this.spec.terminal?.(state) ?? false;
  }

  /** Whether a time, state or memory limit says stop; sets `boundHit`. */
  limitReached(): boolean {
    const { maxStates, timeLimitMs, interrupt } = this.options;
    if (this.visited.size >= maxStates) this.boundHit = `state limit ${maxStates} reached`;
    else if (performance.now() - this.startedAt >= timeLimitMs) this.boundHit = `time limit ${timeLimitMs} ms reached`;
    else
      this.boundHit ??=
        interruptedReason(interrupt) ?? this.memory.exceeded(this.visited.bytes + (this.observer?.bytes ?? 0));
    return this.boundHit !== undefined && !this.boundHit.startsWith('depth');
  }

  elapsedMs(): number {
    return performance.now() - this.startedAt;
  }

  finishStats(): Statistics {
    const n = this.visited.size;
    this.stats.distinctStates = n;
    this.stats.queued = this.frontier.size;
    this.stats.elapsedMs = this.elapsedMs();
    this.stats.collisionProbability = collisionProbability(n, this.stats.generatedStates);
    this.stats.storeBytes = this.visited.bytes;
    return this.stats;
  }
}

/**
 * The probability that some fingerprint collision hid a state: TLC's optimistic estimate
 * (each of the `generated - distinct` repeated look-ups against `distinct` 64-bit fingerprints).
 */
export function collisionProbability(distinct: number, generated: number): number {
  return Math.min(1, (distinct * Math.max(0, generated - distinct)) / 2 ** 64);
}

function noop(): void {}

/** The search and its observer number states alike: both saw a new state, or neither did. */
function sameDiscovery(searchId: number, observerId: number): void {
  if (searchId >= 0 !== observerId >= 0 || (searchId >= 0 && searchId !== observerId)) {
    throw new Error(`internal error: the search numbered a state ${searchId}, the liveness graph ${observerId}`);
  }
}
