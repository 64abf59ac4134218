/**
 * Safe extraction of .deb packages into a relocatable tree, absolute symlinks rewritten into
 * the tree (the content manifest of a tree is in tree-hash.ts).
 */
import { chmod, lstat, open, readlink, realpath, rename, rm, symlink } from 'node:fs/promises';
import { walk } from './tree-hash.js';
import { execQuiet } from './exec.js';
import { isNoSpace, noSpaceMessage } from './disk-space.js';
import { keepData, keptData } from './unpack-cache.js';
import { basename, dirname, isAbsolute, join, posix, relative, sep } from 'node:path';
import { checkEntries, parseDebContents, type DebEntry } from '../domain/toolchain/apt-sources.js';

/** What an extraction wrote: its entries, and the archives and objects among them (`usr/lib/…/libpcap.a`). */
export interface Extracted {
  entries: number;
  linkInputs: string[];
}

/** The package a .deb holds, by Debian's file name (`libpcap0.8-dev_1.10.0-2_arm64.deb`). */
export const debPackageName = (debPath: string): string => basename(debPath).split('_')[0] ?? '';

/**
 * Extracts the packages in order into `root`; by path, the package each archive and object in the
 * tree came from (the SBOM's owners of a link's inputs; a later package's file wins, as on disk).
 */
export async function extractDebs(
  debs: readonly string[],
  root: string,
): Promise<Record<string, string>> {
  const owners: Record<string, string> = {};
  for (const deb of debs)
    for (const path of (await extractDeb(deb, root)).linkInputs) owners[path] = debPackageName(deb);
  return owners;
}

export class DebError extends Error {
  override name = 'DebError';
}

/** A tool failed because the disk it wrote to is full (its message says so). */
class ToolNoSpace extends DebError {}

/** setuid, setgid and world-writable: never wanted in a toolchain, dropped on extraction. */
const UNSAFE_MODE_BITS = 0o6002;

/** Runs a tool with LC_ALL=C: its stdout as text, or into `toFile`; failures as one line. */
async function run(cmd: string, args: string[], toFile?: string): Promise<string> {
  // Into a file: the shell redirects, so a large tar never passes through this process.
  if (toFile !== undefined) await (await open(toFile, 'w', 0o600)).close();
  const r =
    toFile === undefined
      ? await execQuiet(cmd, args)
      : await execQuiet('sh', ['-c', '"$@" > "$0"', toFile, cmd, ...args]);
  if (r.exitCode === 0) return r.stdout;
  if (r.failure?.endsWith('not found') === true || r.exitCode === 127)
    throw new DebError(`${cmd} not found (install dpkg and tar)`);
  const last = r.stderr.trim().split('\n').at(-1);
  // The last line of a full disk is "subprocess returned error exit status 2" or "Exiting with
  // failure status": the cause is further up.
  throw new (isNoSpace(r.stderr) ? ToolNoSpace : DebError)(
    last !== undefined && last !== ''
      ? last
      : `${cmd} exited ${r.exitCode === null ? (r.failure ?? 'on a signal') : String(r.exitCode)}`,
  );
}

const parts = (p: string): string[] => p.split('/').filter((c) => c !== '' && c !== '.');
const inside = (root: string, p: string): boolean => p === root || p.startsWith(root + sep);

/**
 * Unpacks the package's data once (`dpkg-deb --fsys-tarfile`, next to the .deb), lists that tar,
 * refuses unsafe entries, extracts exactly the listed bytes and relocates the new symlinks.
 * `only`: the files and links to extract (paths like `usr/bin/x`), with the directories that lead
 * to them as the package has them; everything else of the package stays out of the tree.
 */
export async function extractDeb(
  debPath: string,
  root: string,
  only?: (path: string) => boolean,
): Promise<Extracted> {
  const tarFile = join(dirname(debPath), `.${basename(debPath)}.${process.pid}.tar`);
  try {
    return await extractVia(debPath, tarFile, root, only);
  } catch (error) {
    // A full disk met by the file operations after tar (modes, relocated links): in the tree.
    if (isNoSpace(error)) throw await fullDisk(root, `extracting ${basename(debPath)}`);
    throw error;
  } finally {
    await rm(tarFile, { force: true });
  }
}

const diskFull = (e: unknown): boolean => e instanceof ToolNoSpace || isNoSpace(e);
const fullDisk = async (dir: string, doing: string): Promise<DebError> =>
  new DebError(await noSpaceMessage(dir, doing));

async function extractVia(
  debPath: string,
  tarFile: string,
  root: string,
  only: ((path: string) => boolean) | undefined,
): Promise<Extracted> {
  const name = basename(debPath);
  const kept = await keptData(debPath);
  const data = kept !== null && 'path' in kept ? kept.path : tarFile;
  const listing = await (
    data === tarFile
      ? run('dpkg-deb', ['--fsys-tarfile', debPath], tarFile).then(async () => {
          if (kept !== null && 'key' in kept) await keepData(kept.key, tarFile);
        })
      : Promise.resolve()
  )
    .then(() => run('tar', ['-tvf', data]))
    .catch(async (e: unknown) => {
      // Only the unpacked data is written, next to the package.
      if (diskFull(e)) throw await fullDisk(dirname(tarFile), `unpacking ${name}`);
      throw new DebError(`cannot read package ${name}: ${(e as Error).message}`);
    });
  const listed = parseDebContents(listing);
  const problems = checkEntries(listed);
  if (problems.length > 0)
    throw new DebError(
      `refusing to extract ${name}: unsafe entry ${problems[0] ?? ''}` +
        (problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''),
    );
  const entries = only === undefined ? listed : selected(listed, only);
  // Directories already in the root (from earlier packages) must not lead outside it.
  const realRoot = await realpath(root);
  const dirs = new Set<string>();
  for (const e of entries) {
    const p = parts(e.path);
    const t = e.type === 'hardlink' && e.linkTarget !== null ? parts(e.linkTarget) : [];
    for (const ps of [p, t]) for (let i = 1; i < ps.length; i++) dirs.add(ps.slice(0, i).join('/'));
  }
  for (const d of dirs) {
    const real = await realpath(join(root, d)).catch(() => null);
    if (real !== null && !inside(realRoot, real))
      throw new DebError(`refusing to extract ${name}: ${d} in ${root} leads outside it`);
  }
  const tarArgs = ['-xf', data, '-C', root, '--no-same-owner', '--warning=no-timestamp'];
  // Named members only, a directory without what it holds.
  if (only !== undefined) tarArgs.push('--no-recursion', '--', ...entries.map((e) => e.path));
  await run('tar', tarArgs).catch(async (e: unknown) => {
    if (diskFull(e)) throw await fullDisk(root, `extracting ${name}`);
    throw new DebError(`cannot extract ${name}: ${(e as Error).message}`);
  });
  for (const e of entries) {
    if (e.type !== 'file' && e.type !== 'dir') continue;
    const at = join(root, ...parts(e.path));
    const mode = (await lstat(at)).mode & 0o7777;
    if ((mode & UNSAFE_MODE_BITS) !== 0) await chmod(at, mode & ~UNSAFE_MODE_BITS);
  }
  const links = entries.filter((e) => e.type === 'symlink').map((e) => parts(e.path).join('/'));
  await relocate(root, links);
  const linkInputs = entries
    .filter((e) => e.type !== 'dir' && /\.[ao]$/.test(e.path))
    .map((e) => parts(e.path).join('/'));
  return { entries: entries.length, linkInputs };
}

/** The entries `only` keeps, and the directories on their way (none if it keeps nothing). */
function selected(entries: DebEntry[], only: (path: string) => boolean): DebEntry[] {
  const kept = new Set<string>();
  for (const e of entries) {
    const p = parts(e.path);
    if (e.type === 'dir' || !only(p.join('/'))) continue;
    // A hard link is extracted from the file it names.
    const t = e.type === 'hardlink' && e.linkTarget !== null ? parts(e.linkTarget) : [];
    for (const ps of [p, t])
      for (let i = 1; i <= ps.length; i++) kept.add(ps.slice(0, i).join('/'));
  }
  return entries.filter((e) => kept.has(parts(e.path).join('/')));
}

/** Every symlink under root: absolute targets rewritten relative into root; escapes refused. */
export async function relocateSymlinks(root: string): Promise<{ rewritten: number }> {
  const links = (await walk(root)).filter((e) => e.type === 'symlink').map((e) => e.path);
  return relocate(root, links);
}

async function relocate(root: string, links: string[]): Promise<{ rewritten: number }> {
  let rewritten = 0;
  for (const rel of links) {
    const at = join(root, rel);
    const target = await readlink(at);
    if (!isAbsolute(target)) continue;
    const fixed = relative(dirname(at), join(root, posix.normalize(target))) || '.';
    const tmp = `${at}.relocate-${process.pid}`;
    await rm(tmp, { force: true });
    await symlink(fixed, tmp);
    await rename(tmp, at);
    rewritten++;
  }
  for (const rel of links) {
    if (await escapes(root, rel))
      throw new DebError(
        `refusing symlink ${rel} -> ${await readlink(join(root, rel))}: it leaves ${root}`,
      );
  }
  return { rewritten };
}

/** Follows `rel` inside root component by component (symlinks included); true if it leaves. */
async function escapes(root: string, rel: string): Promise<boolean> {
  let pending = parts(rel);
  const resolved: string[] = [];
  for (let hops = 0; pending.length > 0;) {
    const [c = '', ...rest] = pending;
    pending = rest;
    if (c === '..') {
      if (resolved.pop() === undefined) return true;
      continue;
    }
    const here = join(root, ...resolved, c);
    const st = await lstat(here).catch(() => null);
    if (st?.isSymbolicLink() !== true) {
      resolved.push(c);
      continue;
    }
    const target = await readlink(here);
    if (isAbsolute(target) || ++hops > 40) return true;
    pending = [...parts(target), ...pending];
  }
  return false;
}
