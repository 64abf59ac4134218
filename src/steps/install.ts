/**
 * The install step: a planned toolchain → an installed, verified directory in the tool cache.
 * With a lock entry, everything comes from the lock (download by URL, SHA-256 checked); a cache
 * hit touches no network. Without one, a private apt (signed indexes) resolves exact versions and
 * the lock entry is written for the user to commit.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { extractDeb, relocateSymlinks, verifyTree } from '../adapters/deb.js';
import { downloadVerified } from '../adapters/download.js';
import type { Mirror } from '../adapters/host-tools.js';
import { withInstallLock } from '../adapters/install-lock.js';
import { isComplete, toolDir } from '../adapters/tool-cache.js';
import {
  emptyLock,
  findToolchain,
  lockHash,
  lockIdentity,
  parseLockfile,
  renderLockfile,
  withToolchain,
  type LockedToolchain,
  type Lockfile,
} from '../domain/lockfile.js';
import { packageTriplet, type ToolchainPlan } from '../domain/toolchain-plan.js';
import { resolveEntry } from './resolve-packages.js';
import { wrapperScripts } from '../domain/wrappers.js';
import { npmLockEntry } from '../domain/toolchain/npm-toolchains.js';
import { installNpm } from './install-npm.js';
import {
  commitInstall,
  manifestPath,
  startStaging,
  treeDigest,
  type InstallManifest,
} from './install-tree.js';

export class InstallError extends Error {}

export interface InstallOptions {
  plan: ToolchainPlan;
  /** Lockfile path; read when present, written when absent or missing this toolchain. */
  lockPath: string;
  /** Fail instead of resolving when the lock has no entry for this toolchain. */
  frozen: boolean;
  /** Package mirror URI; only needed when something must be downloaded. */
  mirror: () => Promise<Mirror>;
  toolCacheRoot: string;
  stateRoot: string;
  /** Host architecture as @actions/tool-cache names it (x64, arm64). */
  cacheArch: string;
  log: (line: string) => void;
}

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
  const hit = await quickCacheHit(o);
  if (hit !== null) return hit;
  return withInstallLock(
    join(o.stateRoot, 'install.lock'),
    (owner) => {
      o.log(`waiting for another install in this tool cache to finish (pid ${owner})`);
    },
    () => installLocked(o),
  );
}

/** A complete, unmodified install of a locked toolchain: no lock, no network. */
async function quickCacheHit(o: InstallOptions): Promise<Installed | null> {
  const entry = findToolchain(await readLock(o.lockPath), o.plan.key);
  if (entry?.tree === undefined) return null;
  const dir = toolDir(o.toolCacheRoot, o.plan.toolName, toolVersion(o.plan, entry), o.cacheArch);
  if (!isComplete(dir)) return null;
  const { problems } = await checkInstalled(dir, entry);
  return problems.length === 0 ? { dir, entry, cacheHit: true, lockWritten: null } : null;
}

async function installLocked(o: InstallOptions): Promise<Installed> {
  const lock = await readLock(o.lockPath);
  let entry = findToolchain(lock, o.plan.key);
  let lockWritten: string | null = null;
  if (entry === undefined) {
    if (o.frozen) {
      throw new InstallError(
        `${o.lockPath} has no entry for "${o.plan.key}" and the lockfile is frozen: run once without --frozen and commit the lockfile`,
      );
    }
    entry =
      o.plan.npm === null
        ? await resolveEntry(o.plan, await o.mirror(), o.stateRoot, o.log)
        : npmLockEntry(o.plan.key, o.plan.release, o.plan.npm);
    await mkdir(dirname(o.lockPath), { recursive: true });
    await writeFile(o.lockPath, renderLockfile(withToolchain(lock, entry)));
    lockWritten = o.lockPath;
    o.log(
      `wrote ${o.lockPath} with the exact packages of ${o.plan.key}: commit it so every run installs the same bytes`,
    );
  }
  const dir = toolDir(o.toolCacheRoot, o.plan.toolName, toolVersion(o.plan, entry), o.cacheArch);
  if (isComplete(dir)) {
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

export async function readLock(path: string): Promise<Lockfile> {
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new InstallError(`cannot read lockfile ${path}: ${(error as Error).message}`);
  });
  if (text === null) return emptyLock();
  const lock = parseLockfile(text, path);
  if ('error' in lock) throw new InstallError(lock.error);
  return lock;
}

/** Records the installed tree's digest in the lock entry (first install from this lock). */
async function recordTree(o: InstallOptions, entry: LockedToolchain): Promise<string> {
  await writeFile(o.lockPath, renderLockfile(withToolchain(await readLock(o.lockPath), entry)));
  return o.lockPath;
}

/** The installed tree and wrappers still match what was installed from this lock entry. */
async function checkInstalled(
  dir: string,
  entry: LockedToolchain,
): Promise<{ problems: string[]; digest: string | null }> {
  const problems = await treeProblems(dir, entry);
  if (problems.length > 0) return { problems, digest: null };
  const manifest = await readFile(manifestPath(dir), 'utf8').then(
    (t) => JSON.parse(t) as InstallManifest,
  );
  return { problems, digest: treeDigest(manifest.tree) };
}

async function treeProblems(dir: string, entry: LockedToolchain): Promise<string[]> {
  const manifest = await readFile(manifestPath(dir), 'utf8')
    .then((t) => JSON.parse(t) as InstallManifest)
    .catch(() => null);
  if (manifest === null) return [`${manifestPath(dir)} is missing or unreadable`];
  if (manifest.lock !== lockIdentity(entry))
    return ['it was installed from other packages than the lock names'];
  if (entry.tree !== undefined && treeDigest(manifest.tree) !== entry.tree)
    return ['its manifest does not match the tree the lock records'];
  return verifyTree(dir, manifest.tree);
}

/** Downloads, extracts and writes the wrappers; returns the digest of the installed tree. */
async function install(o: InstallOptions, entry: LockedToolchain, dir: string): Promise<string> {
  if (o.plan.npm !== null || entry.npm !== undefined) return installNpm(o, entry, dir);
  const started = Date.now();
  const debs = join(o.stateRoot, 'debs');
  await mkdir(debs, { recursive: true });
  let mirror: Mirror | null = null;
  const paths: string[] = [];
  for (const p of entry.packages) {
    const dest = join(debs, p.filename.split('/').at(-1) ?? `${p.name}.deb`);
    paths.push(dest);
    mirror ??= await o.mirror();
    await downloadVerified({
      url: `${mirror.uri.replace(/\/+$/, '')}/${p.filename}`,
      dest,
      sha256: p.sha256,
      size: p.size,
      name: p.name,
    });
  }
  const staging = await startStaging(dir);
  const root = join(staging, 'root');
  for (const deb of paths) await extractDeb(deb, root);
  await relocateSymlinks(root);
  const wrappers = wrapperScripts(o.plan, gccMajorOf(entry, o.plan));
  const digest = await commitInstall(
    staging,
    dir,
    { key: o.plan.key, lock: lockIdentity(entry) },
    wrappers,
  );
  o.log(
    `installed ${o.plan.key} (${entry.release}, ${entry.packages.length} packages) into ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return digest;
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
