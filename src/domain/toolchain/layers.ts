/**
 * A package set (`packages`) is a layer: its own install holding the target packages' files alone
 * (with its own lock entry, content identity and tree digest), composed with the toolchain it goes
 * over into one sysroot of hard links, so that two package lists on one toolchain share its
 * compiler and sysroot on disk and in the Actions cache. Pure: keys, the merge of the two trees'
 * manifests, and the reading of lock entries written before layers.
 */
import type { LockedToolchain } from './lockfile.js';

/** The packages part of a lock key: ` packages libpcap-dev,zlib1g-dev`, sorted; none: empty. */
export function packagesKeyPart(packages: readonly string[]): string {
  return packages.length === 0 ? '' : ` packages ${[...packages].sort().join(',')}`;
}

const PACKAGES_PART = / packages (\S+)$/;

/** The key of the toolchain a package set's key goes over: the same without its packages part. */
export function toolchainKeyOf(key: string): string {
  return key.replace(PACKAGES_PART, '');
}

/** A layer's lock entry: the target packages, over a toolchain's entry. */
export function isLayer(entry: LockedToolchain): boolean {
  return entry.over !== undefined;
}

/**
 * Lock entries written before layers held a toolchain and its target packages in one: each is
 * read as the toolchain's entry (its packages, tools and cap) and the layer's over it (its
 * target packages), with the same pins. The old tree digest was of both trees in one and is
 * dropped: each is recorded anew. A toolchain entry the lock already has under that key is kept.
 */
export function splitCombined(
  entries: readonly LockedToolchain[],
): { toolchains: LockedToolchain[]; split: string[] } | { error: string } {
  const out: LockedToolchain[] = entries.filter((e) => e.target === undefined || isLayer(e));
  const split: string[] = [];
  for (const e of entries) {
    if (e.target === undefined || isLayer(e)) continue;
    const over = toolchainKeyOf(e.key);
    if (over === e.key)
      return { error: `${e.key}: an entry with target packages names none in its key` };
    if (!out.some((t) => t.key === over))
      out.push({
        key: over,
        release: e.release,
        packages: e.packages,
        ...(e.tools === undefined ? {} : { tools: e.tools }),
        ...(e.cap === undefined ? {} : { cap: e.cap }),
      });
    out.push({ key: e.key, release: e.release, packages: [], over, target: e.target });
    split.push(e.key);
  }
  return { toolchains: out.sort((a, b) => a.key.localeCompare(b.key)), split };
}

export interface LayerEntry {
  path: string;
  type: 'dir' | 'file' | 'symlink';
  mode?: number;
}

/**
 * The composed tree's entries (sorted by path), each with where it comes from: the toolchain's
 * tree and the layer's, merged. A path both have must be the same in both (a directory, or the
 * same file or link: `same`): a layer never replaces a file of the toolchain (a capped glibc,
 * the compiler), nor puts a file where the toolchain has a directory.
 */
export function mergeLayer<E extends LayerEntry>(
  base: readonly E[],
  layer: readonly E[],
  same: (a: E, b: E) => boolean,
): { entries: { entry: E; from: 'base' | 'layer' }[] } | { error: string } {
  const merged = new Map<string, { entry: E; from: 'base' | 'layer' }>();
  for (const entry of base) merged.set(entry.path, { entry, from: 'base' });
  for (const entry of layer) {
    const there = merged.get(entry.path)?.entry;
    if (there === undefined) merged.set(entry.path, { entry, from: 'layer' });
    else if (there.type !== entry.type || (entry.type !== 'dir' && !same(there, entry)))
      return {
        error: `the packages' ${entry.path} (a ${entry.type}) would replace the toolchain's (a ${there.type})`,
      };
  }
  const entries = [...merged.values()].sort((a, b) =>
    a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : 0,
  );
  return { entries };
}
