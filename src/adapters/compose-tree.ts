/**
 * A tree composed of others' files (a toolchain and a package set over it, layers.ts): its
 * directories made with their modes, its files hard links to the very files of the installs they
 * come from (no second copy on disk: two package lists on one toolchain share its compiler), its
 * symlinks made anew. The check of a composed tree reads no file: each file must be the very file
 * (device and inode) of an install whose content was just checked against its own manifest.
 */
import { chmod, copyFile, link, lstat, mkdir, readlink, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { walk, type TreeEntry } from './tree-hash.js';

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
  const now = new Map((await walk(root)).map((w) => [w.path, w]));
  const problems: string[] = [];
  for (const { entry, from } of entries) {
    const w = now.get(entry.path);
    now.delete(entry.path);
    if (w === undefined) problems.push(`missing: ${entry.path}`);
    else if (w.type !== entry.type)
      problems.push(`changed: ${entry.path} (was a ${entry.type}, now a ${w.type})`);
    else if (entry.type === 'dir' && w.mode !== entry.mode)
      problems.push(`changed: ${entry.path} (mode ${w.mode.toString(8)})`);
    else if (
      entry.type === 'symlink' &&
      (await readlink(join(root, entry.path))) !== entry.linkTarget
    )
      problems.push(`changed: ${entry.path} (symlink target)`);
    else if (entry.type === 'file') {
      const [here, there] = await Promise.all([
        lstat(join(root, entry.path)),
        lstat(join(from, entry.path)).catch(() => null),
      ]);
      if (there === null || here.ino !== there.ino || here.dev !== there.dev)
        problems.push(`changed: ${entry.path} (not the installed file)`);
    }
  }
  for (const w of now.values()) problems.push(`extra: ${w.path}`);
  return problems.sort();
}
