/**
 * Floors below every Debian/Ubuntu release: napi-rs's crosstool-ng toolchains on the npm registry
 * (gcc 4.8.5, binutils, a glibc 2.17 sysroot with its own loader), one `.tar.xz` per package.
 * Pinned in data/releases.ts by name, version and npm's `integrity`; the lock records the same three.
 */
import { NPM_TOOLCHAINS } from '../data/releases.js';
import { cxxFloorFor } from '../rules/cxx-floors.js';
import type { LockedToolchain } from './lockfile.js';
import type { GoArch, Target } from '../platform.js';
import { NPM_RELEASE, type Release } from './releases.js';
import type { Compiler } from './compiler.js';
import type { NpmPackagePin } from './npm-lock.js';
import { compareDotted } from '../version.js';

export interface NpmToolchain {
  pin: NpmPackagePin;
  /** crosstool-ng's triplet: the `.tar.xz` inside the package, the tool prefix and sysroot dir. */
  triplet: string;
  glibc: string;
  /** The architecture the package's own programs (gcc, as, ld) run on, as Go names it. */
  hostGoarch: GoArch;
}

export const NPM_GLIBC = NPM_RELEASE.glibc;

/** data/releases.ts's npm toolchains, each with its glibc. */
const TOOLCHAINS: Partial<Record<GoArch, NpmToolchain>> = Object.fromEntries(
  Object.entries(NPM_TOOLCHAINS.toolchains).map(([goarch, row]) => [
    goarch,
    { pin: { ...row.pin }, triplet: row.triplet, glibc: NPM_GLIBC, hostGoarch: row.hostGoarch },
  ]),
);

/** The npm toolchain for a target architecture, if there is one (its glibc 2.17 runtime too). */
export function npmToolchainOf(goarch: GoArch): NpmToolchain | undefined {
  return TOOLCHAINS[goarch];
}

/** Where the toolchain's sysroot lies inside the extracted tree. */
export function npmSysroot(toolchain: NpmToolchain): string {
  return `${toolchain.triplet}/sysroot`;
}

/** What the npm toolchains offer, for error messages. */
export function npmOffer(): string {
  const targets = Object.keys(TOOLCHAINS)
    .map((goarch) => `linux/${goarch}`)
    .join(' and ');
  return `glibc ${NPM_GLIBC} (napi-rs crosstool-ng toolchains, meeting any floor from ${NPM_GLIBC}) for ${targets}, with gcc on x64 hosts or clang on any host`;
}

/** The npm toolchain for a floor below the host family's oldest release, or why there is none. */
export function npmToolchainFor(
  target: Target,
  floor: string,
  compiler: Compiler,
  hostGoarch: GoArch,
): NpmToolchain | { error: string } {
  if (compareDotted(floor, NPM_GLIBC) < 0)
    return { error: `no toolchain has a glibc at or below ${floor}; the oldest is ${npmOffer()}` };
  const toolchain = TOOLCHAINS[target.goarch];
  if (toolchain === undefined)
    return {
      error: `floor ${floor} for linux/${target.goarch}: below the host's distribution releases there is only ${npmOffer()}`,
    };
  if (compiler === 'gcc' && toolchain.hostGoarch !== hostGoarch)
    return {
      error: `floor ${floor} with gcc needs an x64 host (the napi-rs gcc runs on x86-64 only; this host is ${hostGoarch}): use compiler clang, which uses the same glibc ${NPM_GLIBC} sysroot with the host's clang and lld`,
    };
  return toolchain;
}

/** The lock entry of an npm toolchain: the pin itself (nothing to resolve), `source: npm`. */
export function npmLockEntry(
  key: string,
  release: Release,
  toolchain: NpmToolchain,
): LockedToolchain {
  return {
    key,
    release: `${release.family}/${release.codename}`,
    packages: [],
    npm: { ...toolchain.pin },
  };
}

/** Said by `env` and the action whenever an npm toolchain is used: what its C++ can do. */
export function npmNotice(floor: string, target: string, toolchain: NpmToolchain): string {
  const cxx = cxxFloorFor(toolchain.glibc);
  return `floor ${floor} for ${target} is met by the glibc ${toolchain.glibc} toolchain ${toolchain.pin.name}@${toolchain.pin.version} (crosstool-ng gcc ${NPM_TOOLCHAINS.gcc}): its libstdc++ is C++11 (GLIBCXX ${cxx.GLIBCXX}, CXXABI ${cxx.CXXABI}), for gcc and clang alike: C++14 and newer library features are missing`;
}
