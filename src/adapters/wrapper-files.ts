/**
 * Writes the `cc` / `c++` / `pkg-config` wrapper scripts into `<dir>/bin` when they differ from what they should
 * be. Never through a link: a `bin` that is not a plain directory is removed and made anew, and
 * each script is created fresh (O_EXCL, O_NOFOLLOW) under a private name, then renamed over the
 * old one, which replaces a planted link instead of writing where it points.
 */
import { constants } from 'node:fs';
import { lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Wrappers } from '../domain/toolchain/wrappers.js';

export const WRAPPER_NAMES = ['cc', 'c++', 'pkg-config'] as const;

/** True when a file was (re)written. */
export async function ensureWrappers(dir: string, wrappers: Wrappers): Promise<boolean> {
  const bin = join(dir, 'bin');
  const st = await lstat(bin).catch(() => null);
  if (st !== null && !st.isDirectory()) await rm(bin, { recursive: true, force: true });
  await mkdir(bin, { recursive: true });
  let wrote = false;
  for (const [name, text] of [
    ['cc', wrappers.cc],
    ['c++', wrappers.cxx],
    ['pkg-config', wrappers.pkgConfig],
  ] as const) {
    const path = join(bin, name);
    if ((await readPlainFile(path)) === text) continue;
    const tmp = `${path}.${process.pid}.tmp`;
    await rm(tmp, { recursive: true, force: true });
    const file = await open(
      tmp,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
      0o755,
    );
    try {
      await file.writeFile(text);
      await file.chmod(0o755);
    } finally {
      await file.close();
    }
    await rename(tmp, path);
    wrote = true;
  }
  return wrote;
}

/** A regular file's text, or null for anything else (a link is not followed). */
async function readPlainFile(path: string): Promise<string | null> {
  const file = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW).catch(() => null);
  if (file === null) return null;
  try {
    return (await file.stat()).isFile() ? await file.readFile('utf8') : null;
  } finally {
    await file.close();
  }
}
