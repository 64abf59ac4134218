/**
 * A package set composed with the toolchain it goes over (layers.ts): one more directory in the
 * tool cache, `<toolchain's tool>/<its version>.p<the set's content hash>/<arch>`, laid out like
 * any install (`root`, `bin` with the wrappers, a manifest and the `.complete` marker beside it),
 * whose `root` is the toolchain's tree and the set's, merged, every file a hard link to theirs.
 * So the wrappers, `--sysroot`, pkg-config and the smoke run see one sysroot as they always did,
 * and the compiler is on disk once for every package list. It is not locked (its parts are) nor
 * saved to the Actions cache (its parts are): it is made again from them in seconds, whenever a
 * part was installed anew or it no longer is the very files of its parts.
 */
import { readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { checkComposed, composeTree, type ComposedEntry } from '../adapters/compose-tree.js';
import { withInstallLock } from '../adapters/install-lock.js';
import { ensureWrappers } from '../adapters/wrapper-files.js';
import type { TreeEntry, TreeManifest } from '../adapters/tree-hash.js';
import { mergeLayer } from '../domain/toolchain/layers.js';
import { contentHash, contentIdentity } from '../domain/toolchain/lockfile.js';
import type { Wrappers } from '../domain/toolchain/wrappers.js';
import { InstallError, type Installed, type InstallOptions } from './install-options.js';
import {
  commitInstall,
  layoutProblems,
  manifestPath,
  startStaging,
  treeDigest,
  type InstallManifest,
} from './install-tree.js';

/** The toolchain (`base`) and the package set (`layer`), each installed and checked. */
export async function composeLayer(
  base: Installed,
  layer: Installed,
  wrappers: Wrappers,
  o: InstallOptions,
): Promise<Installed> {
  const versionDir = `${dirname(base.dir)}.p${contentHash(contentIdentity(layer.entry))}`;
  const dir = join(versionDir, basename(base.dir));
  const [b, l] = await Promise.all([manifestOf(base.dir), manifestOf(layer.dir)]);
  const entries = merged(b.tree, l.tree, base, layer);
  // The owners of the archives and objects of both trees (the layer's over the toolchain's).
  const owners =
    b.owners === undefined || l.owners === undefined ? undefined : { ...b.owners, ...l.owners };
  const content = `${contentIdentity(base.entry)}\nover which\n${contentIdentity(layer.entry)}`;
  const manifest: InstallManifest = {
    content,
    tree: entries.map((e) => e.entry),
    ...(owners && { owners }),
  };
  // A part installed anew has new files: the composition of the old ones is no longer theirs.
  const fresh = !base.cacheHit || !layer.cacheHit;
  const intact = async (): Promise<boolean> =>
    !fresh && (await composedProblems(dir, manifest, entries)).length === 0;
  if (!(await intact()))
    await withInstallLock(
      join(o.toolCache.stateRoot, 'install.lock'),
      (owner) => {
        o.report.info(`waiting for another install in this tool cache to finish (pid ${owner})`);
      },
      async () => {
        if (!(await intact())) await compose(dir, manifest, entries, o);
      },
    );
  if (await ensureWrappers(dir, wrappers))
    o.report.info(`wrote the cc and c++ wrappers in ${join(dir, 'bin')}`);
  return {
    dir,
    entry: layer.entry,
    cacheHit: base.cacheHit && layer.cacheHit,
    wroteLockfile: base.wroteLockfile || layer.wroteLockfile,
    toSave: [...base.toSave, ...layer.toSave],
  };
}

/** The two trees' manifests merged, each entry with the root it comes from. */
function merged(
  b: TreeManifest,
  l: TreeManifest,
  base: Installed,
  layer: Installed,
): ComposedEntry[] {
  const same = (x: TreeEntry, y: TreeEntry): boolean => JSON.stringify(x) === JSON.stringify(y);
  const m = mergeLayer(b, l, same);
  if ('error' in m) throw new InstallError(`${layer.entry.key}: ${m.error}`);
  const roots = { base: join(base.dir, 'root'), layer: join(layer.dir, 'root') };
  return m.entries.map(({ entry, from }) => ({ entry, from: roots[from] }));
}

/** An install's manifest, read once per composition. */
async function manifestOf(dir: string): Promise<InstallManifest> {
  return JSON.parse(await readFile(manifestPath(dir), 'utf8')) as InstallManifest;
}

async function composedProblems(
  dir: string,
  want: InstallManifest,
  entries: readonly ComposedEntry[],
): Promise<string[]> {
  const layout = await layoutProblems(dir, true);
  if (layout.length > 0) return layout;
  const had = await readFile(manifestPath(dir), 'utf8')
    .then((t) => JSON.parse(t) as InstallManifest)
    .catch(() => null);
  if (had?.content !== want.content || treeDigest(had.tree) !== treeDigest(want.tree))
    return ['composed of other installs'];
  if (want.owners !== undefined && had.owners === undefined)
    return ["its packages' files are not recorded"];
  return checkComposed(join(dir, 'root'), entries);
}

async function compose(
  dir: string,
  manifest: InstallManifest,
  entries: readonly ComposedEntry[],
  o: InstallOptions,
): Promise<void> {
  const started = Date.now();
  const staging = await startStaging(dir);
  try {
    const { copied } = await composeTree(join(staging, 'root'), entries);
    await commitInstall(staging, dir, manifest);
    const files = entries.filter((e) => e.entry.type === 'file').length;
    o.report.info(
      `composed the sysroot with the packages in ${dir}: ${files} files of the toolchain and the packages${copied > 0 ? `, ${copied} of them copied (not on one file system with them)` : ', hard-linked'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
