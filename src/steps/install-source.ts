/**
 * What the install lifecycle (install.ts) needs from a source of installs — Debian packages, an
 * npm toolchain, qemu-user-static, and whatever comes next. A source knows how to resolve its
 * lock entry, fetch its bytes, extract them and finish the tree; the lifecycle does the rest the
 * same way for every source: the quick hit, the install mutex, the lockfile, the Actions cache,
 * the tree digest, the markers and the wrappers.
 */
import type { LockedToolchain, Lockfile } from '../domain/toolchain/lockfile.js';
import type { Mirror } from '../domain/toolchain/mirrors.js';
import type { Wrappers } from '../domain/toolchain/wrappers.js';
import type { Report } from './report.js';

/** What a source needs from the install setting (prepare-toolchain.ts sourceDeps). */
export interface SourceDeps {
  /** Package mirrors in the order to try them; only asked when something must be downloaded. */
  mirrors: () => Promise<Mirror[]>;
  /** Where the target architecture's packages are (Ubuntu keeps them in another archive). */
  targetMirrors: () => Promise<Mirror[]>;
  stateRoot: string;
  lockPath: string;
  /** How the user runs unfrozen, for the messages (the setting's `unfreeze`). */
  unfreeze: string;
  report: Report;
}

export interface InstallSource<Fetched> {
  /** The key of its lockfile entry (`linux/arm64 glibc-2.31 gcc host-amd64`). */
  readonly lockKey: string;
  /** The tool-cache tool name (`cgo-abi-guard-aarch64-linux-gnu-gcc`). */
  readonly toolName: string;
  /** The readable head of the tool-cache version (`2.31.0-bullseye`); the content hash follows. */
  readonly versionBase: string;
  /** Why this source cannot install a found entry ("is from debian/bookworm, but …"), or null. */
  refusal(entry: LockedToolchain): string | null;
  /** The lock entry when the lockfile has none: exact versions and hashes. */
  resolve(): Promise<LockedToolchain>;
  /**
   * The entry made from pins the lockfile already has (no apt, no network), when it has none
   * under `lockKey`: one qemu's entry gives another target's qemu its package. `replaces`: the key
   * of an entry of an older form it takes the place of, dropped when it is written. Null: resolve.
   */
  derive?(lock: Lockfile): { entry: LockedToolchain; replaces: string | null } | null;
  /** The entry's bytes on this machine, checked against the entry's hashes. */
  fetch(entry: LockedToolchain): Promise<Fetched>;
  /**
   * The fetched bytes into `root`, a new empty directory; by path in it, the package of each
   * archive and object (InstallManifest's `owners`), or undefined when they come from no packages.
   */
  extract(fetched: Fetched, root: string): Promise<Record<string, string> | undefined>;
  /** Run in order on the extracted tree, before its digest is taken. */
  readonly postProcess: readonly PostStep<Fetched>[];
  /** What one fresh install was, for its log line: `debian/bullseye, 12 packages`. */
  describe(entry: LockedToolchain): string;
  /** The `cc` / `c++` / `pkg-config` wrappers for this host, or null when it has none (qemu). */
  wrappers(entry: LockedToolchain): Wrappers | null;
  /**
   * What the lock entry records of the installed tree beside its digest (what a capping changed),
   * read from the tree when the digest is first recorded: the same on every host, whether this
   * one installed the tree or found it.
   */
  recordOf?(root: string): Promise<Partial<Pick<LockedToolchain, 'cap'>>>;
}

/** One step after extraction (strip debug info, cap glibc; later: add target packages). */
export interface PostStep<Fetched> {
  run(root: string, fetched: Fetched, entry: LockedToolchain): Promise<void>;
}
