/**
 * One install at a time per tool cache: apt refuses concurrent updates of one state directory,
 * and two processes must not extract into the same tool directory. A directory made with mkdir
 * (atomic) holds the owner's pid; a lock whose owner is gone is taken over.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const POLL_MS = 250;
const TIMEOUT_MS = 20 * 60 * 1000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function withInstallLock<T>(
  lockDir: string,
  onWait: (owner: string) => void,
  fn: () => Promise<T>,
): Promise<T> {
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      await mkdir(lockDir, { recursive: false });
      await writeFile(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        await mkdir(join(lockDir, '..'), { recursive: true });
        continue;
      }
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = await readFile(join(lockDir, 'pid'), 'utf8').catch(() => '');
      const pid = Number.parseInt(owner, 10);
      if (Number.isInteger(pid) && pid > 0 && !alive(pid)) {
        await rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > TIMEOUT_MS)
        throw new Error(`gave up waiting for ${lockDir} (held by pid ${owner || '?'})`);
      if (!told) onWait(owner || '?');
      told = true;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}
