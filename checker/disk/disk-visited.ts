/**
 * The visited set of the disk store (TLC's DiskFPSet, batched as breadth-first search allows):
 * recent fingerprints in a table in memory, the rest in one sorted file, parent links in a file.
 *
 * Until the table outgrows its budget, every answer is final and nothing touches the disk. Then
 * the table is flushed — sorted and merged into the file — and from then on a fingerprint the
 * table has not seen may still be in the file: it is *pending*. `insert` gives it a provisional
 * id (≥ PROVISIONAL) and the search treats it as new; pending fingerprints are looked up in the
 * file in one sorted batch (`resolve`) when the batch fills, before each flush and at the end of
 * each level. Those found there were seen before: `resolution.seen` withdraws them (their
 * coverage, their place in the next level). The others become states with dense ids, in the
 * order they were found, so ids, parent links, counts and traces equal the in-memory store's.
 *
 * Treating a seen state as new for a moment is harmless: its invariants held when it was first
 * found (or a violation then stopped the search, or removed the property from checking), so
 * checking it again reports nothing new.
 */
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Lineage } from '../parents.ts';
import type { Visited } from '../search.ts';
import { FingerprintFile, writeFingerprints } from './fingerprint-file.ts';
import { ParentFile } from './parent-file.ts';
import { CompactStore } from '../store.ts';
import { PendingBatch } from './pending-batch.ts';
import { linkOrCopy } from './work-dir.ts';

/** Provisional ids of pending states start here (far above any real id). */
export const PROVISIONAL = 2 ** 40;

export interface DiskBudget {
  /** Fingerprints the table of recent ones holds before a flush (about 10 bytes each). */
  readonly tableEntries: number;
  /** Pending fingerprints looked up in one batch. */
  readonly pendingEntries: number;
  /** Bytes of JavaScript heap beyond which the queue goes to disk (its states are objects there). */
  readonly queueHeapBytes: number;
}

/** What a checkpoint records of the store besides its files. */
export interface VisitedSnapshot {
  readonly confirmed: number;
  readonly fileCount: number;
  readonly flushes: number;
  readonly spilledAt: number | null;
  readonly bigChoices: readonly (readonly [number, number])[];
}

/** Where resolved pending states go: the next level and the coverage counts. */
export interface Resolution {
  /** The pending state pushed `push`-th into the next level is new (it now has the next id). */
  confirmed(push: number): void;
  /** The pending state pushed `push`-th was seen before; `action` found it. */
  seen(push: number, action: number): void;
  /** The store flushed to disk for the first time: the queue goes to disk from now on. */
  spilled(): void;
}

export class DiskVisited implements Visited {
  readonly parents = new ParentFile();
  /** Fingerprints added since the last flush (the in-memory store itself, until the first one). */
  private readonly recent = new CompactStore();
  /** Made when the store first flushes: before that, every answer is final. */
  private pending: PendingBatch | undefined;
  private file: FingerprintFile;
  private confirmedCount = 0;
  private generation = 0;
  /** Flushes of the table to the file (0: everything is still in memory). */
  flushes = 0;
  /** Distinct states when the store first flushed to disk. */
  spilledAt: number | undefined;
  private resolution: Resolution | undefined;

  constructor(
    readonly dir: string,
    private readonly budget: DiskBudget,
  ) {
    this.file = FingerprintFile.empty(this.nextFilePath());
  }

  /** Connects the next level and coverage (made after the search that owns them). */
  attach(resolution: Resolution): void {
    this.resolution = resolution;
  }

  insert(hi: number, lo: number, parentId: number, choice: number, action: number): number {
    if (this.recent.size >= this.budget.tableEntries) this.flush();
    if (hi === 0 && lo === 0) lo = 1; // as the table stores it
    if (this.recent.insert(hi, lo) < 0) return -1;
    const pending = this.pending;
    if (pending === undefined) {
      const id = this.confirmedCount++;
      this.parents.set(id, parentId, choice);
      return id;
    }
    if (pending.isFull) this.resolve();
    return PROVISIONAL + pending.add(hi, lo, parentId, choice, action);
  }

  insertRoot(hi: number, lo: number, initIndex: number): number {
    return this.insert(hi, lo, -1 - initIndex, 0, 0);
  }

  /** The frontier pushed pending state `id` as its `push`-th state of the next level. */
  pushedPending(id: number, push: number): void {
    this.pending!.setPush(id - PROVISIONAL, push);
  }

  lineage(id: number): Lineage {
    if (id < PROVISIONAL) return this.parents.lineage(id);
    const { parent, choice } = this.pending!.link(id - PROVISIONAL);
    if (parent < 0) return { init: -1 - parent, choices: [] };
    const above = this.parents.lineage(parent);
    return { init: above.init, choices: [...above.choices, choice] };
  }

  /** Looks up every pending fingerprint in the file: each becomes a state, or is withdrawn. */
  resolve(): void {
    const resolution = this.resolution!;
    const pending = this.pending;
    pending?.resolve(this.file, (k, onDisk) => {
      const { parent, choice } = pending.link(k);
      const push = pending.push(k);
      if (onDisk) {
        resolution.seen(push, pending.action(k));
        return;
      }
      this.parents.set(this.confirmedCount++, parent, choice);
      resolution.confirmed(push);
    });
  }

  /** Sorts the recent fingerprints into the file and empties the table (after resolving). */
  flush(): void {
    this.resolve();
    const previous = this.file;
    this.file = previous.merge(this.recent.sortedRuns(), this.nextFilePath(), this.recent.size);
    rmSync(previous.path, { force: true });
    this.recent.clear();
    if (this.flushes++ === 0) {
      this.spilledAt = this.confirmedCount;
      this.pending = new PendingBatch(this.budget.pendingEntries);
      this.parents.spill(join(this.dir, 'parents.bin'));
      this.resolution!.spilled();
    }
  }

  /** Whether the store has gone to disk (then the queue goes there too). */
  get spilled(): boolean {
    return this.flushes > 0;
  }

  get size(): number {
    return this.confirmedCount + (this.pending?.size ?? 0);
  }

  /** Distinct states for certain (pending ones excluded). */
  get confirmed(): number {
    return this.confirmedCount;
  }

  /** Bytes of memory: the table, the pending batch, parent links not yet on disk, the file's page index. */
  get bytes(): number {
    return this.recent.bytes + (this.pending?.bytes ?? 0) + this.parents.bytes + this.file.indexBytes;
  }

  get diskBytes(): number {
    return this.file.bytes + this.parents.diskBytes;
  }

  /** Saves the store into folder `to` (between levels: nothing is pending). */
  save(to: string): VisitedSnapshot {
    if (this.pending && this.pending.size > 0) throw new Error('internal: a checkpoint with undecided fingerprints');
    if (!this.parents.spilled) this.parents.spill(join(this.dir, 'parents.bin'));
    this.parents.sync();
    linkOrCopy(join(this.dir, 'parents.bin'), join(to, 'parents.bin'));
    linkOrCopy(this.file.path, join(to, 'fingerprints.bin'));
    const fd = openSync(join(to, 'recent.bin'), 'w');
    try {
      for (const run of this.recent.sortedRuns()) writeFingerprints(fd, run, run.length / 2);
    } finally {
      closeSync(fd);
    }
    return {
      confirmed: this.confirmedCount,
      fileCount: this.file.count,
      flushes: this.flushes,
      spilledAt: this.spilledAt ?? null,
      bigChoices: this.parents.bigChoiceEntries(),
    };
  }

  /** Resumes from folder `from`, saved by `save` with this snapshot. */
  restore(from: string, snapshot: VisitedSnapshot): void {
    const path = this.nextFilePath();
    linkOrCopy(join(from, 'fingerprints.bin'), path);
    rmSync(this.file.path, { force: true });
    this.file = FingerprintFile.open(path, snapshot.fileCount);
    const recent = new Uint32Array(new Uint8Array(readFileSync(join(from, 'recent.bin'))).buffer);
    for (let i = 0; i < recent.length; i += 2) this.recent.insert(recent[i + 1]! | 0, recent[i]! | 0);
    linkOrCopy(join(from, 'parents.bin'), join(this.dir, 'parents.bin'));
    this.parents.restore(join(this.dir, 'parents.bin'), snapshot.confirmed, snapshot.bigChoices);
    this.confirmedCount = snapshot.confirmed;
    this.flushes = snapshot.flushes;
    this.spilledAt = snapshot.spilledAt ?? undefined;
    if (this.flushes > 0) this.pending = new PendingBatch(this.budget.pendingEntries);
  }

  close(): void {
    this.parents.close();
  }

  private nextFilePath(): string {
    return join(this.dir, `fingerprints-${this.generation++}.bin`);
  }
}
