/**
 * What a killed install leaves in the package cache: `.<deb>.<pid>.tar` (a package's data
 * unpacked for extraction, 4–120 MB each, see deb.ts) and `.<file>.<pid>.<hex>.part` (a download
 * cut short, see download.ts); in the state directory, `strip-<pid>-<random>` (the unpacked strip
 * tool, see strip.ts). Nothing else would ever remove them.
 *
 * A file is removed when the pid in its name runs no more, or when nobody touched it for an hour
 * (no extraction takes that long, and a download in progress writes all the time): so a file of a
 * live install in this pid namespace is kept. Installs run one at a time per tool cache (the
 * install mutex), which covers the installs of other pid namespaces sharing the cache.
 */
import { lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { liveness } from './process-identity.js';

const LEFTOVER_FILE = /^\..+\.(\d+)(?:\.[0-9a-f]{8}\.part|\.tar)$/;
const LEFTOVER_DIR = /^strip-(\d+)-[A-Za-z0-9]{6}$/;
const UNTOUCHED_MS = 60 * 60 * 1000;

/** Removes the leftovers of dead installs in `dir`; what was removed, and its size. */
export async function removeDeadLeftovers(
  dir: string,
): Promise<{ files: string[]; bytes: number }> {
  const removed: string[] = [];
  let bytes = 0;
  for (const name of await readdir(dir).catch(() => [])) {
    const file = LEFTOVER_FILE.exec(name);
    const pid = Number((file ?? LEFTOVER_DIR.exec(name))?.[1] ?? 0);
    if (pid <= 0 || pid === process.pid) continue;
    const path = join(dir, name);
    const st = await lstat(path).catch(() => null);
    if (st === null || (file === null ? !st.isDirectory() : !st.isFile())) continue;
    const untouched = Date.now() - st.mtimeMs > UNTOUCHED_MS;
    const id = { pid, bootId: null, start: null, pidNs: null };
    if (!untouched && (await liveness(id)) !== 'dead') continue;
    await rm(path, { recursive: true, force: true });
    removed.push(name);
    bytes += st.size;
  }
  return { files: removed.sort(), bytes };
}
