/**
 * The install lifecycle, the one sequence every source goes through (install-source.ts):
 * quick hit → install mutex → lock entry (or resolve, unless frozen) → tool cache or Actions
 * cache → fetch → extract → post-process → tree digest → record → wrappers.
 *
 * With a lock entry, everything comes from the lock (SHA-256 checked); a hit touches no network.
 * Installs are kept by what they are (install-id.ts): two entries with the same content share one.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { withInstallLock } from '../adapters/install-lock.js';
import { findTool, toolDir } from '../adapters/tool-cache.js';
import { ensureWrappers } from '../adapters/wrapper-files.js';
import { installId, type InstallId } from '../domain/toolchain/install-id.js';
import {
  findToolchain,
  renderLockfile,
  withToolchain,
  type LockedToolchain,
} from '../domain/toolchain/lockfile.js';
import type { InstallSource } from './install-source.js';
import { InstallError, readLock, type Installed, type InstallOptions } from './install-options.js';
import {
  checkInstalled,
  commitInstall,
  stagedManifest,
  startStaging,
  treeDigest,
} from './install-tree.js';

export { InstallError, type Installed, type InstallOptions } from './install-options.js';

/** Where an entry's install lives. */
interface Place {
  id: InstallId;
  /** `<tool cache>/<tool>/<version>/<arch>` */
  dir: string;
  versionDir: string;
}

export async function install<F>(source: InstallSource<F>, o: InstallOptions): Promise<Installed> {
  const installed =
    (await quickHit(source, o)) ??
    (await withInstallLock(
      join(o.toolCache.stateRoot, 'install.lock'),
      (owner) => {
        o.report.info(`waiting for another install in this tool cache to finish (pid ${owner})`);
      },
      () => installHoldingMutex(source, o),
    ));
  // The wrappers name host programs (the clang found on this runner): written for this host on
  // every use, outside the locked tree, whose digest must be the same on every host.
  const wrappers = source.wrappers(installed.entry);
  if (wrappers !== null && (await ensureWrappers(installed.dir, wrappers)))
    o.report.info(`wrote the cc, c++ and pkg-config wrappers in ${join(installed.dir, 'bin')}`);
  return installed;
}

function placeOf<F>(source: InstallSource<F>, entry: LockedToolchain, o: InstallOptions): Place {
  const id = installId(source.toolName, source.versionBase, entry);
  const dir = toolDir(o.toolCache.root, id.toolName, id.version, o.toolCache.arch);
  return { id, dir, versionDir: dirname(dir) };
}

/** A complete, unmodified install of a locked entry: no mutex, no network. */
async function quickHit<F>(source: InstallSource<F>, o: InstallOptions): Promise<Installed | null> {
  const entry = findToolchain(await readLock(o.lockPath), source.lockKey);
  if (entry?.tree === undefined) return null;
  refuseOther(source, o, entry);
  const at = placeOf(source, entry, o);
  const found = await intact(source, entry, at, o);
  if (found === null || 'problems' in found) return null;
  return { dir: at.dir, entry, cacheHit: true, wroteLockfile: false, toSave: [] };
}

/** The install's digest when it is in the tool cache and intact; its problems; null when absent. */
async function intact<F>(
  source: InstallSource<F>,
  entry: LockedToolchain,
  at: Place,
  o: InstallOptions,
): Promise<{ digest: string } | { problems: string[] } | null> {
  if (findTool(o.toolCache.root, at.id.toolName, at.id.version, o.toolCache.arch) === null)
    return null;
  const { problems, digest } = await checkInstalled(at.dir, entry, {
    wrappers: source.wrappers(entry) !== null,
  });
  return digest === null ? { problems } : { digest };
}

async function installHoldingMutex<F>(
  source: InstallSource<F>,
  o: InstallOptions,
): Promise<Installed> {
  const lock = await readLock(o.lockPath);
  let entry = findToolchain(lock, source.lockKey);
  let wroteLockfile = false;
  const derived = entry === undefined ? (source.derive?.(lock) ?? null) : null;
  if (derived !== null) {
    entry = derived.entry;
    if (o.frozen)
      o.report.info(
        `${o.lockPath} has no entry for "${source.lockKey}": installing the packages it pins for ${derived.replaces ?? 'another entry'}; the lockfile is frozen, so it is left as it is`,
      );
    else {
      await writeEntry(o.lockPath, entry, derived.replaces);
      wroteLockfile = true;
      o.report.notice(
        `wrote the entry for ${source.lockKey} into ${o.lockPath}, with the packages it pins already${derived.replaces === null ? '' : ` (in place of "${derived.replaces}")`}: commit it`,
        'cgo-abi-guard lockfile',
      );
    }
  } else if (entry === undefined) {
    if (o.frozen)
      throw new InstallError(
        `${o.lockPath} has no entry for "${source.lockKey}" and the lockfile is frozen: run once ${o.unfreeze ?? 'without --frozen'} and commit the lockfile`,
      );
    entry = await source.resolve();
    await writeEntry(o.lockPath, entry);
    wroteLockfile = true;
    o.report.notice(
      `wrote ${o.lockPath} with the exact packages of ${source.lockKey}: commit it so every run installs the same bytes`,
      'cgo-abi-guard lockfile',
    );
  } else refuseOther(source, o, entry);
  const at = placeOf(source, entry, o);
  const key = o.actionsCache?.keyOf(at.id) ?? null;
  let found = await intact(source, entry, at, o);
  if (found === null && o.actionsCache !== null && key !== null) {
    if (await o.actionsCache.restore(at.versionDir, key))
      found = await intact(source, entry, at, o);
  }
  let cacheHit = true;
  if (found === null || 'problems' in found) {
    if (found !== null)
      o.report.info(
        `the installed ${source.lockKey} in ${at.dir} was modified (${found.problems.slice(0, 3).join('; ')}); reinstalling it from the locked packages`,
      );
    found = { digest: await installFresh(source, entry, at, o) };
    cacheHit = false;
  }
  if (entry.tree === undefined) {
    const record = (await source.recordOf?.(join(at.dir, 'root'))) ?? {};
    entry = { ...entry, ...record, tree: found.digest };
    // A new entry's notice is given: its digest goes into it without a second one.
    if (await recordTree(source, entry, o, { quiet: wroteLockfile })) wroteLockfile = true;
  }
  const toSave = key === null || cacheHit ? [] : [{ key, versionDir: at.versionDir }];
  return { dir: at.dir, entry, cacheHit, wroteLockfile, toSave };
}

/** A lock entry this source cannot install (another release, another kind) installs nothing. */
function refuseOther<F>(source: InstallSource<F>, o: InstallOptions, entry: LockedToolchain): void {
  const why = source.refusal(entry);
  if (why !== null)
    throw new InstallError(
      `${o.lockPath}: the entry for "${source.lockKey}" ${why}: delete that entry and run again to re-resolve it`,
    );
}

/**
 * Fetch, extract and post-process into `<dir>.partial`; the tree goes into place and is marked
 * complete only when its digest is the one the lock records (or the lock records none yet).
 */
async function installFresh<F>(
  source: InstallSource<F>,
  entry: LockedToolchain,
  at: Place,
  o: InstallOptions,
): Promise<string> {
  const started = Date.now();
  const fetched = await source.fetch(entry);
  const staging = await startStaging(at.dir);
  try {
    const root = join(staging, 'root');
    const owners = await source.extract(fetched, root);
    for (const step of source.postProcess) await step.run(root, fetched, entry);
    const manifest = { ...(await stagedManifest(staging, entry)), ...(owners && { owners }) };
    const digest = treeDigest(manifest.tree);
    if (entry.tree !== undefined && entry.tree !== digest)
      throw new InstallError(
        `the locked packages of ${source.lockKey} extracted to a different tree than ${o.lockPath} records (tree ${digest.slice(0, 12)}…, lock ${entry.tree.slice(0, 12)}…): the lock's tree entry was edited, or extraction is not reproducible here`,
      );
    await commitInstall(staging, at.dir, manifest);
    o.report.info(
      `installed ${source.lockKey} (${source.describe(entry)}) into ${at.dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return digest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Records the installed tree's digest in the lock entry (first install from this entry). */
async function recordTree<F>(
  source: InstallSource<F>,
  entry: LockedToolchain,
  o: InstallOptions,
  { quiet }: { quiet: boolean },
): Promise<boolean> {
  if (o.frozen) {
    o.report.info(
      `${o.lockPath} records no tree digest for ${source.lockKey}; the lockfile is frozen, so it is left as it is (run once ${o.unfreeze ?? 'without --frozen'} to record it)`,
    );
    return false;
  }
  await writeEntry(o.lockPath, entry);
  if (!quiet)
    o.report.notice(
      `wrote the tree digest of ${source.lockKey} into ${o.lockPath}: commit it so every run installs the same bytes`,
      'cgo-abi-guard lockfile',
    );
  return true;
}

async function writeEntry(
  lockPath: string,
  entry: LockedToolchain,
  replaces: string | null = null,
): Promise<void> {
  await mkdir(dirname(lockPath), { recursive: true });
  const lock = await readLock(lockPath);
  const kept = { ...lock, toolchains: lock.toolchains.filter((t) => t.key !== replaces) };
  await writeFile(lockPath, renderLockfile(withToolchain(kept, entry)));
}
