/**
 * The install step: a planned toolchain → an installed, verified directory in the tool cache.
 * With a lock entry, everything comes from the lock (download by URL, SHA-256 checked); a cache
 * hit touches no network. Without one, a private apt (signed indexes) resolves exact versions and
 * the lock entry is written for the user to commit.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  extractDeb,
  hashTree,
  relocateSymlinks,
  verifyTree,
  type TreeManifest,
} from '../adapters/deb.js';
import { downloadFromMirrors } from '../adapters/download.js';
import { ensureWrappers } from '../adapters/wrapper-files.js';
import { withInstallLock } from '../adapters/install-lock.js';
import { findTool, toolDir } from '../adapters/tool-cache.js';
import { stripDebugInfo } from '../adapters/strip.js';
import { unstrippedNotice } from '../domain/toolchain/debug-strip.js';
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
} from '../domain/toolchain/lockfile.js';
import type { HostClang } from '../domain/toolchain/clang.js';
import type { Mirror } from '../domain/toolchain/mirrors.js';
import { releaseName } from '../domain/toolchain/releases.js';
import { packageTriplet, type ToolchainPlan } from '../domain/toolchain/toolchain-plan.js';
import { resolveEntry } from './resolve-packages.js';
import { wrapperScripts } from '../domain/toolchain/wrappers.js';

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

export interface Installed {
  dir: string;
  entry: LockedToolchain;
  cacheHit: boolean;
  /** Set when this run wrote or extended the lockfile. */
  lockWritten: string | null;
}

interface InstallManifest {
  key: string;
  lock: string;
  tree: TreeManifest;
}

/** Beside the tool directory, like the tool cache's `.complete` marker, so the tree holds only the tools. */
const manifestPath = (dir: string): string => `${dir}.manifest.json`;

export function treeDigest(tree: TreeManifest): string {
  return createHash('sha256').update(JSON.stringify(tree)).digest('hex');
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
  const wrappers = wrapperScripts(o.plan, gccMajorOf(installed.entry, o.plan), o.clang);
  if (await ensureWrappers(installed.dir, wrappers))
    o.log(`wrote the cc and c++ wrappers in ${join(installed.dir, 'bin')}`);
  return installed;
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
    entry = await resolveEntry(o.plan, await o.mirrors(), o.stateRoot, o.log);
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

async function readLock(path: string): Promise<Lockfile> {
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
  // Named from the tool directory, where a user finds them.
  const problems = await verifyTree(join(dir, 'root'), manifest.tree);
  return problems.map((p) => p.replace(/^(\w+): /, '$1: root/'));
}

/** Downloads and extracts into `<dir>/root`; returns the digest of that tree. */
async function install(o: InstallOptions, entry: LockedToolchain, dir: string): Promise<string> {
  const started = Date.now();
  const debs = join(o.stateRoot, 'debs');
  await mkdir(debs, { recursive: true });
  let mirrors: string[] | null = null;
  const served = new Map<string, number>();
  const passedOver = new Set<string>();
  const paths: string[] = [];
  for (const p of [...entry.packages, ...(entry.tools ?? [])]) {
    const dest = join(debs, p.filename.split('/').at(-1) ?? `${p.name}.deb`);
    paths.push(dest);
    mirrors ??= (await o.mirrors()).map((m) => m.uri);
    const got = await downloadFromMirrors(
      { path: p.filename, dest, sha256: p.sha256, size: p.size, name: p.name, version: p.version },
      mirrors,
    );
    for (const why of got.passedOver) passedOver.add(why);
    if (got.mirror === null) continue;
    served.set(got.mirror, (served.get(got.mirror) ?? 0) + 1);
    // The mirror that answered goes first for the next package: no time lost on a dead one.
    mirrors = [got.mirror, ...mirrors.filter((m) => m !== got.mirror)];
  }
  for (const why of passedOver) o.log(`passed over ${why}`);
  for (const [mirror, n] of served)
    o.log(`downloaded ${n} package${n === 1 ? '' : 's'} from ${mirror}`);
  const toolDebs = paths.splice(entry.packages.length);
  const staging = `${dir}.partial`;
  await rm(staging, { recursive: true, force: true });
  await rm(`${dir}.complete`, { force: true });
  const root = join(staging, 'root');
  await mkdir(root, { recursive: true });
  for (const deb of paths) await extractDeb(deb, root);
  await relocateSymlinks(root);
  await lighten(o, entry, root, toolDebs);
  const manifest: InstallManifest = {
    key: o.plan.key,
    lock: lockIdentity(entry),
    tree: await hashTree(root),
  };
  await rm(dir, { recursive: true, force: true });
  await mkdir(dirname(dir), { recursive: true });
  await rename(staging, dir);
  await writeFile(manifestPath(dir), `${JSON.stringify(manifest)}\n`);
  await writeFile(`${dir}.complete`, '');
  o.log(
    `installed ${o.plan.key} (${entry.release}, ${entry.packages.length} packages) into ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return treeDigest(manifest.tree);
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
