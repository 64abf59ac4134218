/** Files on disk: expanding the CLI's paths, directories and globs; reading byte ranges. */
import { glob } from 'tinyglobby';
import { lstat, open, readdir, readlink, realpath, stat } from 'node:fs/promises';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { ByteSource } from '../domain/elf/segments.js';

export interface Candidate {
  path: string;
  /** Named on the command line (a non-ELF file is then an error, not skipped). */
  explicit: boolean;
  /** `path` is a symlink: the regular file it leads to. */
  linkTarget?: string;
  /** Why it cannot be judged (a symlink loop, a link to nothing). */
  problem?: string;
}

/** What a path found or named is: a regular file (maybe through links), a problem, or neither. */
async function classify(path: string, explicit: boolean): Promise<Candidate | null> {
  const own = await lstat(path).catch(() => null);
  if (own === null) return null;
  if (own.isFile()) return { path, explicit };
  if (!own.isSymbolicLink()) return null;
  const target = await stat(path).catch((error: unknown) => error as NodeJS.ErrnoException);
  if (target instanceof Error) {
    if (target.code === 'ELOOP')
      return { path, explicit, problem: 'a symlink loop (too many levels of symbolic links)' };
    const to = await readlink(path).catch(() => '?');
    return explicit || target.code !== 'ENOENT'
      ? {
          path,
          explicit,
          problem: `a symlink to ${to}, which cannot be opened (${target.code ?? 'error'})`,
        }
      : null;
  }
  if (!target.isFile()) return null;
  return { path, explicit, linkTarget: await realpath(path) };
}

/** What one command-line argument expanded to; `missing` says why it matched nothing. */
export interface Expansion {
  arg: string;
  candidates: Candidate[];
  missing: string | null;
}

const GLOB_CHARS = /[*?[\]{}]/;
const SKIP_DIRS = new Set(['.git', 'node_modules']);

export async function expandInputs(args: readonly string[]): Promise<Expansion[]> {
  const seen = new Set<string>();
  const out: Expansion[] = [];
  for (const arg of args) {
    const { paths, explicit, missing } = await expandOne(arg);
    const fresh = paths.filter((path) => !seen.has(path));
    for (const path of fresh) seen.add(path);
    const classified = await Promise.all(fresh.map((path) => classify(path, explicit)));
    const candidates = classified.filter((c): c is Candidate => c !== null);
    const none = missing === null && fresh.length > 0 && candidates.length === 0;
    out.push({ arg, candidates, missing: none ? 'matched no regular files' : missing });
  }
  return out;
}

async function expandOne(
  arg: string,
): Promise<{ paths: string[]; explicit: boolean; missing: string | null }> {
  const info = await stat(arg).catch(() => null);
  if (info?.isFile() === true) return { paths: [arg], explicit: true, missing: null };
  if (info === null && (await lstat(arg).catch(() => null))?.isSymbolicLink() === true)
    return { paths: [arg], explicit: true, missing: null }; // a loop or a link to nothing
  if (info?.isDirectory() === true) {
    const paths = await walk(arg);
    return {
      paths,
      explicit: false,
      missing: paths.length === 0 ? 'directory holds no files' : null,
    };
  }
  if (info !== null)
    return { paths: [], explicit: true, missing: 'not a regular file or directory' };
  if (!GLOB_CHARS.test(arg))
    return { paths: [], explicit: true, missing: 'no such file or directory' };
  // tinyglobby rather than @actions/glob: the latter prints ::debug:: lines on stdout, which
  // would corrupt the CLI's JSON output.
  const paths = (
    await glob(arg, {
      absolute: isAbsolute(arg),
      // Links to files too; tinyglobby skips loops and links to nothing, and does not walk a
      // directory cycle twice.
      onlyFiles: true,
      followSymbolicLinks: true,
      expandDirectories: false,
    })
  ).sort();
  return {
    paths,
    explicit: false,
    missing: paths.length === 0 ? 'pattern matched no files' : null,
  };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) out.push(...(await walk(path)));
    else if (entry.isFile() || entry.isSymbolicLink()) out.push(path);
  }
  return out;
}

export async function fileSize(path: string): Promise<number> {
  return (await stat(path)).size;
}

/** Up to `length` bytes from `offset`; fewer when the file ends first (nor allocated beyond it). */
export async function readRange(path: string, offset: number, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const available = Math.max(0, (await handle.stat()).size - offset);
    const buffer = new Uint8Array(Math.min(length, available));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Runs `fn` with synchronous reads of one open file: the loader view reads a few small tables
 * field by field, where an await per read would cost more than the reading.
 */
export function withFileBytes<T>(path: string, fn: (source: ByteSource, size: number) => T): T {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const source: ByteSource = (offset, length) => {
      const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      const read = buffer.length === 0 ? 0 : readSync(fd, buffer, 0, buffer.length, offset);
      return buffer.subarray(0, read);
    };
    return fn(source, size);
  } finally {
    closeSync(fd);
  }
}
