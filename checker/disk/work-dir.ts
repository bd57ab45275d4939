/**
 * The disk store's folder of temporary files: a fresh folder under the one named (default: the
 * system's temporary folder), removed when the check ends. The check runs synchronously, so a
 * signal handler could not run before it ends; instead a small janitor process removes the folder
 * once this process is gone — after Ctrl-C or a kill as after a normal end.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const JANITOR = `
const [pid, dir] = process.argv.slice(1);
const { existsSync, rmSync } = require('node:fs');
const alive = () => { try { process.kill(Number(pid), 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const timer = setInterval(() => {
  if (!existsSync(dir)) return clearInterval(timer);
  if (!alive()) { rmSync(dir, { recursive: true, force: true }); clearInterval(timer); }
}, 500);
`;

export class WorkDir {
  private constructor(readonly path: string) {}

  /** A new folder `kripke-store-…` inside `parent` (created if missing). */
  static create(parent: string | undefined): WorkDir {
    const base = parent ?? tmpdir();
    mkdirSync(base, { recursive: true });
    const path = mkdtempSync(join(base, 'kripke-store-'));
    const janitor = spawn(process.execPath, ['-e', JANITOR, String(process.pid), path], {
      detached: true,
      stdio: 'ignore',
    });
    janitor.unref();
    return new WorkDir(path);
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

/** A second name for a file that is never changed in place (or only appended to): a hard link, or a copy across file systems. */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
