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

/** Where an archive or object a link took came from. */
export type InputOrigin =
  /** A locked package's file (the install's manifest names it). */
  | { kind: 'package'; package: LockedPackage }
  /** In the install's tree but from no package: written there by cgo-abi-guard (the shims). */
  | { kind: 'install' }
  /** In the install's tree, which was made before its packages' files were recorded. */
  | { kind: 'unrecorded' }
  /** In the tree of an npm toolchain (crosstool-ng): every file of it is that one package's. */
  | { kind: 'npm' }
  /** An archive outside the install: the build machine's or the project's own, not locked. */
  | { kind: 'outside' };

export interface StaticInput {
  /** Relative to the install's tree (`usr/lib/…/libpcap.a`), or as the link named it outside. */
  path: string;
  /** The archive members included; none for an object. */
  members: readonly string[];
  origin: InputOrigin;
}

/**
 * What a link record's inputs were, by origin. Objects outside the install are the program's
 * own (cgo's, Go's go.o) or the host compiler's start files: left out. `owners`: the install
 * manifest's, undefined when it predates them.
 */
export function staticInputs(
  inputs: readonly { path: string; members: readonly string[] }[],
  root: string,
  owners: Readonly<Record<string, string>> | undefined | 'npm',
  packages: readonly LockedPackage[],
): StaticInput[] {
  const out: StaticInput[] = [];
  for (const i of inputs) {
    const inside = i.path.startsWith(`${root}/`);
    if (!inside) {
      if (i.members.length > 0) out.push({ ...i, origin: { kind: 'outside' } });
      continue;
    }
    const path = i.path.slice(root.length + 1);
    if (owners === 'npm') {
      out.push({ path, members: i.members, origin: { kind: 'npm' } });
      continue;
    }
    const name = owners?.[path];
    const pkg = name === undefined ? undefined : packages.find((p) => p.name === name);
    out.push({
      path,
      members: i.members,
      origin:
        owners === undefined
          ? { kind: 'unrecorded' }
          : pkg === undefined
            ? { kind: 'install' }
            : { kind: 'package', package: pkg },
    });
  }
  return out;
}
