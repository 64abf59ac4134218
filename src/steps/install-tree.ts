/**
 * The last part of every install, whatever the source: the tree's manifest beside the tool
 * directory, the staging tree moved into place and marked complete; and the check of an install.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { hashTree, verifyTree, type TreeManifest } from '../adapters/deb.js';
import { lockIdentity, type LockedToolchain } from '../domain/toolchain/lockfile.js';

export interface InstallManifest {
  key: string;
  lock: string;
  tree: TreeManifest;
}

/** Beside the tool directory, like the tool cache's `.complete` marker, so the tree holds only the tools. */
export const manifestPath = (dir: string): string => `${dir}.manifest.json`;

export function treeDigest(tree: TreeManifest): string {
  return createHash('sha256').update(JSON.stringify(tree)).digest('hex');
}

/** A fresh staging directory for `dir` (`<dir>.partial`), its old marker removed. */
export async function startStaging(dir: string): Promise<string> {
  const staging = `${dir}.partial`;
  await rm(staging, { recursive: true, force: true });
  await rm(`${dir}.complete`, { force: true });
  await mkdir(join(staging, 'root'), { recursive: true });
  return staging;
}

/**
 * Hashes `<staging>/root` (the locked bytes; the wrappers are written per host on each use, see
 * ensureWrappers), moves the staging tree into place and marks it complete; returns the digest.
 */
export async function commitInstall(
  staging: string,
  dir: string,
  identity: { key: string; lock: string },
): Promise<string> {
  const manifest: InstallManifest = { ...identity, tree: await hashTree(join(staging, 'root')) };
  await rm(dir, { recursive: true, force: true });
  await mkdir(dirname(dir), { recursive: true });
  await rename(staging, dir);
  await writeFile(manifestPath(dir), `${JSON.stringify(manifest)}\n`);
  await writeFile(`${dir}.complete`, '');
  return treeDigest(manifest.tree);
}

/** The installed tree still matches what was installed from this lock entry. */
export async function checkInstalled(
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

export async function treeProblems(dir: string, entry: LockedToolchain): Promise<string[]> {
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
