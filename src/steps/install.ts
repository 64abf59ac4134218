/**
 * The install step: a planned toolchain → an installed, verified directory in the tool cache.
 * With a lock entry, everything comes from the lock (download by URL, SHA-256 checked); a cache
 * hit touches no network. Without one, a private apt (signed indexes) resolves exact versions and
 * the lock entry is written for the user to commit.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { extractDeb, relocateSymlinks } from '../adapters/deb.js';
import { ensureWrappers } from '../adapters/wrapper-files.js';
import { withInstallLock } from '../adapters/install-lock.js';
import { findTool, toolDir } from '../adapters/tool-cache.js';
import { stripDebugInfo } from '../adapters/strip.js';
import { unstrippedNotice } from '../domain/toolchain/debug-strip.js';
import {
  findToolchain,
  lockHash,
  lockIdentity,
  renderLockfile,
  withToolchain,
  type LockedToolchain,
} from '../domain/toolchain/lockfile.js';
import { releaseName } from '../domain/toolchain/releases.js';
import { packageTriplet, type ToolchainPlan } from '../domain/toolchain/toolchain-plan.js';
import { resolveEntry } from './resolve-packages.js';
import { wrapperScripts, type Wrappers } from '../domain/toolchain/wrappers.js';
import { npmLockEntry } from '../domain/toolchain/npm-toolchains.js';
import { npmWrapperScripts } from '../domain/toolchain/npm-wrappers.js';
import { fetchDebs } from './fetch-debs.js';
import { installNpm } from './install-npm.js';
import { checkInstalled, commitInstall, startStaging } from './install-tree.js';
import { InstallError, readLock, type InstallOptions } from './install-options.js';

export interface Installed {
  dir: string;
  entry: LockedToolchain;
  cacheHit: boolean;
  /** Set when this run wrote or extended the lockfile. */
  lockWritten: string | null;
}

export function toolVersion(plan: ToolchainPlan, entry: LockedToolchain): string {
  const hash = lockHash(lockIdentity(entry));
  return `${plan.floor.split('.').concat(['0', '0']).slice(0, 3).join('.')}-${plan.release.codename}.${plan.compiler}.h${hash}`;
}

export async function installToolchain(o: InstallOptions): Promise<Installed> {
  const installed =
    (await quickCacheHit(o)) ??
    (await withInstallLock(
      join(o.stateRoot, 'install.lock'),
      (owner) => {
        o.log(`waiting for another install in this tool cache to finish (pid ${owner})`);
      },
      () => installLocked(o),
    ));
  // The wrappers name host programs (the clang found on this runner): written for this host on
  // every use, outside the locked tree, whose digest must be the same on every host.
  if (await ensureWrappers(installed.dir, wrappersFor(o, installed.entry)))
    o.log(`wrote the cc and c++ wrappers in ${join(installed.dir, 'bin')}`);
  return installed;
}

function wrappersFor(o: InstallOptions, entry: LockedToolchain): Wrappers {
  return o.plan.npm === null
    ? wrapperScripts(o.plan, gccMajorOf(entry, o.plan), o.clang)
    : npmWrapperScripts(o.plan, o.plan.npm, o.clang);
}

/** A complete, unmodified install of a locked toolchain: no lock, no network. */
async function quickCacheHit(o: InstallOptions): Promise<Installed | null> {
  const entry = findToolchain(await readLock(o.lockPath), o.plan.key);
  if (entry?.tree === undefined) return null;
  checkRelease(o, entry);
  const dir = findTool(o.toolCacheRoot, o.plan.toolName, toolVersion(o.plan, entry), o.cacheArch);
  if (dir === null) return null;
  const { problems } = await checkInstalled(dir, entry);
  return problems.length === 0 ? { dir, entry, cacheHit: true, lockWritten: null } : null;
}

async function installLocked(o: InstallOptions): Promise<Installed> {
  const lock = await readLock(o.lockPath);
  let entry = findToolchain(lock, o.plan.key);
  let lockWritten: string | null = null;
  if (entry !== undefined) checkRelease(o, entry);
  if (entry === undefined) {
    if (o.frozen) {
      throw new InstallError(
        `${o.lockPath} has no entry for "${o.plan.key}" and the lockfile is frozen: run once without --frozen and commit the lockfile`,
      );
    }
    entry =
      o.plan.npm === null
        ? await resolveEntry(o.plan, await o.mirrors(), o.stateRoot, o.log)
        : npmLockEntry(o.plan.key, o.plan.release, o.plan.npm);
    await mkdir(dirname(o.lockPath), { recursive: true });
    await writeFile(o.lockPath, renderLockfile(withToolchain(lock, entry)));
    lockWritten = o.lockPath;
    o.log(
      `wrote ${o.lockPath} with the exact packages of ${o.plan.key}: commit it so every run installs the same bytes`,
    );
  }
  const version = toolVersion(o.plan, entry);
  const dir = toolDir(o.toolCacheRoot, o.plan.toolName, version, o.cacheArch);
  if (findTool(o.toolCacheRoot, o.plan.toolName, version, o.cacheArch) !== null) {
    const { problems, digest } = await checkInstalled(dir, entry);
    if (problems.length === 0 && digest !== null) {
      if (entry.tree === undefined)
        lockWritten = await recordTree(o, (entry = { ...entry, tree: digest }));
      return { dir, entry, cacheHit: true, lockWritten };
    }
    o.log(
      `the installed toolchain in ${dir} was modified (${problems.slice(0, 3).join('; ')}); reinstalling it from the locked packages`,
    );
  }
  const digest = await install(o, entry, dir);
  if (entry.tree === undefined)
    lockWritten = await recordTree(o, (entry = { ...entry, tree: digest }));
  else if (entry.tree !== digest) {
    throw new InstallError(
      `the locked packages of ${o.plan.key} extracted to a different tree than ${o.lockPath} records (tree ${digest.slice(0, 12)}…, lock ${entry.tree.slice(0, 12)}…): the lock's tree entry was edited, or extraction is not reproducible here`,
    );
  }
  return { dir, entry, cacheHit: false, lockWritten };
}

/** A lock entry from another release (edited, or from an older plan) installs nothing. */
function checkRelease(o: InstallOptions, entry: LockedToolchain): void {
  const want = releaseName(o.plan.release);
  if (entry.release !== want)
    throw new InstallError(
      `${o.lockPath}: the entry for "${o.plan.key}" is from ${entry.release}, but glibc ${o.plan.floor} is planned from ${want}: delete that entry and run again to re-resolve it`,
    );
}

/** Records the installed tree's digest in the lock entry (first install from this lock). */
async function recordTree(o: InstallOptions, entry: LockedToolchain): Promise<string | null> {
  if (o.frozen) {
    o.log(
      `${o.lockPath} records no tree digest for ${o.plan.key}; the lockfile is frozen, so it is left as it is (run once without --frozen to record it)`,
    );
    return null;
  }
  await writeFile(o.lockPath, renderLockfile(withToolchain(await readLock(o.lockPath), entry)));
  return o.lockPath;
}

/** Downloads and extracts into `<dir>/root`; returns the digest of that tree. */
async function install(o: InstallOptions, entry: LockedToolchain, dir: string): Promise<string> {
  if (o.plan.npm !== null || entry.npm !== undefined) return installNpm(o, entry, dir);
  const started = Date.now();
  const paths = await fetchDebs(
    [...entry.packages, ...(entry.tools ?? [])],
    o.mirrors,
    join(o.stateRoot, 'debs'),
    o.log,
  );
  const toolDebs = paths.splice(entry.packages.length);
  const staging = await startStaging(dir);
  const root = join(staging, 'root');
  for (const deb of paths) await extractDeb(deb, root);
  await relocateSymlinks(root);
  await lighten(o, entry, root, toolDebs);
  const digest = await commitInstall(staging, dir, { key: o.plan.key, lock: lockIdentity(entry) });
  o.log(
    `installed ${o.plan.key} (${entry.release}, ${entry.packages.length} packages) into ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return digest;
}

/** Strips the compiler's debug info with the locked strip; a lock without one says what it costs. */
async function lighten(
  o: InstallOptions,
  entry: LockedToolchain,
  root: string,
  toolDebs: string[],
): Promise<void> {
  const started = Date.now();
  const r = await stripDebugInfo({ root, plan: o.plan, toolDebs, scratch: o.stateRoot }).catch(
    (e: unknown) => {
      throw new InstallError(`${o.plan.key}: ${(e as Error).message}`);
    },
  );
  const mb = r.debugBytes / 1e6;
  if (r.stripped)
    o.log(
      `stripped ${mb.toFixed(0)} MB of debug info from ${r.files.join(', ')} with ${entry.tools?.map((t) => `${t.name} ${t.version}`).join(' + ') ?? ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  else if (r.files.length > 0) o.log(unstrippedNotice(o.plan.key, o.lockPath, mb));
  if (r.removed.length > 0) o.log(`removed ${r.removed.join(', ')}: no build runs it`);
}

/** The gcc major of a locked toolchain, from its libgcc-N-dev package. */
function gccMajorOf(entry: LockedToolchain, plan: ToolchainPlan): string {
  const re = new RegExp(`^libgcc-(\\d+)-dev-${plan.targetDebianArch}-cross$`);
  for (const p of entry.packages) {
    const m = re.exec(p.name);
    if (m?.[1] !== undefined) return m[1];
  }
  throw new InstallError(
    `the lock entry for ${plan.key} has no libgcc-N-dev-${plan.targetDebianArch}-cross package (${packageTriplet(plan.triplet)})`,
  );
}
