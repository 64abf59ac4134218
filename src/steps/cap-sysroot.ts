/**
 * The post-processing step of a capped install (capping.ts): the release's glibc libraries in the
 * sysroot capped at the floor (glibc-cap.ts), the shims for what the floor lacks added to the
 * GROUP of its libc.so script, and libstdc++'s link-time library removed so that `-lstdc++`
 * takes the static one. Every change is a function of the locked bytes and the floor: the same
 * tree on every host.
 */
import { lstat, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { arArchive } from '../domain/toolchain/ar-archive.js';
import {
  CAP_MARKER,
  checkCap,
  SHIM_ARCHIVE,
  type CapMarker,
  shimsFor,
  withShimArchive,
  type LockedCap,
} from '../domain/toolchain/capping.js';
import { applyEdits, capGlibc } from '../domain/toolchain/glibc-cap.js';
import { SHIM_OBJECTS } from '../domain/toolchain/shim-objects.js';
import type { PlanBase } from '../domain/toolchain/kinds.js';
import { InstallError } from './install-options.js';
import type { PostStep } from './install-source.js';
import type { Report } from './report.js';

/** The step that caps the plan's sysroot at `floor` (the capped kind's, steps/kinds/capped.ts). */
export function capStep<F>(plan: PlanBase, floor: string, report: Report): PostStep<F> {
  return {
    run: async (root) => {
      const started = Date.now();
      const cap = await capSysroot(root, plan, floor);
      const hidden = (cap.libraries ?? []).reduce((n, l) => n + l.hidden, 0);
      report.info(
        `capped glibc ${plan.release.glibc} at ${floor}: ${hidden} newer defaults hidden in ${(cap.libraries ?? []).map((l) => l.name).join(', ')}${cap.shims?.length ? `; shims for ${cap.shims.join(', ')}` : ''}; libstdc++ links statically (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
    },
  };
}

/** The cap the installed tree's marker records, for the lock entry (install-source.ts recordOf). */
export async function capRecordOf(root: string): Promise<{ cap?: LockedCap }> {
  const text = await readFile(join(root, CAP_MARKER), 'utf8').catch(() => null);
  let cap: LockedCap | string = 'no marker';
  try {
    if (text !== null) cap = checkCap(JSON.parse(text));
  } catch {
    // The marker was checked with the tree; a file that is not JSON records nothing.
  }
  return typeof cap === 'string' ? {} : { cap };
}

export async function capSysroot(root: string, plan: PlanBase, floor: string): Promise<LockedCap> {
  const lib = join(root, 'usr', plan.triplet, 'lib');
  const names = (await readdir(lib).catch(() => [] as string[])).sort();
  if (!names.includes('libc.so.6'))
    throw new InstallError(`${plan.lockKey}: no libc.so.6 in usr/${plan.triplet}/lib to cap`);
  const links = new Map<string, string>();
  for (const name of names) {
    const st = await lstat(join(lib, name));
    if (st.isSymbolicLink() && /\.so\.\d+$/.test(name))
      links.set(basename(await readlink(join(lib, name))), name);
  }
  const libraries: NonNullable<LockedCap['libraries']> = [];
  const hidden = new Set<string>();
  const restored = new Set<string>();
  for (const name of names) {
    const path = join(lib, name);
    const st = await lstat(path);
    if (!st.isFile() || !/\.so(\.|$)/.test(name)) continue;
    const bytes = new Uint8Array(await readFile(path));
    if (!isSharedObject(bytes)) continue;
    const r = capGlibc(bytes, floor);
    if ('error' in r || r.edits.length === 0) continue;
    await writeFile(path, applyEdits(bytes, r.edits));
    libraries.push({
      name: links.get(name) ?? name,
      hidden: r.hidden.length,
      restored: r.restored.length,
    });
    for (const h of r.hidden) hidden.add(h.split('@')[0] ?? h);
    for (const s of r.restored) restored.add(s.split('@')[0] ?? s);
  }
  const shims = shimsFor(new Set([...hidden].filter((s) => !restored.has(s))));
  if (shims.length > 0) await addShims(lib, plan, shims);
  await staticLibstdcxx(root, plan.triplet);
  const cap: LockedCap = {
    glibc: floor,
    libraries: libraries.sort((a, b) => a.name.localeCompare(b.name)),
    shims: shims.flatMap((s) => s.symbols),
  };
  const marker: CapMarker = {
    glibc: floor,
    release: `${plan.release.family}/${plan.release.codename}`,
    releaseGlibc: plan.release.glibc,
  };
  await writeFile(join(root, CAP_MARKER), `${JSON.stringify({ ...marker, ...cap }, null, 2)}\n`);
  return cap;
}

function isSharedObject(b: Uint8Array): boolean {
  if (b.length < 64 || b[0] !== 0x7f || b[1] !== 0x45 || b[2] !== 0x4c || b[3] !== 0x46)
    return false;
  const type = b[5] === 1 ? (b[16] ?? 0) | ((b[17] ?? 0) << 8) : ((b[16] ?? 0) << 8) | (b[17] ?? 0);
  return type === 3;
}

async function addShims(
  lib: string,
  plan: PlanBase,
  shims: ReturnType<typeof shimsFor>,
): Promise<void> {
  const objects = SHIM_OBJECTS[plan.targetDebianArch] ?? {};
  const members = shims.map((s) => {
    const b64 = objects[s.file];
    if (b64 === undefined)
      throw new InstallError(`${plan.lockKey}: no ${s.file} shim for ${plan.targetDebianArch}`);
    return {
      name: `${s.file.slice(0, 13)}.o`,
      data: Buffer.from(b64, 'base64'),
      symbols: s.symbols,
    };
  });
  const archive = arArchive(members);
  if ('error' in archive) throw new InstallError(`${plan.lockKey}: ${archive.error}`);
  await writeFile(join(lib, SHIM_ARCHIVE), archive);
  const script = join(lib, 'libc.so');
  const edited = withShimArchive(await readFile(script, 'utf8'));
  if (edited === null)
    throw new InstallError(
      `${plan.lockKey}: usr/${plan.triplet}/lib/libc.so has no GROUP naming libc.so.6 to add the shims to`,
    );
  await writeFile(script, edited);
}

/**
 * The release's libstdc++.so needs more than the floor (GLIBCXX and GLIBC alike): without its
 * link-time name, `-lstdc++` (cgo's LDFLAGS, or g++ itself) finds libstdc++.a beside it.
 */
async function staticLibstdcxx(root: string, triplet: string): Promise<void> {
  const dir = join(root, 'usr', 'lib', 'gcc-cross', triplet);
  for (const major of await readdir(dir).catch(() => [] as string[]))
    await rm(join(dir, major, 'libstdc++.so'), { force: true });
}
