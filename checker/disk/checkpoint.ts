/**
 * Checkpoints of the disk store's BFS, taken between levels (when no fingerprint is undecided):
 * the sorted fingerprint file, the recent table, the parent links and the level about to be
 * expanded (hard links where the file system allows: those files are never changed in place), and
 * `meta.json` with the statistics, the properties' state and the check's identity. A checkpoint
 * is written into a folder of its own, renamed into place, and named in `current.json` by an
 * atomic rename, so a process killed at any moment leaves the previous checkpoint intact.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  closeSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { KripkeError } from '../../spec/errors.ts';
import type { Spec } from '../../spec/types.ts';
import type { MonitorSnapshot } from '../monitor.ts';
import type { Observer } from '../observer.ts';
import type { CheckpointOptions, ResolvedOptions } from '../options.ts';
import { specDigest } from '../parallel/spec-digest.ts';
import type { Search } from '../search.ts';
import type { DiskVisited, VisitedSnapshot } from './disk-visited.ts';
import { LevelFile, type StoredBlock } from './level-file.ts';
import type { Levels } from './levels.ts';
import type { StateCodec } from './state-codec.ts';
import { linkOrCopy } from './work-dir.ts';

const KIND = 'kripke-checkpoint';
const VERSION = 1;
const CURRENT = 'current.json';

interface Meta {
  readonly kind: typeof KIND;
  readonly version: typeof VERSION;
  readonly identity: Readonly<Record<string, string>>;
  readonly depth: number;
  readonly elapsedMs: number;
  readonly stats: {
    readonly generatedStates: number;
    readonly depth: number;
    readonly coverage: readonly { fired: number; found: number }[];
  };
  readonly monitor: MonitorSnapshot;
  readonly visited: VisitedSnapshot;
  readonly level: {
    readonly firstId: number;
    readonly pushes: number;
    readonly count: number;
    readonly blocks: readonly StoredBlock[];
  };
}

export class Checkpoints<S> {
  /** Time spent by the runs before this one (resumed), in milliseconds. */
  priorMs = 0;
  private savedAt = performance.now();
  private readonly identity: Record<string, string>;
  private readonly observer: Observer;

  constructor(
    spec: Spec<S>,
    options: ResolvedOptions,
    private readonly settings: Required<CheckpointOptions>,
    private readonly search: Search<S>,
    private readonly visited: DiskVisited,
    private readonly levels: Levels<S>,
    private readonly codec: StateCodec<S>,
  ) {
    this.identity = identityOf(spec, options, search, settings.identity);
    this.observer = options.observer;
  }

  /** Saves the search before expanding level `depth` when the interval has passed since the last save. */
  maybeSave(depth: number): void {
    if (performance.now() - this.savedAt < this.settings.intervalMs) return;
    this.save(depth);
    this.savedAt = performance.now();
  }

  save(depth: number): void {
    const { dir } = this.settings;
    mkdirSync(dir, { recursive: true });
    const name = `checkpoint-${Date.now().toString(36)}-${depth}`;
    const partial = join(dir, `${name}.partial`);
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial);
    const level = this.levels.current;
    const blocks = level.file.stored();
    if (blocks.length > 0) linkOrCopy(level.file.path, join(partial, 'level.bin'));
    writeFileSync(join(partial, 'news.bin'), level.news.subarray(0, Math.ceil(level.pushes / 8)));
    const { stats } = this.search;
    const meta: Meta = {
      kind: KIND,
      version: VERSION,
      identity: this.identity,
      depth,
      elapsedMs: this.priorMs + this.search.elapsedMs(),
      stats: {
        generatedStates: stats.generatedStates,
        depth: stats.depth,
        coverage: stats.coverage.map(({ fired, found }) => ({ fired, found })),
      },
      monitor: this.search.monitor.snapshot(),
      visited: this.visited.save(partial),
      level: { firstId: level.firstId, pushes: level.pushes, count: level.count, blocks },
    };
    writeDurably(join(partial, 'meta.json'), JSON.stringify(meta));
    renameSync(partial, join(dir, name));
    writeDurably(join(dir, `${CURRENT}.partial`), JSON.stringify({ checkpoint: name }));
    renameSync(join(dir, `${CURRENT}.partial`), join(dir, CURRENT));
    for (const old of readdirSync(dir))
      if (old.startsWith('checkpoint-') && old !== name) rmSync(join(dir, old), { recursive: true, force: true });
    this.observer.checkpointSaved?.({ dir, depth, distinctStates: this.visited.confirmed });
  }

  /** Resumes from the checkpoint in `dir`; returns the depth of the level to expand next. */
  restore(dir: string): number {
    const meta = readMeta(dir);
    requireSameCheck(dir, meta.identity, this.identity);
    const from = join(dir, readCurrent(dir));
    this.visited.restore(from, meta.visited);
    const path = this.levels.freshPath();
    if (meta.level.blocks.length > 0) linkOrCopy(join(from, 'level.bin'), path);
    const level = {
      file: LevelFile.restore(this.codec, path, meta.level.blocks),
      news: new Uint8Array(Math.max(1024, Math.ceil(meta.level.pushes / 8))),
      pushes: meta.level.pushes,
      count: meta.level.count,
      firstId: meta.level.firstId,
    };
    level.news.set(readFileSync(join(from, 'news.bin')));
    this.levels.begin(level);
    this.levels.next = this.levels.newLevel(meta.visited.confirmed);
    const { stats } = this.search;
    stats.generatedStates = meta.stats.generatedStates;
    stats.depth = meta.stats.depth;
    meta.stats.coverage.forEach((c, i) => Object.assign(stats.coverage[i]!, c));
    this.search.monitor.restore(meta.monitor);
    this.priorMs = meta.elapsedMs;
    return meta.depth;
  }

  /** The run finished: its checkpoints are of no further use. */
  discard(): void {
    const { dir } = this.settings;
    if (!existsSync(dir)) return;
    rmSync(join(dir, CURRENT), { force: true });
    for (const old of readdirSync(dir))
      if (old.startsWith('checkpoint-')) rmSync(join(dir, old), { recursive: true, force: true });
  }
}

/** Everything a resumed run must share with the saved one. */
function identityOf<S>(
  spec: Spec<S>,
  options: ResolvedOptions,
  search: Search<S>,
  extra: Readonly<Record<string, string>>,
): Record<string, string> {
  const digest = createHash('sha256')
    .update(JSON.stringify(specDigest(search.successors)))
    .digest('hex')
    .slice(0, 32);
  const checked = {
    properties: [...options.properties].sort(),
    maxDepth: options.maxDepth,
    deadlock: options.checkDeadlock,
    continue: options.continueAfterViolation,
  };
  return {
    kripke: kripkeVersion(),
    ...extra,
    spec: spec.name,
    'spec digest': digest,
    options: JSON.stringify(checked),
  };
}

function requireSameCheck(
  dir: string,
  saved: Readonly<Record<string, string>>,
  current: Readonly<Record<string, string>>,
): void {
  for (const field of new Set([...Object.keys(current), ...Object.keys(saved)])) {
    if (saved[field] === current[field]) continue;
    throw new KripkeError(
      'invalid-config',
      `cannot resume from ${dir}: it is a checkpoint of another check ` +
        `(${field}: ${saved[field] ?? 'none'} in the checkpoint, ${current[field] ?? 'none'} now); ` +
        'resume with the same model, settings, variant and options, or start afresh without --resume',
      { checkpoint: dir, field },
    );
  }
}

function readCurrent(dir: string): string {
  const file = join(dir, CURRENT);
  if (!existsSync(file))
    throw new KripkeError('invalid-config', `cannot resume from ${dir}: it holds no checkpoint (no ${CURRENT})`, {
      checkpoint: dir,
    });
  return (JSON.parse(readFileSync(file, 'utf8')) as { checkpoint: string }).checkpoint;
}

function readMeta(dir: string): Meta {
  const meta = JSON.parse(readFileSync(join(dir, readCurrent(dir), 'meta.json'), 'utf8')) as Partial<Meta>;
  if (meta.kind !== KIND || meta.version !== VERSION) {
    throw new KripkeError(
      'invalid-config',
      `cannot resume from ${dir}: not a checkpoint of this Kripke (version ${VERSION})`,
      { checkpoint: dir },
    );
  }
  return meta as Meta;
}

function writeDurably(path: string, text: string): void {
  writeFileSync(path, text);
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function kripkeVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
}
