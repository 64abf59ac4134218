/** Running the user's build command, and finding the files it created or changed. */
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { execLoud, type LoudOptions, type LoudResult } from './exec.js';

const SKIP_DIRS = new Set(['.git', 'node_modules']);

/** path → size, mtime and inode of every regular file under `dir`. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (at: string): Promise<void> => {
    const entries = await readdir(at, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(at, entry.name);
      if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) await walk(path);
      else if (entry.isFile()) {
        const s = await lstat(path).catch(() => null);
        if (s !== null) out.set(path, `${s.size}:${s.mtimeMs}:${s.ino}`);
      }
    }
  };
  await walk(dir);
  return out;
}

export function changedFiles(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
): string[] {
  return [...after]
    .filter(([path, stamp]) => before.get(path) !== stamp)
    .map(([path]) => path)
    .sort();
}

/**
 * Runs `command` with bash (-e -o pipefail); its output goes to this step's log as it comes (and
 * line by line to `onLine`), the last 64 KiB are kept to explain a failure, and processes left
 * holding the output open are named, not waited for.
 */
export function runBash(
  command: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  options: LoudOptions = {},
): Promise<LoudResult> {
  return execLoud(command, cwd, env, options);
}
