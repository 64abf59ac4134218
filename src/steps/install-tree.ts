/**
 * An install's directory in the tool cache, whatever the source: staged beside its place, hashed,
 * moved into place and marked complete (only once its digest is the one the lock records); and
 * the check of an installed one. `<dir>` holds `root` (the locked tree) and, for a toolchain,
 * `bin` (the cc, c++ and pkg-config wrappers, written per host); its manifest and `.complete` marker lie
 * beside it, like the tool cache's own markers.
 */
import { createHash } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { hashTree, stampsOf, verifyTree, walk, type TreeManifest } from '../adapters/tree-hash.js';
import { WRAPPER_NAMES } from '../adapters/wrapper-files.js';
import { contentIdentity, type LockedToolchain } from '../domain/toolchain/lockfile.js';

export interface InstallManifest {
  /** The content identity of the lock entry it was installed from. */
  content: string;
  tree: TreeManifest;
  /**
   * By path in `root`, the package each archive and object came from (the SBOM's owners of what
   * a link took). Outside the tree digest: an install made before it was recorded has none.
   */
  owners?: Record<string, string>;
}

export const manifestPath = (dir: string): string => `${dir}.manifest.json`;
/** The digest of the tree's file stamps when its contents last matched the manifest. */
const stampsPath = (dir: string): string => `${dir}.verified`;

/** Written beside the manifest through a new file; a failure only means the next check hashes. */
async function writeStamps(dir: string, stamps: string): Promise<void> {
  const temp = `${stampsPath(dir)}.${process.pid}`;
  await writeFile(temp, `${stamps}\n`)
    .then(() => rename(temp, stampsPath(dir)))
    .catch(() => rm(temp, { force: true }));
}

export function treeDigest(tree: TreeManifest): string {
  return createHash('sha256').update(JSON.stringify(tree)).digest('hex');
}

/** A fresh staging directory for `dir` (`<dir>.partial`), its old marker removed. */
export async function startStaging(dir: string): Promise<string> {
  const staging = `${dir}.partial`;
  await rm(staging, { recursive: true, force: true });
  await rm(`${dir}.complete`, { force: true });
  await rm(stampsPath(dir), { force: true });
  await mkdir(join(staging, 'root'), { recursive: true });
  return staging;
}

/** The manifest of the staged `root` (the locked bytes; the wrappers are not part of it). */
export async function stagedManifest(
  staging: string,
  entry: LockedToolchain,
): Promise<InstallManifest> {
  return { content: contentIdentity(entry), tree: await hashTree(join(staging, 'root')) };
}

/** Moves the staged tree into place, writes its manifest and marks it complete. */
export async function commitInstall(
  staging: string,
  dir: string,
  manifest: InstallManifest,
): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dirname(dir), { recursive: true });
  await rename(staging, dir);
  await writeFile(manifestPath(dir), `${JSON.stringify(manifest)}\n`);
  // The tree was hashed into its manifest just now: its stamps vouch for it until a file changes.
  await writeStamps(dir, stampsOf(await walk(join(dir, 'root'))));
  await writeFile(`${dir}.complete`, '');
}

/**
 * The installed tree still matches what was installed from this lock entry, and its directory
 * holds nothing else: no link on the way to it, no link or stray name where `root` and `bin` go.
 */
export async function checkInstalled(
  dir: string,
  entry: LockedToolchain,
  o: { wrappers: boolean },
): Promise<{ problems: string[]; digest: string | null }> {
  const layout = await layoutProblems(dir, o.wrappers);
  if (layout.length > 0) return { problems: layout, digest: null };
  const manifest = await readFile(manifestPath(dir), 'utf8')
    .then((t) => JSON.parse(t) as InstallManifest)
    .catch(() => null);
  if (manifest === null) return { problems: [`${manifestPath(dir)} is unreadable`], digest: null };
  const digest = treeDigest(manifest.tree);
  if (manifest.content !== contentIdentity(entry))
    return { problems: ['it was installed from other packages than the lock names'], digest: null };
  if (entry.tree !== undefined && digest !== entry.tree)
    return { problems: ['its manifest does not match the tree the lock records'], digest: null };
  // The stamps of the tree when it last matched: unchanged, its files are not hashed again.
  const known = await readFile(stampsPath(dir), 'utf8').catch(() => null);
  const checked = await verifyTree(join(dir, 'root'), manifest.tree, known?.trim() ?? null);
  // Named from the tool directory, where a user finds them.
  const problems = checked.problems.map((p) => p.replace(/^(\w+): /, '$1: root/'));
  if (problems.length === 0 && checked.stamps !== known?.trim())
    await writeStamps(dir, checked.stamps);
  return { problems, digest: problems.length === 0 ? digest : null };
}

const kindOf = (st: { isSymbolicLink(): boolean; isDirectory(): boolean }): string =>
  st.isSymbolicLink() ? 'a symbolic link' : st.isDirectory() ? 'a directory' : 'not a directory';

/** `<tool>/<version>/<arch>` are directories, not links; inside only `root`, and `bin` with the wrappers. */
export async function layoutProblems(dir: string, wrappers: boolean): Promise<string[]> {
  for (const at of [dirname(dirname(dir)), dirname(dir), dir]) {
    const st = await lstat(at).catch(() => null);
    if (st === null) return [`missing: ${at}`];
    if (!st.isDirectory()) return [`changed: ${at} (${kindOf(st)})`];
  }
  const manifest = await lstat(manifestPath(dir)).catch(() => null);
  if (manifest?.isFile() !== true) return [`${manifestPath(dir)} is missing or not a file`];
  const problems: string[] = [];
  const names = await readdir(dir);
  if (!names.includes('root')) problems.push('missing: root');
  for (const name of names) {
    const st = await lstat(join(dir, name));
    if (name !== 'root' && (name !== 'bin' || !wrappers)) problems.push(`extra: ${name}`);
    else if (!st.isDirectory()) problems.push(`changed: ${name} (${kindOf(st)})`);
    else if (name === 'bin') problems.push(...(await binProblems(join(dir, name))));
  }
  return problems.sort();
}

async function binProblems(bin: string): Promise<string[]> {
  const problems: string[] = [];
  for (const name of await readdir(bin)) {
    const st = await lstat(join(bin, name));
    if (!(WRAPPER_NAMES as readonly string[]).includes(name)) problems.push(`extra: bin/${name}`);
    else if (!st.isFile()) problems.push(`changed: bin/${name} (${kindOf(st)})`);
  }
  return problems;
}
