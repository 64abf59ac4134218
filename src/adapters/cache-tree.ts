/**
 * A tool cache tree through the Actions cache, never extracted in place: the archive holds a
 * private copy beside the tool cache (hard links, made at save time) and is restored there, then
 * renamed into the tool directory. A restore abandoned after its timeout may still finish later
 * in this process; it then writes only into the private copy, never into a tree being installed.
 *
 * Only the names an install makes are saved and restored, each of its own type: an archive that
 * holds anything else (another name, a link where a directory belongs) is not used at all.
 */
import { lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { restoreCache, saveCache, type CacheLog, type CacheOptions } from './cache.js';
import { execQuiet } from './exec.js';
import type { InstallName } from './tool-cache.js';

export interface TreeCacheOptions extends CacheOptions {
  /** The names the tree holds, and all that is saved or restored. */
  names: readonly InstallName[];
}

/** `<root>/<tool>/<version>` → `<root>/.cgo-abi-guard-cache/<tool>/<version>`. */
export function cacheCopyOf(tree: string): string {
  const tool = dirname(tree);
  return join(dirname(tool), '.cgo-abi-guard-cache', basename(tool), basename(tree));
}

export async function restoreTree(
  tree: string,
  key: string,
  log: CacheLog,
  options: TreeCacheOptions,
): Promise<{ hit: boolean; warning: string | null }> {
  const copy = cacheCopyOf(tree);
  await rm(copy, { recursive: true, force: true });
  const restored = await restoreCache([copy], key, log, options);
  if (!restored.hit) return restored;
  try {
    const unexpected = await unexpectedIn(copy, options.names);
    if (unexpected !== null)
      return { hit: false, warning: `toolchain cache ${key} not used: it holds ${unexpected}` };
    await mkdir(tree, { recursive: true });
    // The `.complete` markers last: a tree is complete only once everything else is in place.
    const names = options.names
      .map((n) => n.name)
      .sort((a, b) => Number(a.endsWith('.complete')) - Number(b.endsWith('.complete')));
    for (const name of names) {
      await rm(join(tree, name), { recursive: true, force: true });
      await rename(join(copy, name), join(tree, name));
    }
    return restored;
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

/** What the restored copy holds besides the expected names and types, or null. */
async function unexpectedIn(copy: string, names: readonly InstallName[]): Promise<string | null> {
  const found = await readdir(copy).catch(() => []);
  const extra = found.find((name) => !names.some((n) => n.name === name));
  if (extra !== undefined) return `an unexpected ${extra}`;
  for (const { name, type } of names) {
    const st = await lstat(join(copy, name)).catch(() => null);
    if (st === null) return `no ${name}`;
    if (st.isSymbolicLink()) return `${name} as a symbolic link`;
    if (type === 'dir' ? !st.isDirectory() : !st.isFile()) return `${name} that is not a ${type}`;
  }
  return null;
}

export async function saveTree(
  tree: string,
  key: string,
  log: CacheLog,
  options: TreeCacheOptions,
): Promise<{ saved: boolean; warning: string | null }> {
  const copy = cacheCopyOf(tree);
  await rm(copy, { recursive: true, force: true });
  await mkdir(copy, { recursive: true });
  try {
    for (const { name } of options.names) {
      const cp = await execQuiet('cp', ['-al', '--', join(tree, name), join(copy, name)]);
      if (cp.exitCode !== 0)
        throw new Error(`cannot link ${tree} for the cache: ${cp.failure ?? cp.stderr.trim()}`);
    }
    return await saveCache([copy], key, log, options);
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}
