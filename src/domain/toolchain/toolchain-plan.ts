/**
 * (host, target, floor, compiler) → what to install and how to drive it. Pure: the apt and
 * download adapters resolve the package names this gives into exact versions and hashes.
 *
 * Three ways to compile, measured on a Debian 12 host (docs/toolchains.md, "What is installed"):
 * - cross-gcc: the floor release's own cross gcc (gcc-N-<triplet>) + binutils, extracted;
 * - host-gcc: the target is the host's own architecture, for which Debian has no cross gcc
 *   package; the host gcc is pointed at the floor's sysroot (--sysroot, -isystem, -B, -L);
 * - clang: the host clang + lld with --target and --sysroot on the same sysroot.
 */
import { abiOf, formatTarget, type Target } from '../platform.js';
import { NPM_RELEASE } from './releases.js';
import { chooseRelease } from './capping.js';
import type { Compiler } from './compiler.js';
import { npmToolchainFor, type NpmToolchain } from './npm-toolchains.js';
import type { HostInfo, Mode, PlanBase, ToolchainPlan } from './kinds.js';
import { packagesKeyPart, toolchainKeyOf } from './layers.js';
import { chooseMuslRelease, muslKeyPart, type MuslLink } from './musl.js';

/** A musl toolchain asked for: its floor (null: the oldest that has the target) and link. */
export interface MuslRequest {
  version: string | null;
  link: MuslLink;
}

export type { HostInfo, Mode, ToolchainPlan } from './kinds.js';

export function planToolchain(
  host: HostInfo,
  target: Target,
  floor: string,
  compiler: Compiler,
  packages: readonly string[] = [],
  /** The `release` input: a codename, or crosstool-ng for the npm toolchains; null: the default. */
  named: string | null = null,
  musl: MuslRequest | null = null,
): ToolchainPlan | { error: string } {
  if (musl !== null) return planMusl(host, target, compiler, packages, named, musl);
  // Only a cross gcc is a program of the release; clang and the host gcc are the runner's own.
  const crossGcc = compiler === 'gcc' && target.goarch !== host.goarch;
  const choice = chooseRelease(
    host.family,
    target.goarch,
    floor,
    named,
    crossGcc ? host.glibc : null,
  );
  if ('error' in choice) return choice;
  let release = choice.release;
  let npm: NpmToolchain | null = null;
  if (choice.npm) {
    const below = npmToolchainFor(target, floor, compiler, host.goarch);
    if ('error' in below) return below;
    if (packages.length > 0) return { error: packagesInNpmToolchain(floor) };
    [release, npm] = [NPM_RELEASE, below];
  }
  const abi = abiOf(target);
  // The npm toolchains bring their own gcc, for the host's own architecture too.
  const mode: Mode =
    compiler === 'clang'
      ? 'clang'
      : target.goarch === host.goarch && npm === null
        ? 'host-gcc'
        : 'cross-gcc';
  // The amd64 level changes Go's code, not the C toolchain: one toolchain serves v1..v4.
  const toolTarget = target.goarch === 'amd64' ? { ...target, variant: null } : target;
  const base: PlanBase = {
    // The packages are part of what was asked for: another list is another entry.
    // Named, or taken for the runner's glibc: `release: bookworm` at 2.41 is the same toolchain.
    lockKey: `${formatTarget(toolTarget)} glibc-${floor} ${compiler} host-${host.debianArch}${named === null && choice.runnerLimited === null ? '' : ` release-${release.codename}`}${packagesKeyPart(packages)}`,
    release,
    floor,
    ...targetFields(host, target, compiler, mode),
    toolName: `cgo-abi-guard-${abi.triplet}-${compiler}`,
    packages: [...packages].sort(),
    runnerLimited: choice.runnerLimited,
  };
  if (npm !== null) return { kind: 'crosstool-ng', ...base, npm };
  if (choice.cap !== null) return { kind: 'capped', ...base, cap: choice.cap };
  return { kind: 'release', ...base };
}

/** What every kind's plan says of the target, the host and the compiler. */
function targetFields(
  host: HostInfo,
  target: Target,
  compiler: Compiler,
  mode: Mode,
): Pick<PlanBase, 'target' | 'triplet' | 'targetDebianArch' | 'host' | 'compiler' | 'mode'> {
  const abi = abiOf(target);
  return { target, triplet: abi.triplet, targetDebianArch: abi.debianArch, host, compiler, mode };
}

function planMusl(
  host: HostInfo,
  target: Target,
  compiler: Compiler,
  packages: readonly string[],
  named: string | null,
  musl: MuslRequest,
): ToolchainPlan | { error: string } {
  const name = formatTarget(target);
  if (packages.length > 0) return { error: MUSL_PACKAGES };
  if (named !== null)
    return {
      error: `release ${named} does not go with libc musl: the musl floor picks the release (input musl, --musl)`,
    };
  const abi = abiOf(target);
  const crossGcc = compiler === 'gcc' && target.goarch !== host.goarch;
  const choice = chooseMuslRelease(
    host.family,
    abi.debianArch,
    name,
    musl.version,
    crossGcc ? host.glibc : null,
  );
  if ('error' in choice) return choice;
  const mode: Mode =
    compiler === 'clang' ? 'clang' : target.goarch === host.goarch ? 'host-gcc' : 'cross-gcc';
  const toolTarget = target.goarch === 'amd64' ? { ...target, variant: null } : target;
  const release = choice.compiler;
  const own = release === choice.musl.release;
  return {
    kind: 'musl',
    // The link is the env's, not the toolchain's: static and dynamic share one install.
    lockKey: `${formatTarget(toolTarget)} ${muslKeyPart(choice.musl.musl)} ${compiler} host-${host.debianArch}${own ? '' : ` release-${release.codename}`}`,
    release,
    floor: choice.musl.musl,
    ...targetFields(host, target, compiler, mode),
    toolName: `cgo-abi-guard-${abi.muslTriplet}-${compiler}`,
    packages: [],
    // The musl release is taken whatever the runner; only the compiler's is (the kind says so).
    runnerLimited: null,
    muslRelease: choice.musl.release,
    link: musl.link,
    muslTriplet: abi.muslTriplet,
    muslMultiarch: abi.muslMultiarch,
  };
}

/** Target packages are Debian's, built against glibc: with musl they are refused. */
export const MUSL_PACKAGES =
  "packages do not go with libc musl: Debian's libraries are built against glibc's headers (their objects call __memcpy_chk and other glibc-only names, which musl does not define); vendor the library's C sources in the Go module, or build the library with the exported CC in run";

/**
 * The plan of the toolchain a package set goes over (layers.ts): the same, without the packages,
 * under the key a plan without packages has.
 */
export function toolchainOf<P extends ToolchainPlan>(plan: P): P {
  return { ...plan, packages: [], lockKey: toolchainKeyOf(plan.lockKey) };
}

/**
 * The npm toolchain's sysroot is crosstool-ng's glibc 2.17, with no package archive behind it: the
 * target's packages come from a Debian or Ubuntu release, capped at the floor like its glibc.
 */
function packagesInNpmToolchain(floor: string): string {
  return `packages cannot go into the npm crosstool-ng toolchain (its glibc 2.17 sysroot has no package archive): leave release unset, and glibc ${floor} is met by the oldest release capped at the floor, whose packages are installed`;
}

/** Debian spells triplets with '-' in package names: x86_64 → x86-64. */
export function packageTriplet(triplet: string): string {
  return triplet.replace(/_/g, '-');
}

/**
 * The release's `gcc` meta package: its Depends name the default gcc (`gcc-10`), whose version
 * the cross packages of that release carry too (one gcc-defaults source). It exists for every
 * target, unlike `gcc-<triplet>`, which Debian lacks for the host's own architecture.
 */
export const GCC_META_PACKAGE = 'gcc';

/** The gcc major version from the meta package's Depends (`gcc-10` → 10). */
export function gccMajorFromDepends(depends: readonly string[]): string | null {
  for (const name of depends) {
    const m = /^gcc-(\d+)$/.exec(name);
    if (m?.[1] !== undefined) return m[1];
  }
  return null;
}

/** The target's sysroot: architecture-`all` cross packages, the same files on any host. */
export function sysrootPackages(plan: PlanBase, gccMajor: string): string[] {
  const a = plan.targetDebianArch;
  return [
    `libc6-${a}-cross`,
    `libc6-dev-${a}-cross`,
    `linux-libc-dev-${a}-cross`,
    `libgcc-${gccMajor}-dev-${a}-cross`,
    `libgcc-s1-${a}-cross`,
    `libstdc++-${gccMajor}-dev-${a}-cross`,
    `libstdc++6-${a}-cross`,
  ];
}

/** The cross compiler and binutils (host-architecture packages); empty unless cross-gcc. */
export function compilerPackages(plan: PlanBase, gccMajor: string): string[] {
  if (plan.mode !== 'cross-gcc') return [];
  const t = packageTriplet(plan.triplet);
  return [`cpp-${gccMajor}-${t}`, `gcc-${gccMajor}-${t}`, `g++-${gccMajor}-${t}`, `binutils-${t}`];
}

/**
 * Of the compiler packages' Depends, the libraries gcc's own programs load that a runner may lack
 * or have in another version (GMP, MPFR, MPC, ISL): they are installed beside the compiler and
 * put on LD_LIBRARY_PATH by the wrapper. libc, libstdc++ and zlib are the host's.
 */
export function compilerHostLibraries(depends: readonly string[]): string[] {
  return [...new Set(depends.filter((d) => /^lib(gmp|mpfr|mpc|isl)\d+$/.test(d)))].sort();
}
