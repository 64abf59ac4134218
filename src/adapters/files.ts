/** Files on disk: expanding the CLI's paths, directories and globs; reading byte ranges. */
import { glob } from 'tinyglobby';
import { open, readdir, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';

export interface Candidate {
  path: string;
  /** Named on the command line (a non-ELF file is then an error, not skipped). */
  explicit: boolean;
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
    out.push({ arg, candidates: fresh.map((path) => ({ path, explicit })), missing });
  }
  return out;
}

async function expandOne(
  arg: string,
): Promise<{ paths: string[]; explicit: boolean; missing: string | null }> {
  const info = await stat(arg).catch(() => null);
  if (info?.isFile() === true) return { paths: [arg], explicit: true, missing: null };
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
      onlyFiles: true,
      followSymbolicLinks: false,
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
    else if (entry.isFile()) out.push(path);
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
