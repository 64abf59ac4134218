/** What an install is given, the error it fails with, and the lockfile as it reads it. */
import { readLockfileText } from '../adapters/lockfile-file.js';
import type { ToolCache } from '../adapters/tool-cache.js';
import type { HostFacts } from '../domain/runner/runner.js';
import type { InstallId } from '../domain/toolchain/install-id.js';
import { emptyLock, parseLockfile, type Lockfile } from '../domain/toolchain/lockfile.js';
import type { LockedToolchain } from '../domain/toolchain/lockfile.js';
import { splitCombined } from '../domain/toolchain/layers.js';
import type { Report } from './report.js';

export class InstallError extends Error {}

/** The mirrors the user named (tried first), and whether the host's own archive follows them. */
export interface MirrorChoice {
  extra: readonly string[];
  useHost: boolean;
}

/** What every install a front end starts shares, built once per run by setting.ts. */
export interface InstallSetting {
  runner: HostFacts;
  /** Lockfile path; read when present, written when absent or missing this entry. */
  lockPath: string;
  /** Fail instead of resolving when the lockfile has no entry for the source. */
  frozen: boolean;
  /**
   * How the user runs unfrozen, for the messages: `without --frozen` (the CLI, the default) or
   * `with frozen-lockfile: false` (the action).
   */
  unfreeze?: string;
  mirrors: MirrorChoice;
  toolCache: ToolCache;
  /** The Actions cache, on a runner with `cache: true`; null elsewhere. */
  actionsCache: ActionsCache | null;
  report: Report;
}

/** What the install lifecycle reads of the setting (a source brings the rest: its mirrors). */
export type InstallOptions = Pick<
  InstallSetting,
  'lockPath' | 'frozen' | 'unfreeze' | 'toolCache' | 'actionsCache' | 'report'
>;

/** The Actions cache as the lifecycle uses it: one entry per install (see install-id.ts). */
export interface ActionsCache {
  keyOf(install: InstallId): string;
  /** Restores the install's files into its version directory; true on a hit. */
  restore(versionDir: string, key: string): Promise<boolean>;
}

export interface Installed {
  /** `<tool cache>/<tool>/<version>/<arch>`: `root` and `bin` inside. */
  dir: string;
  entry: LockedToolchain;
  /** Found in the tool cache or restored from the Actions cache: nothing was installed. */
  cacheHit: boolean;
  /** This run wrote the lockfile (a new entry, or the tree digest of one). */
  wroteLockfile: boolean;
  /**
   * For the action's post step: what to save to the Actions cache, the installs that are new (a
   * package set's and its toolchain's are two).
   */
  toSave: { key: string; versionDir: string }[];
}

/**
 * The lockfile, its entries written before layers read as a toolchain's and a package set's
 * (layers.ts splitCombined; `split`: their keys): rewritten so whenever an entry is written.
 */
export async function readLock(path: string): Promise<Lockfile & { split: string[] }> {
  const text = await readLockfileText(path);
  if (text === null) return { ...emptyLock(), split: [] };
  // The same text parsed once: a toolchain with packages reads the lock five times, and YAML
  // takes some 50 ms for a lock with a package set's entries.
  if (lastRead?.path === path && lastRead.text === text) return lastRead.lock;
  const lock = parseLockfile(text, path);
  if ('error' in lock) throw new InstallError(lock.error);
  const read = splitCombined(lock.toolchains);
  if ('error' in read) throw new InstallError(`${path}: ${read.error}`);
  const parsed = { version: 1 as const, toolchains: read.toolchains, split: read.split };
  lastRead = { path, text, lock: parsed };
  return parsed;
}

let lastRead: { path: string; text: string; lock: Lockfile & { split: string[] } } | null = null;
