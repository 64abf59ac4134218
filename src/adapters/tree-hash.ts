/**
 * The content manifest of an installed tree, and the check of a tree against it on every cache
 * hit. The hashing is split by bytes between this thread and a worker per further core: SHA-256
 * of a toolchain (170–740 MB) is CPU-bound, and `node:crypto` hashes on the calling thread.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, lstatSync, openSync, readSync } from 'node:fs';
import { readdir, readlink } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** `mode`: the permission bits (a symlink's are meaningless on Linux and not kept). */
export type TreeEntry =
  | { path: string; type: 'dir'; size: 0; mode: number }
  | { path: string; type: 'file'; size: number; sha256: string; mode: number }
  | { path: string; type: 'symlink'; size: number; linkTarget: string };

/** Sorted by path (code-unit order); paths relative to the root, `/`-separated. */
export type TreeManifest = TreeEntry[];

export class TreeError extends Error {
  override name = 'TreeError';
}

export interface Walked {
  path: string;
  type: 'dir' | 'file' | 'symlink' | 'other';
  size: number;
  mode: number;
  /** Device, inode, and modification and change times in ns: what any write to it changes. */
  stamp: string;
}

const stampOf = (path: string): { stamp: string; size: number; mode: number } => {
  const st = lstatSync(path, { bigint: true });
  return {
    stamp: `${st.dev} ${st.ino} ${st.mtimeNs} ${st.ctimeNs}`,
    size: Number(st.size),
    mode: Number(st.mode) & 0o7777,
  };
};

/** Every entry under root (not following links), sorted by path. */
export async function walk(root: string): Promise<Walked[]> {
  const out: Walked[] = [];
  const visit = async (rel: string): Promise<void> => {
    const dirents = await readdir(join(root, rel), { withFileTypes: true });
    const subdirs: string[] = [];
    for (const d of dirents) {
      const p = rel === '' ? d.name : `${rel}/${d.name}`;
      if (d.isDirectory()) {
        const st = stampOf(join(root, p));
        out.push({ path: p, type: 'dir', size: 0, mode: st.mode, stamp: st.stamp });
        subdirs.push(p);
      } else if (d.isFile() || d.isSymbolicLink()) {
        const st = stampOf(join(root, p));
        out.push({ path: p, type: d.isFile() ? 'file' : 'symlink', ...st });
      } else out.push({ path: p, type: 'other', size: 0, mode: 0, stamp: '' });
    }
    await Promise.all(subdirs.map(visit));
  };
  await visit('');
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** What `hashPaths` uses, passed in: the workers run its source text, where nothing is imported. */
interface HashIo {
  createHash: typeof createHash;
  openSync: typeof openSync;
  readSync: typeof readSync;
  closeSync: typeof closeSync;
  /** Read-only, and neither through a link nor waiting on a fifo put where a file was walked. */
  flags: number;
}

const FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
const IO: HashIo = { createHash, openSync, readSync, closeSync, flags: FLAGS };

/** SHA-256 hex of each file, or `error: …` for one that cannot be read. Also run in the workers
 * as source text (so the bundle needs no second entry point): it names nothing from outside. */
function hashPaths(paths: readonly string[], io: HashIo): string[] {
  const buffer = Buffer.allocUnsafe(1 << 20);
  return paths.map((path) => {
    let fd = -1;
    try {
      fd = io.openSync(path, io.flags);
      const hash = io.createHash('sha256');
      for (let n = io.readSync(fd, buffer); n > 0; n = io.readSync(fd, buffer))
        hash.update(buffer.subarray(0, n));
      return hash.digest('hex');
    } catch (e) {
      return `error: ${(e as Error).message}`;
    } finally {
      if (fd >= 0) io.closeSync(fd);
    }
  });
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { closeSync, openSync, readSync } = require('node:fs');
const hashPaths = ${hashPaths.toString()};
parentPort.postMessage(
  hashPaths(workerData.paths, { createHash, openSync, readSync, closeSync, flags: workerData.flags }),
);
`;

/** Below this many bytes a worker's start (about 20 ms) costs more than it saves. */
const PARALLEL_BYTES = 32 << 20;
const MAX_WORKERS = 3;

function inWorker(paths: readonly string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { paths, flags: FLAGS } });
    worker.once('message', (hashes: string[]) => {
      resolve(hashes);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      reject(new TreeError(`the hashing worker exited (${String(code)})`));
    });
  });
}

/**
 * Each file's SHA-256 hex (or `error: …`), in input order; big jobs spread over the cores
 * (`laneCount`: this thread and laneCount − 1 workers; by default one per core, at most 4).
 */
export async function hashFiles(
  files: readonly { path: string; size: number }[],
  laneCount?: number,
): Promise<string[]> {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const count =
    laneCount ?? (total < PARALLEL_BYTES ? 1 : Math.min(MAX_WORKERS + 1, availableParallelism()));
  if (count <= 1)
    return hashPaths(
      files.map((f) => f.path),
      IO,
    );
  // Largest first, each to the lane with the fewest bytes so far.
  const lanes = Array.from({ length: count }, () => ({
    bytes: 0,
    paths: [] as string[],
    at: [] as number[],
  }));
  const order = files.map((f, at) => ({ ...f, at })).sort((x, y) => y.size - x.size);
  for (const f of order) {
    const lane = lanes.reduce((min, l) => (l.bytes < min.bytes ? l : min));
    lane.bytes += f.size;
    lane.paths.push(f.path);
    lane.at.push(f.at);
  }
  const [own, ...others] = lanes;
  const working = others.map((lane) => inWorker(lane.paths));
  const results = [
    own === undefined ? [] : hashPaths(own.paths, IO),
    ...(await Promise.all(working)),
  ];
  const hashes = new Array<string>(files.length).fill('');
  lanes.forEach((lane, l) => {
    lane.at.forEach((at, k) => {
      hashes[at] = results[l]?.[k] ?? '';
    });
  });
  return hashes;
}

export async function hashTree(root: string): Promise<TreeManifest> {
  const walked = await walk(root);
  const special = walked.find((w) => w.type === 'other');
  if (special !== undefined) throw new TreeError(`${join(root, special.path)} is a special file`);
  const files = walked.filter((w) => w.type === 'file');
  const hashes = await hashFiles(files.map((f) => ({ path: join(root, f.path), size: f.size })));
  const sha = new Map(files.map((f, i) => [f.path, hashes[i] ?? '']));
  const out: TreeEntry[] = [];
  for (const w of walked) {
    if (w.type === 'file') {
      const sha256 = sha.get(w.path) ?? '';
      if (sha256.startsWith('error: '))
        throw new TreeError(`cannot read ${join(root, w.path)}: ${sha256.slice(7)}`);
      out.push({ path: w.path, type: 'file', size: w.size, sha256, mode: w.mode });
    } else if (w.type === 'symlink')
      out.push({
        path: w.path,
        type: 'symlink',
        size: w.size,
        linkTarget: await readlink(join(root, w.path)),
      });
    else out.push({ path: w.path, type: 'dir', size: 0, mode: w.mode });
  }
  return out;
}

/** The digest of a walked tree's entries with their stamps (verifyTree's `stamps`). */
export function stampsOf(walked: readonly Walked[]): string {
  const digest = createHash('sha256');
  for (const w of walked) digest.update(`${w.path}\0${w.type} ${w.mode} ${w.size} ${w.stamp}\n`);
  return digest.digest('hex');
}

/**
 * Differences between root and its manifest: `changed:`, `missing:` and `extra:` paths. `stamps`:
 * the digest of every entry's stamp when the tree last matched (verifiedStamps); when the tree's
 * stamps are still those, no file was written since and the contents are not hashed again. Any
 * write changes a file's change time, which no user can set back. Returns the stamps' digest too,
 * to record when the tree matched.
 */
export async function verifyTree(
  root: string,
  manifest: TreeManifest,
  stamps: string | null = null,
): Promise<{ problems: string[]; stamps: string }> {
  const walked = await walk(root).catch((e: unknown) => {
    throw new TreeError(`cannot read ${root}: ${(e as Error).message}`);
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
  const current = stampsOf(walked);
  if (problems.length === 0 && stamps === current) return { problems, stamps: current };
  const hashes = await hashFiles(toHash.map((f) => ({ path: join(root, f.path), size: f.size })));
  toHash.forEach((f, i) => {
    if (hashes[i] !== f.sha256) problems.push(`changed: ${f.path} (content)`);
  });
  return { problems: problems.sort(), stamps: current };
}
