/**
 * The on-disk half of the disk store: one file of distinct 64-bit fingerprints in ascending
 * order (TLC's DiskFPSet keeps the same), with the first fingerprint of every page kept in
 * memory. Looking up a sorted batch reads only the pages that can hold one of its fingerprints,
 * in long sequential reads; adding a sorted batch merges it with the file into a new file.
 *
 * Fingerprints are unsigned 64-bit values held as pairs of 32-bit words, low word first (the
 * layout of a little-endian `BigUint64Array`, which sorts them natively).
 */
import { closeSync, openSync, readSync, renameSync, writeSync } from 'node:fs';

/** Fingerprints per page: 4 KiB pages. */
export const PAGE = 512;
/** Pages read or written at once. */
const IO_PAGES = 256;
/** A read goes on past this many pages without a candidate only if it must. */
const GAP_PAGES = 16;

/** `a < b` for fingerprints (hi, lo) as unsigned 32-bit halves. */
export function before(aHi: number, aLo: number, bHi: number, bLo: number): boolean {
  return aHi !== bHi ? aHi < bHi : aLo < bLo;
}

export class FingerprintFile {
  private constructor(
    readonly path: string,
    readonly count: number,
    /** The first fingerprint of each page, as (lo, hi) pairs. */
    private readonly firsts: Uint32Array,
  ) {}

  static empty(path: string): FingerprintFile {
    closeSync(openSync(path, 'w'));
    return new FingerprintFile(path, 0, new Uint32Array(0));
  }

  /** Re-opens a file written earlier (a checkpoint), rebuilding the page index by one read. */
  static open(path: string, count: number): FingerprintFile {
    const firsts = new Uint32Array(Math.ceil(count / PAGE) * 2);
    const fd = openSync(path, 'r');
    try {
      const chunk = new Uint32Array(PAGE * IO_PAGES * 2);
      for (let start = 0; start < count; start += PAGE * IO_PAGES) {
        const n = Math.min(PAGE * IO_PAGES, count - start);
        readFully(fd, chunk, n, start);
        for (let i = 0; i < n; i += PAGE) firsts.set(chunk.subarray(i * 2, i * 2 + 2), ((start + i) / PAGE) * 2);
      }
    } finally {
      closeSync(fd);
    }
    return new FingerprintFile(path, count, firsts);
  }

  get bytes(): number {
    return this.count * 8;
  }

  get indexBytes(): number {
    return this.firsts.byteLength;
  }

  /**
   * For each of the first `n` fingerprints of `sorted` (ascending pairs), sets `found[i]` to 1 when
   * the file holds it. Pages that cannot hold any of them are not read.
   */
  findSorted(sorted: Uint32Array, n: number, found: Uint8Array): void {
    found.fill(0, 0, n);
    if (this.count === 0 || n === 0) return;
    const fd = openSync(this.path, 'r');
    try {
      const buffer = new Uint32Array(PAGE * IO_PAGES * 2);
      let i = 0;
      while (i < n) {
        const page = this.pageOf(sorted[i * 2 + 1]!, sorted[i * 2]!);
        if (page < 0) {
          i++;
          continue;
        }
        const pages = this.pagesNeeded(sorted, i, n, page);
        const first = page * PAGE;
        const length = Math.min(pages * PAGE, this.count - first);
        readFully(fd, buffer, length, first);
        i = markFound(sorted, i, n, buffer, length, found, this.pageAfter(page + pages));
      }
    } finally {
      closeSync(fd);
    }
  }

  /** The first fingerprint (hi, lo) of page `page`, or undefined past the last page. */
  private pageAfter(page: number): readonly [number, number] | undefined {
    return page < this.firsts.length / 2 ? [this.firsts[page * 2 + 1]!, this.firsts[page * 2]!] : undefined;
  }

  /** The last page whose first fingerprint is ≤ (hi, lo), or -1 when it is below every page. */
  private pageOf(hi: number, lo: number): number {
    const { firsts } = this;
    let low = 0,
      high = firsts.length / 2 - 1,
      found = -1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if (before(hi, lo, firsts[mid * 2 + 1]!, firsts[mid * 2]!)) high = mid - 1;
      else {
        found = mid;
        low = mid + 1;
      }
    }
    return found;
  }

  /**
   * How many consecutive pages from `page` to read in one go: up to the page of the last
   * candidate within reach, unless a long stretch of pages holds no candidate.
   */
  private pagesNeeded(sorted: Uint32Array, from: number, n: number, page: number): number {
    const limit = Math.min(page + IO_PAGES, this.firsts.length / 2) - 1;
    let last = page;
    for (let j = from + 1; j < n && last < limit; j++) {
      const p = this.pageOf(sorted[j * 2 + 1]!, sorted[j * 2]!);
      if (p > limit || p - last > GAP_PAGES) break;
      last = p;
    }
    return last - page + 1;
  }

  /**
   * A new file holding this file's fingerprints and those of `runs` (each run ascending, and every
   * run above the one before it, so together they are one ascending sequence; any already in the
   * file are kept once), written next to this one under `path`. The runs are read one at a time:
   * a caller may hand out one buffer refilled for each.
   */
  merge(runs: Iterable<Uint32Array>, path: string, added: number): FingerprintFile {
    const temp = `${path}.partial`;
    const out = new MergeWriter(temp, Math.ceil((this.count + added) / PAGE));
    const fd = this.count > 0 ? openSync(this.path, 'r') : -1;
    try {
      const chunk = new Uint32Array(PAGE * IO_PAGES * 2);
      let read = 0,
        have = 0,
        at = 0;
      const refill = () => {
        have = Math.min(PAGE * IO_PAGES, this.count - read);
        readFully(fd, chunk, have, read);
        read += have;
        at = 0;
      };
      for (const run of runs) {
        const n = run.length / 2;
        let j = 0;
        while (j < n) {
          if (at === have && read < this.count) refill();
          const hi = run[j * 2 + 1]!,
            lo = run[j * 2]!;
          if (at < have && !before(hi, lo, chunk[at * 2 + 1]!, chunk[at * 2]!)) {
            if (hi === chunk[at * 2 + 1] && lo === chunk[at * 2]) j++;
            out.add(chunk[at * 2 + 1]!, chunk[at * 2]!);
            at++;
          } else {
            out.add(hi, lo);
            j++;
          }
        }
      }
      for (;;) {
        if (at === have && read < this.count) refill();
        if (at === have) break;
        out.add(chunk[at * 2 + 1]!, chunk[at * 2]!);
        at++;
      }
    } finally {
      if (fd >= 0) closeSync(fd);
    }
    const { count, firsts } = out.close();
    renameSync(temp, path);
    return new FingerprintFile(path, count, firsts);
  }
}

/**
 * Advances through the candidates that belong to the pages read — those below `end`, the first
 * fingerprint of the next page (undefined: the file ends there) — marking those present.
 */
function markFound(
  sorted: Uint32Array,
  from: number,
  n: number,
  page: Uint32Array,
  length: number,
  found: Uint8Array,
  end: readonly [number, number] | undefined,
): number {
  let i = from,
    at = 0;
  while (i < n) {
    const hi = sorted[i * 2 + 1]!,
      lo = sorted[i * 2]!;
    if (end && !before(hi, lo, end[0], end[1])) break; // it belongs to a later page
    while (at < length && before(page[at * 2 + 1]!, page[at * 2]!, hi, lo)) at++;
    if (at < length && page[at * 2 + 1] === hi && page[at * 2] === lo) found[i] = 1;
    i++;
  }
  return i;
}

/** Writes ascending distinct fingerprints in large blocks, keeping each page's first one. */
class MergeWriter {
  private readonly fd: number;
  private readonly block = new Uint32Array(PAGE * IO_PAGES * 2);
  private inBlock = 0;
  count = 0;
  private lastHi = -1;
  private lastLo = -1;
  private readonly firsts: Uint32Array;

  constructor(path: string, maxPages: number) {
    this.fd = openSync(path, 'w');
    this.firsts = new Uint32Array(maxPages * 2);
  }

  add(hi: number, lo: number): void {
    if (hi === this.lastHi && lo === this.lastLo) return;
    this.lastHi = hi;
    this.lastLo = lo;
    if (this.count % PAGE === 0) {
      this.firsts[(this.count / PAGE) * 2] = lo;
      this.firsts[(this.count / PAGE) * 2 + 1] = hi;
    }
    this.block[this.inBlock * 2] = lo;
    this.block[this.inBlock * 2 + 1] = hi;
    this.count++;
    if (++this.inBlock === PAGE * IO_PAGES) this.flush();
  }

  close(): { count: number; firsts: Uint32Array } {
    this.flush();
    closeSync(this.fd);
    return { count: this.count, firsts: this.firsts.slice(0, Math.ceil(this.count / PAGE) * 2) };
  }

  private flush(): void {
    writeFingerprints(this.fd, this.block, this.inBlock);
    this.inBlock = 0;
  }
}

/** Reads `count` fingerprints starting at fingerprint `from` into `into`. */
function readFully(fd: number, into: Uint32Array, count: number, from: number): void {
  const bytes = new Uint8Array(into.buffer, into.byteOffset, count * 8);
  let done = 0;
  while (done < bytes.length) {
    const n = readSync(fd, bytes, done, bytes.length - done, from * 8 + done);
    if (n === 0) throw new Error(`internal: fingerprint file ended early (${from * 8 + done} bytes)`);
    done += n;
  }
}

/** Writes the first `count` fingerprints of `from` ((lo, hi) pairs) at the file's position. */
export function writeFingerprints(fd: number, from: Uint32Array, count: number): void {
  const bytes = new Uint8Array(from.buffer, from.byteOffset, count * 8);
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}
