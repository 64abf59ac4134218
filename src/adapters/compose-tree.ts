/**
 * A tree composed of others' files (a toolchain and a package set over it, layers.ts): its
 * directories made with their modes, its files hard links to the very files of the installs they
 * come from (no second copy on disk: two package lists on one toolchain share its compiler), its
 * symlinks made anew. The check of a composed tree reads no file: each file must be the very file
 * (device and inode) of an install whose content was just checked against its own manifest.
 */
import { lstatSync, type Stats } from 'node:fs';
import { chmod, copyFile, link, mkdir, readdir, readlink, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { TreeEntry } from './tree-hash.js';

export interface ComposedEntry {
  entry: TreeEntry;
  /** The root of the installed tree the entry comes from. */
  from: string;
}

/**
 * Builds the composed tree into `root` (new and empty) from `entries`, sorted by path. A file
 * that cannot be hard-linked (another file system; another user's file where the kernel protects
 * hard links) is copied: such a tree passes no check, and is composed again on its next use.
 */
export async function composeTree(
  root: string,
  entries: readonly ComposedEntry[],
): Promise<{ copied: number }> {
  let copied = 0;
  for (const { entry, from } of entries) {
    const at = join(root, entry.path);
    if (entry.type === 'dir') await mkdir(at, { mode: 0o700 });
    else if (entry.type === 'symlink') await symlink(entry.linkTarget, at);
    else {
      const source = join(from, entry.path);
      const linked = await link(source, at).then(
        () => true,
        (e: unknown) => {
          if (!['EXDEV', 'EPERM', 'EMLINK'].includes((e as NodeJS.ErrnoException).code ?? ''))
            throw e;
          return false;
        },
      );
      if (!linked) {
        await copyFile(source, at);
        await chmod(at, entry.mode);
        copied++;
      }
    }
  }
  // Modes last, deepest first: a directory without write permission is filled before.
  for (const { entry } of [...entries].reverse())
    if (entry.type === 'dir') await chmod(join(root, entry.path), entry.mode);
  return { copied };
}

/** Differences between `root` and the entries it was composed of: `changed:`, `missing:`, `extra:`. */
export async function checkComposed(
  root: string,
  entries: readonly ComposedEntry[],
): Promise<string[]> {
  const now = await statTree(root);
  const problems: string[] = [];
  for (const { entry, from } of entries) {
    const st = now.get(entry.path);
    now.delete(entry.path);
    const type = st === undefined ? null : typeOf(st);
    if (st === undefined) problems.push(`missing: ${entry.path}`);
    else if (type !== entry.type)
      problems.push(`changed: ${entry.path} (was a ${entry.type}, now ${type ?? 'another kind'})`);
    else if (entry.type === 'dir' && (st.mode & 0o7777) !== entry.mode)
      problems.push(`changed: ${entry.path} (mode ${(st.mode & 0o7777).toString(8)})`);
    else if (
      entry.type === 'symlink' &&
      (await readlink(join(root, entry.path))) !== entry.linkTarget
    )
      problems.push(`changed: ${entry.path} (symlink target)`);
    else if (entry.type === 'file') {
      // Synchronous: some 3,000 calls, each a few microseconds, no thread-pool round trip.
      const there = lstatSyncOrNull(join(from, entry.path));
      if (there === null || st.ino !== there.ino || st.dev !== there.dev)
        problems.push(`changed: ${entry.path} (not the installed file)`);
    }
  }
  for (const path of now.keys()) problems.push(`extra: ${path}`);
  return problems.sort();
}

const typeOf = (st: Stats): TreeEntry['type'] | null =>
  st.isDirectory() ? 'dir' : st.isFile() ? 'file' : st.isSymbolicLink() ? 'symlink' : null;

function lstatSyncOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/** Every entry under root (not following links) with its lstat, by path relative to root. */
async function statTree(root: string): Promise<Map<string, Stats>> {
  const out = new Map<string, Stats>();
  const visit = async (rel: string): Promise<void> => {
    for (const name of await readdir(join(root, rel))) {
      const path = rel === '' ? name : `${rel}/${name}`;
      const st = lstatSync(join(root, path));
      out.set(path, st);
      if (st.isDirectory()) await visit(path);
    }
  };
  await visit('');
  return out;
}
