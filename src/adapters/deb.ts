/**
 * Safe extraction of .deb packages into a relocatable tree, absolute symlinks rewritten into
 * the tree, and a content manifest to detect a tampered installed tree on every cache hit.
 */
import { createHash } from 'node:crypto';
import { createReadStream, lstatSync, readFileSync } from 'node:fs';
import {
  chmod,
  lstat,
  open,
  readdir,
  readlink,
  realpath,
  rename,
  rm,
  symlink,
} from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { mapLimit } from '../util/map-limit.js';
import { execQuiet } from './exec.js';
import { isNoSpace, noSpaceMessage } from './disk-space.js';
import { basename, dirname, isAbsolute, join, posix, relative, sep } from 'node:path';
import { checkEntries, parseDebContents } from '../domain/toolchain/apt-sources.js';

export class DebError extends Error {
  override name = 'DebError';
}

/** A tool failed because the disk it wrote to is full (its message says so). */
class ToolNoSpace extends DebError {}

/** `mode`: the permission bits (a symlink's are meaningless on Linux and not kept). */
export type TreeEntry =
  | { path: string; type: 'dir'; size: 0; mode: number }
  | { path: string; type: 'file'; size: number; sha256: string; mode: number }
  | { path: string; type: 'symlink'; size: number; linkTarget: string };

/** setuid, setgid and world-writable: never wanted in a toolchain, dropped on extraction. */
const UNSAFE_MODE_BITS = 0o6002;

/** Sorted by path (code-unit order); paths relative to the root, `/`-separated. */
export type TreeManifest = TreeEntry[];

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
 */
export async function extractDeb(debPath: string, root: string): Promise<{ entries: number }> {
  const tarFile = join(dirname(debPath), `.${basename(debPath)}.${process.pid}.tar`);
  try {
    return await extractVia(debPath, tarFile, root);
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
): Promise<{ entries: number }> {
  const name = basename(debPath);
  const listing = await run('dpkg-deb', ['--fsys-tarfile', debPath], tarFile)
    .then(() => run('tar', ['-tvf', tarFile]))
    .catch(async (e: unknown) => {
      // Only the unpacked data is written, next to the package.
      if (diskFull(e)) throw await fullDisk(dirname(tarFile), `unpacking ${name}`);
      throw new DebError(`cannot read package ${name}: ${(e as Error).message}`);
    });
  const entries = parseDebContents(listing);
  const problems = checkEntries(entries);
  if (problems.length > 0)
    throw new DebError(
      `refusing to extract ${name}: unsafe entry ${problems[0] ?? ''}` +
        (problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''),
    );
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
  const tarArgs = ['-xf', tarFile, '-C', root, '--no-same-owner', '--warning=no-timestamp'];
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
  return { entries: entries.length };
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

interface Walked {
  path: string;
  type: 'dir' | 'file' | 'symlink' | 'other';
  size: number;
  mode: number;
}

async function walk(root: string): Promise<Walked[]> {
  const out: Walked[] = [];
  const visit = async (rel: string): Promise<void> => {
    const dirents = await readdir(join(root, rel), { withFileTypes: true });
    const subdirs: string[] = [];
    for (const d of dirents) {
      const p = rel === '' ? d.name : `${rel}/${d.name}`;
      if (d.isDirectory()) {
        out.push({ path: p, type: 'dir', size: 0, mode: lstatSync(join(root, p)).mode & 0o7777 });
        subdirs.push(p);
      } else if (d.isFile() || d.isSymbolicLink()) {
        const st = lstatSync(join(root, p));
        const type = d.isFile() ? 'file' : 'symlink';
        out.push({ path: p, type, size: st.size, mode: st.mode & 0o7777 });
      } else out.push({ path: p, type: 'other', size: 0, mode: 0 });
    }
    await Promise.all(subdirs.map(visit));
  };
  await visit('');
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Small files in one read (most of a toolchain), large ones streamed in 1 MiB chunks. */
async function hashFile(path: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  if (size <= 1 << 20) return hash.update(readFileSync(path)).digest('hex');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Hashing is I/O-bound: a few more readers than cores, within reason. */
const HASH_READERS = Math.max(2, Math.min(8, availableParallelism()));

export async function hashTree(root: string): Promise<TreeManifest> {
  const walked = await walk(root);
  const special = walked.find((w) => w.type === 'other');
  if (special !== undefined) throw new DebError(`${join(root, special.path)} is a special file`);
  return mapLimit(walked, HASH_READERS, async (w): Promise<TreeEntry> => {
    const at = join(root, w.path);
    if (w.type === 'file') {
      const sha256 = await hashFile(at, w.size);
      return { path: w.path, type: 'file', size: w.size, sha256, mode: w.mode };
    }
    if (w.type === 'symlink')
      return { path: w.path, type: 'symlink', size: w.size, linkTarget: await readlink(at) };
    return { path: w.path, type: 'dir', size: 0, mode: w.mode };
  });
}

/** Differences between root and its manifest: `changed:`, `missing:` and `extra:` paths. */
export async function verifyTree(root: string, manifest: TreeManifest): Promise<string[]> {
  const walked = await walk(root).catch((e: unknown) => {
    throw new DebError(`cannot read ${root}: ${(e as Error).message}`);
  });
  const now = new Map(walked.map((w) => [w.path, w]));
  const problems: string[] = [];
  const toHash: { path: string; sha256: string; size: number }[] = [];
  for (const m of manifest) {
    const w = now.get(m.path);
    now.delete(m.path);
    if (w === undefined) problems.push(`missing: ${m.path}`);
    else if (w.type !== m.type)
      problems.push(`changed: ${m.path} (was a ${m.type}, now a ${w.type})`);
    else if (m.type !== 'symlink' && w.mode !== m.mode)
      problems.push(`changed: ${m.path} (mode ${w.mode.toString(8)})`);
    else if (m.type === 'file' && w.size !== m.size) problems.push(`changed: ${m.path} (size)`);
    else if (m.type === 'file') toHash.push({ path: m.path, sha256: m.sha256, size: m.size });
    else if (m.type === 'symlink' && (await readlink(join(root, m.path))) !== m.linkTarget)
      problems.push(`changed: ${m.path} (symlink target)`);
  }
  for (const w of now.values()) problems.push(`extra: ${w.path}`);
  const hashes = await mapLimit(toHash, HASH_READERS, (f) =>
    hashFile(join(root, f.path), f.size).catch(() => ''),
  );
  toHash.forEach((f, i) => {
    if (hashes[i] !== f.sha256) problems.push(`changed: ${f.path} (content)`);
  });
  return problems.sort();
}
