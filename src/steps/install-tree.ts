/**
 * The last part of every install, whatever the source: wrappers into `<staging>/bin`, the tree's
 * manifest beside the tool directory, the staging tree moved into place and marked complete.
 */
import { createHash } from 'node:crypto';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { hashTree, type TreeManifest } from '../adapters/deb.js';
import type { Wrappers } from '../domain/wrappers.js';

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

/** Writes the wrappers, hashes the tree, moves it into place; returns the tree's digest. */
export async function commitInstall(
  staging: string,
  dir: string,
  identity: { key: string; lock: string },
  /** null: a tool that is no compiler (qemu) gets no wrappers. */
  wrappers: Wrappers | null,
): Promise<string> {
  if (wrappers !== null) {
    await mkdir(join(staging, 'bin'), { recursive: true });
    for (const [name, text] of [
      ['cc', wrappers.cc],
      ['c++', wrappers.cxx],
    ] as const) {
      await writeFile(join(staging, 'bin', name), text);
      await chmod(join(staging, 'bin', name), 0o755);
    }
  }
  const manifest: InstallManifest = { ...identity, tree: await hashTree(staging) };
  await rm(dir, { recursive: true, force: true });
  await mkdir(dirname(dir), { recursive: true });
  await rename(staging, dir);
  await writeFile(manifestPath(dir), `${JSON.stringify(manifest)}\n`);
  await writeFile(`${dir}.complete`, '');
  return treeDigest(manifest.tree);
}
