/**
 * Which locked package a library a binary uses comes from. The target packages' own libraries are
 * known by their shlibs and symbols files (runtime-needs.ts: the report's `runtime.libraries`);
 * the C library's and gcc's runtime by name, below (data: the sonames are allowlists.ts's and
 * architectures.ts's). A cross toolchain ships them as `<package>-<arch>-cross` (arch all): that
 * locked package is the origin, and the package a target system installs is its runtime name.
 */
import { ARCHITECTURES } from '../data/architectures.js';
import { GLIBC_NEEDED, GLIBC_OTHER, MUSL_NEEDED } from '../data/allowlists.js';
import type { LockedPackage } from '../toolchain/lockfile.js';

/** A family of libraries: the package a system loads them from, the one with the archives. */
interface Owner {
  runtime: string;
  /** The package whose static archive (`libc.a`) a static link takes. */
  dev: string;
  sonames: (soname: string) => boolean;
}

const base = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const GLIBC = new Set([
  ...GLIBC_NEEDED,
  ...GLIBC_OTHER,
  ...ARCHITECTURES.map((a) => base(a.glibc.loader)),
]);
const MUSL = new Set([
  ...MUSL_NEEDED,
  ...ARCHITECTURES.flatMap((a) => [base(a.musl.loader), `libc.musl-${a.musl.arch}.so.1`]),
]);

export const OWNERS: readonly Owner[] = [
  { runtime: 'libc6', dev: 'libc6-dev', sonames: (s) => GLIBC.has(s) },
  { runtime: 'musl', dev: 'musl-dev', sonames: (s) => MUSL.has(s) },
  { runtime: 'libgcc-s1', dev: 'libgcc-s1', sonames: (s) => s === 'libgcc_s.so.1' },
  { runtime: 'libstdc++6', dev: 'libstdc++6', sonames: (s) => s === 'libstdc++.so.6' },
];

/** The locked package named `name`, or its cross form `name-<arch>-cross`. */
export function lockedAs(name: string, packages: readonly LockedPackage[]): LockedPackage | null {
  const cross = new RegExp(`^${name.replace(/[+.]/g, '\\$&')}-[a-z0-9]+-cross$`);
  return packages.find((p) => p.name === name) ?? packages.find((p) => cross.test(p.name)) ?? null;
}

/** The package a target system installs for a locked one (`libc6-arm64-cross` → `libc6`). */
export function runtimeName(locked: string): string {
  return locked.replace(/-[a-z0-9]+-cross$/, '');
}

/**
 * Where `soname` comes from: the target package the report's runtime names, else the C library's
 * or gcc's package; null: none of the locked packages is known to ship it.
 */
export function loadedFrom(
  soname: string,
  runtime: readonly { soname: string; package: string }[],
  packages: readonly LockedPackage[],
): LockedPackage | null {
  const target = runtime.find((r) => r.soname === soname);
  if (target !== undefined) return packages.find((p) => p.name === target.package) ?? null;
  const owner = OWNERS.find((o) => o.sonames(soname));
  return owner === undefined ? null : lockedAs(owner.runtime, packages);
}

/** The package whose `libc.a` a statically linked C library came from. */
export function staticLibcFrom(
  libc: 'glibc' | 'musl',
  packages: readonly LockedPackage[],
): LockedPackage | null {
  return lockedAs(libc === 'glibc' ? 'libc6-dev' : 'musl-dev', packages);
}
