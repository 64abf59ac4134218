/** Locked Debian packages into the package cache, each from the first mirror with the right bytes. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { downloadFromMirrors } from '../adapters/download.js';
import { removeDeadLeftovers } from '../adapters/leftovers.js';
import type { LockedPackage } from '../domain/toolchain/lockfile.js';
import type { Mirror } from '../domain/toolchain/mirrors.js';

/** Where a locked package is kept in the package cache `debsDir`. */
export function debPath(debsDir: string, p: LockedPackage): string {
  return join(debsDir, p.filename.split('/').at(-1) ?? `${p.name}.deb`);
}

/** The local paths of `packages`, in order. Mirrors are asked for only when a download is due. */
export async function fetchDebs(
  packages: readonly LockedPackage[],
  mirrorsOf: () => Promise<Mirror[]>,
  debsDir: string,
  log: (line: string) => void,
): Promise<string[]> {
  await mkdir(debsDir, { recursive: true });
  // Killed installs leave unpacked packages and cut downloads here (see leftovers.ts).
  const left = await removeDeadLeftovers(debsDir);
  if (left.files.length > 0)
    log(
      `removed ${left.files.length} files (${(left.bytes / 1e6).toFixed(0)} MB) left in ${debsDir} by killed installs`,
    );
  let mirrors: string[] | null = null;
  const served = new Map<string, number>();
  const passedOver = new Set<string>();
  const paths: string[] = [];
  for (const p of packages) {
    const dest = debPath(debsDir, p);
    paths.push(dest);
    mirrors ??= (await mirrorsOf()).map((m) => m.uri);
    const got = await downloadFromMirrors(
      { path: p.filename, dest, sha256: p.sha256, size: p.size, name: p.name, version: p.version },
      mirrors,
    );
    for (const why of got.passedOver) passedOver.add(why);
    if (got.mirror === null) continue;
    served.set(got.mirror, (served.get(got.mirror) ?? 0) + 1);
    // The mirror that answered goes first for the next package: no time lost on a dead one.
    mirrors = [got.mirror, ...mirrors.filter((m) => m !== got.mirror)];
  }
  for (const why of passedOver) log(`passed over ${why}`);
  for (const [mirror, n] of served)
    log(`downloaded ${n} package${n === 1 ? '' : 's'} from ${mirror}`);
  return paths;
}
