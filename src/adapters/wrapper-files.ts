/** Writes the `cc` / `c++` wrapper scripts into `<dir>/bin` when they differ from what they should be. */
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Wrappers } from '../domain/toolchain/wrappers.js';

/** True when a file was (re)written. Each file is replaced whole (write, then rename). */
export async function ensureWrappers(dir: string, wrappers: Wrappers): Promise<boolean> {
  const bin = join(dir, 'bin');
  await mkdir(bin, { recursive: true });
  let wrote = false;
  for (const [name, text] of [
    ['cc', wrappers.cc],
    ['c++', wrappers.cxx],
  ] as const) {
    const path = join(bin, name);
    if ((await readFile(path, 'utf8').catch(() => null)) === text) continue;
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, text);
    await chmod(tmp, 0o755);
    await rename(tmp, path);
    wrote = true;
  }
  return wrote;
}
