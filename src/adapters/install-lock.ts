/**
 * One install at a time per tool cache: apt refuses concurrent updates of one state directory,
 * and two processes must not extract into the same tool directory.
 *
 * The lock is a directory that appears whole: it is prepared under a private name with its owner
 * file (pid, a random token, and the boot, start time and pid namespace of the process: see
 * process-identity.ts) and renamed into place, which fails while another lock is there. A lock
 * whose owner is gone (or that has no owner file after a few seconds) is removed only by the
 * holder of a second lock, the takeover lock, after reading the same owner again: two processes
 * can never both remove locks, so none removes a lock another one just took.
 *
 * Gone means: from another boot, or a pid that is not running or started at another time. An
 * owner in another pid namespace (containers sharing one tool cache) cannot be looked up: the
 * holder touches its owner file every few seconds, and such a lock is stale once that stops.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { identityFields, liveness, ownIdentity, parseIdentity } from './process-identity.js';

const POLL_MS = 250;
const TIMEOUT_MS = 20 * 60 * 1000;
/** A lock without an owner file this old was left by a process that died while making it. */
const OWNERLESS_STALE_MS = 5000;
/** A takeover lock is held for a few file operations; older than this, its holder died. */
const TAKEOVER_STALE_MS = 30_000;
/** How often a holder touches its owner file, and when an owner we cannot look up is gone. */
const HEARTBEAT_MS = 5000;
const UNSEEN_STALE_MS = 60_000;

export interface LockTiming {
  pollMs?: number;
  timeoutMs?: number;
  heartbeatMs?: number;
  /** An owner in another pid namespace whose owner file is untouched this long is gone. */
  unseenStaleMs?: number;
}

const code = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

async function ageMs(path: string): Promise<number | null> {
  const info = await stat(path).catch(() => null);
  return info === null ? null : Date.now() - info.mtimeMs;
}

const readOwner = (lockDir: string): Promise<string> =>
  readFile(join(lockDir, 'owner'), 'utf8').catch(() => '');

/** Makes the lock directory appear whole; false when another lock is there. */
async function tryTake(lockDir: string, owner: string): Promise<boolean> {
  const staging = `${lockDir}.new-${owner.split(' ').slice(0, 2).join('-')}`;
  await mkdir(staging, { recursive: true });
  await writeFile(join(staging, 'owner'), owner);
  try {
    await rename(staging, lockDir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (code(error) === 'ENOTEMPTY' || code(error) === 'EEXIST') return false;
    throw error;
  }
  // rename() replaces an empty directory (a lock from a process that died before writing its
  // owner): the owner read back says whether the lock is really ours.
  return (await readOwner(lockDir)) === owner;
}

/** The owner's pid, and whether it is gone; `holder` names it for a message. */
async function judge(
  lockDir: string,
  owner: string,
  timing: LockTiming,
): Promise<{ stale: boolean; holder: string }> {
  const [first = '', , ...fields] = owner.trim().split(' ');
  const pid = Number.parseInt(first, 10);
  if (!Number.isInteger(pid) || pid <= 0) {
    const age = await ageMs(lockDir);
    return { stale: age !== null && age > OWNERLESS_STALE_MS, holder: '?' };
  }
  const state = await liveness(parseIdentity(pid, fields));
  if (state !== 'unknown') return { stale: state === 'dead', holder: String(pid) };
  const age = await ageMs(join(lockDir, 'owner'));
  return {
    stale: age !== null && age > (timing.unseenStaleMs ?? UNSEEN_STALE_MS),
    holder: `${String(pid)} in another pid namespace`,
  };
}

/** Removes the lock if it still has the stale owner `seen`, holding the takeover lock. */
async function takeOver(lockDir: string, seen: string, token: string): Promise<void> {
  const takeover = `${lockDir}.takeover`;
  try {
    await mkdir(takeover);
  } catch (error) {
    if (code(error) !== 'EEXIST') throw error;
    const age = await ageMs(takeover);
    if (age !== null && age > TAKEOVER_STALE_MS) {
      const grave = `${takeover}.stale-${token}`;
      await rename(takeover, grave).catch(() => undefined);
      await rm(grave, { recursive: true, force: true });
    }
    return;
  }
  try {
    if ((await readOwner(lockDir)) === seen) {
      const grave = `${lockDir}.stale-${token}`;
      await rename(lockDir, grave);
      await rm(grave, { recursive: true, force: true });
    }
  } finally {
    await rm(takeover, { recursive: true, force: true });
  }
}

export async function withInstallLock<T>(
  lockDir: string,
  onWait: (owner: string) => void,
  fn: () => Promise<T>,
  timing: LockTiming = {},
): Promise<T> {
  const started = Date.now();
  const token = randomBytes(8).toString('hex');
  const owner = `${process.pid} ${token} ${identityFields(await ownIdentity())}`.trim();
  let told = false;
  for (;;) {
    if (await tryTake(lockDir, owner)) break;
    const seen = await readOwner(lockDir);
    const { stale, holder } = await judge(lockDir, seen, timing);
    if (stale) {
      await takeOver(lockDir, seen, token);
      continue;
    }
    if (Date.now() - started > (timing.timeoutMs ?? TIMEOUT_MS))
      throw new Error(`gave up waiting for ${lockDir} (held by pid ${holder})`);
    if (!told) onWait(holder);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, timing.pollMs ?? POLL_MS));
  }
  // For waiters that cannot look this process up (another pid namespace): it is still here.
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(join(lockDir, 'owner'), now, now).catch(() => undefined);
  }, timing.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();
  try {
    return await fn();
  } finally {
    clearInterval(heartbeat);
    // Only our own lock: a lock taken over from us (we were thought dead) is not ours to remove.
    if ((await readOwner(lockDir)) === owner) {
      const grave = `${lockDir}.done-${token}`;
      await rename(lockDir, grave).catch(() => undefined);
      await rm(grave, { recursive: true, force: true });
    }
  }
}
