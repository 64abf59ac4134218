/** What an install is given, the error it fails with, and the lockfile as it reads it. */
import { readLockfileText } from '../adapters/lockfile-file.js';
import type { HostClang } from '../domain/toolchain/clang.js';
import { emptyLock, parseLockfile, type Lockfile } from '../domain/toolchain/lockfile.js';
import type { Mirror } from '../domain/toolchain/mirrors.js';
import type { ToolchainPlan } from '../domain/toolchain/toolchain-plan.js';

export class InstallError extends Error {}

export interface InstallOptions {
  plan: ToolchainPlan;
  /** Lockfile path; read when present, written when absent or missing this toolchain. */
  lockPath: string;
  /** Fail instead of resolving when the lock has no entry for this toolchain. */
  frozen: boolean;
  /** Package mirrors in the order to try them; only asked when something must be downloaded. */
  mirrors: () => Promise<Mirror[]>;
  toolCacheRoot: string;
  stateRoot: string;
  /** The host clang and lld the wrappers run (compiler clang); null for gcc. */
  clang: HostClang | null;
  /** Host architecture as @actions/tool-cache names it (x64, arm64). */
  cacheArch: string;
  log: (line: string) => void;
}

export async function readLock(path: string): Promise<Lockfile> {
  const text = await readLockfileText(path);
  if (text === null) return emptyLock();
  const lock = parseLockfile(text, path);
  if ('error' in lock) throw new InstallError(lock.error);
  return lock;
}
