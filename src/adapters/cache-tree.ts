/**
 * A tool cache tree through the Actions cache, never extracted in place: the archive holds a
 * private copy beside the tool cache (hard links, made at save time) and is restored there, then
 * renamed into the tool directory. A restore abandoned after its timeout may still finish later
 * in this process; it then writes only into the private copy, never into a tree being installed.
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { restoreCache, saveCache, type CacheLog, type CacheOptions } from './cache.js';
import { execQuiet } from './exec.js';

/** `<root>/<tool>/<version>` → `<root>/.cgo-abi-guard-cache/<tool>/<version>`. */
export function cacheCopyOf(tree: string): string {
  const tool = dirname(tree);
  return join(dirname(tool), '.cgo-abi-guard-cache', basename(tool), basename(tree));
}

export async function restoreTree(
  tree: string,
  key: string,
  log: CacheLog,
  options: CacheOptions = {},
): Promise<{ hit: boolean; warning: string | null }> {
  const copy = cacheCopyOf(tree);
  await rm(copy, { recursive: true, force: true });
  const restored = await restoreCache([copy], key, log, options);
  if (!restored.hit) return restored;
  await mkdir(tree, { recursive: true });
  // The `.complete` markers last: a tree is complete only once everything else is in place.
  const names = (await readdir(copy)).sort(
    (a, b) => Number(a.endsWith('.complete')) - Number(b.endsWith('.complete')),
  );
  for (const name of names) {
    await rm(join(tree, name), { recursive: true, force: true });
    await rename(join(copy, name), join(tree, name));
  }
  await rm(copy, { recursive: true, force: true });
  return restored;
}

export async function saveTree(
  tree: string,
  key: string,
  log: CacheLog,
  options: CacheOptions = {},
): Promise<{ saved: boolean; warning: string | null }> {
  const copy = cacheCopyOf(tree);
  await rm(copy, { recursive: true, force: true });
  await mkdir(dirname(copy), { recursive: true });
  const cp = await execQuiet('cp', ['-al', '--', tree, copy]);
  if (cp.exitCode !== 0)
    throw new Error(`cannot link ${tree} for the cache: ${cp.failure ?? cp.stderr.trim()}`);
  try {
    return await saveCache([copy], key, log, options);
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}
