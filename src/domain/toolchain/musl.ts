/**
 * The musl kind's pure parts: which release's musl meets a musl floor for a target (and which
 * release's compiler builds with it), the specs gcc is given (written here, their paths under the
 * tool cache), the wrappers, and the environment that makes Go link with them.
 *
 * Measured on Debian 12 (docs/musl.md): `musl-dev:<arch>` and `musl:<arch>` are Multi-Arch: same
 * and built for foreign architectures; from 1.2.2-2 on musl-dev's `<triplet>-gcc` runs the
 * release's cross gcc with `musl-gcc.specs`, whose absolute paths (`/usr/include/<musl dir>`,
 * `/usr/lib/<musl dir>/…`) point at the host. The specs written here read the same paths from
 * under a variable the wrapper sets to the installed tree (bullseye's 1.2.2-1 ships no specs for
 * a foreign architecture). musl-dev holds headers
 * and libraries only, so a newer release's musl goes with an older release's gcc (riscv64's musl is
 * trixie's; a runner older than trixie's glibc runs bookworm's gcc with it).
 */
import { RELEASE_ROWS, type Family } from '../data/releases.js';
import { muslExports } from '../rules/musl-exports.js';
import { compareDotted } from '../version.js';
import type { HostClang } from './clang.js';
import { compilerRuns } from './compiler-host.js';
import type { MuslLink, PlanBase } from './kinds.js';
import { RELEASES, releaseName, type Release } from './releases.js';
import { pkgConfigScript, type ToolchainLayout } from './pkg-config-wrapper.js';
import {
  crossLibraryPath,
  crossObjcopy,
  prefixMap,
  shellWord,
  wrapperPrelude,
  type Wrappers,
} from './wrappers.js';
import { linkRecorder } from './link-record.js';

export type { MuslLink };
export const MUSL_LINKS: readonly MuslLink[] = ['static', 'dynamic'];

/** The variable the wrappers set to the installed tree, read by the rewritten specs. */
export const MUSL_ROOT_VAR = 'CGO_ABI_GUARD_MUSL_ROOT';

/**
 * The default stack size of a thread the program starts (musl reads PT_GNU_STACK's size; its
 * own default is 128 KiB, where a cgo call with a large frame crashes): glibc's usual 8 MiB.
 */
export const MUSL_STACK_SIZE = 8388608;

/** A release that has musl for an architecture, with that musl's version. */
export interface MuslRelease {
  release: Release;
  musl: string;
}

/** The releases of `family` with musl for Debian architecture `arch`, oldest musl first. */
export function muslReleasesFor(family: Family, arch: string): MuslRelease[] {
  const out: MuslRelease[] = [];
  for (const row of RELEASE_ROWS) {
    if (row.family !== family || row.musl === null || muslExports(row.musl, arch) === null)
      continue;
    const release = RELEASES.find((r) => r.family === family && r.codename === row.codename);
    if (release !== undefined) out.push({ release, musl: row.musl });
  }
  return out.sort((a, b) => compareDotted(a.musl, b.musl));
}

/** Every musl floor some release of `family` has, oldest first, with where: `1.2.3 (bookworm)`. */
function floorsOf(family: Family): string {
  const seen = new Map<string, string>();
  for (const row of RELEASE_ROWS)
    if (row.family === family && row.musl !== null) seen.set(row.musl, row.codename);
  return [...seen].map(([v, c]) => `${v} (${c})`).join(', ');
}

export interface MuslChoice {
  /** The release the musl packages come from. */
  musl: MuslRelease;
  /** The release whose compiler (and libgcc) goes with it: the same, unless the runner is older. */
  compiler: Release;
}

/**
 * The release whose musl is the floor (`version`; null: the oldest that has the target), and the
 * release whose cross gcc builds with it: the same one when its gcc runs on the runner
 * (`runnerGlibc`; null: no cross gcc is run), else the newest one whose gcc does.
 */
export function chooseMuslRelease(
  family: Family,
  arch: string,
  target: string,
  version: string | null,
  runnerGlibc: string | null,
): MuslChoice | { error: string } {
  const all = muslReleasesFor(family, arch);
  if (all.length === 0) {
    const floors = floorsOf(family);
    return {
      error:
        floors === ''
          ? `musl toolchains come from Debian's musl packages (bullseye 1.2.2, bookworm 1.2.3, trixie 1.2.5), and this runner is ${family}: run the job on Debian (a job container: debian:12)`
          : `no ${family} release has musl for ${target} (musl floors: ${floors})`,
    };
  }
  const musl = version === null ? all[0] : all.find((r) => r.musl === version);
  if (musl === undefined)
    return {
      error: `musl ${version ?? ''} is not a floor for ${target}: one of ${all.map((r) => `${r.musl} (${r.release.codename})`).join(', ')}`,
    };
  if (runnerGlibc === null || compilerRuns(musl.release, runnerGlibc))
    return { musl, compiler: musl.release };
  const runs = RELEASES.filter((r) => r.family === family && compilerRuns(r, runnerGlibc)).sort(
    (a, b) => compareDotted(a.glibc, b.glibc),
  );
  const compiler = runs.at(-1);
  if (compiler === undefined)
    return {
      error: `no ${family} release's cross gcc runs on this runner (glibc ${runnerGlibc}): use compiler: clang (--compiler clang)`,
    };
  return { musl, compiler };
}

/**
 * The specs the wrapper gives gcc (those musl-dev ships from 1.2.2-2 on, which bullseye's lacks
 * for a foreign architecture), with every path into musl's directories read from under
 * MUSL_ROOT_VAR (gcc's `%:getenv`), so they find the tree wherever the tool cache is. gcc's own
 * `include`, libgcc and crtbegin are found as `%s` in its directories; the loader is where the
 * binary will run.
 */
export function muslSpecs(multiarch: string, loader: string): string {
  const at = (path: string): string => `%:getenv(${MUSL_ROOT_VAR} /${path})`;
  const inc = at(`usr/include/${multiarch}`);
  const lib = (file: string): string => at(`usr/lib/${multiarch}${file}`);
  return [
    '%rename cpp_options old_cpp_options',
    '',
    '*cpp_options:',
    `-nostdinc -isystem ${inc} -isystem include%s %(old_cpp_options)`,
    '',
    '*cc1:',
    `%(cc1_cpu) -nostdinc -isystem ${inc} -isystem include%s`,
    '',
    '*link_libgcc:',
    // libc.so is musl's (the `musl` package's /lib/<dir>), libc.a musl-dev's: a dynamic link
    // finds the first, a static one (archives only) the second.
    `-L${at(`lib/${multiarch}`)} -L${lib('')} -L .%s`,
    '',
    '*libgcc:',
    'libgcc.a%s %:if-exists(libgcc_eh.a%s)',
    '',
    '*startfile:',
    `%{!shared: ${lib('/Scrt1.o')}} ${lib('/crti.o')} crtbeginS.o%s`,
    '',
    '*endfile:',
    `crtendS.o%s ${lib('/crtn.o')}`,
    '',
    '*link:',
    `-dynamic-linker ${loader} -nostdlib %{shared:-shared} %{static:-static} %{rdynamic:-export-dynamic}`,
    '',
  ].join('\n');
}

/** Where the wrapper's specs are in the installed tree (beside musl's libraries). */
export const muslSpecsPath = (multiarch: string): string =>
  `usr/lib/${multiarch}/cgo-abi-guard-musl.specs`;

/** A musl sysroot: musl's own directories; no `.pc` files (target packages are refused). */
export const muslLayout = (multiarch: string): ToolchainLayout => ({
  sysroot: '',
  pkgConfigDirs: [`usr/lib/${multiarch}/pkgconfig`],
});

/** What `c++` says: there is no C++ runtime for musl in the archive. */
export const MUSL_NO_CXX =
  'cgo-abi-guard: no C++ for musl: Debian has no libstdc++ built against musl, so a cgo package with C++ files cannot be built with libc: musl (build it with libc: glibc, or build a C++ runtime for musl in run and set CXX)';

/** musl's names for a target: its triplet (clang's --target) and Debian's directory. */
export interface MuslNames {
  triplet: string;
  multiarch: string;
}

/** The wrappers: the compiler with musl's specs (gcc) or target (clang), and a c++ that refuses. */
export function muslWrapperScripts(
  plan: PlanBase,
  musl: MuslNames,
  gccMajor: string,
  clang: HostClang | null,
): Wrappers {
  const pre = wrapperPrelude(plan);
  const m = musl.multiarch;
  const t = plan.triplet;
  const specs = `-specs "$root/${muslSpecsPath(m)}"`;
  const root = `export ${MUSL_ROOT_VAR}="$root"\n`;
  const cxx = `${pre}echo ${shellWord(MUSL_NO_CXX)} >&2\nexit 1\n`;
  const pkgConfig = pkgConfigScript(muslLayout(m), pre);
  const ldPath = crossLibraryPath(plan);
  const rec = linkRecorder(plan.mode === 'clang' ? 'lld' : 'gnu', crossObjcopy(plan, ldPath));
  switch (plan.mode) {
    case 'cross-gcc': {
      const env = `export ${ldPath}\n`;
      const cc = `${pre}${rec}${root}${env}exec "$root/usr/bin/${t}-gcc-${gccMajor}" --sysroot="$root" ${prefixMap} ${specs} "$@"\n`;
      return { cc, cxx, pkgConfig };
    }
    case 'host-gcc':
      return {
        cc: `${pre}${rec}${root}exec gcc --sysroot="$root" ${prefixMap} ${specs} "$@"\n`,
        cxx,
        pkgConfig,
      };
    case 'clang': {
      if (clang === null) throw new Error('clang mode needs the host clang');
      // clang's own musl target writes musl's loader; the headers and start files are the
      // sysroot's musl directory, libgcc the release's (static: its libgcc_s is glibc's).
      const gcc = `$root/usr/lib/gcc-cross/${t}/${gccMajor}`;
      const flags = `--target=${musl.triplet} --sysroot="$root" ${prefixMap} -nostdlibinc -isystem "$root/usr/include/${m}" -B"$root/usr/lib/${m}" -L"$root/usr/lib/${m}" -B"${gcc}" -L"${gcc}" --rtlib=libgcc -static-libgcc -fuse-ld=lld --ld-path=${shellWord(clang.lld)} -Qunused-arguments`;
      return { cc: `${pre}${rec}exec ${shellWord(clang.clang)} ${flags} "$@"\n`, cxx, pkgConfig };
    }
  }
}

/**
 * What Go reads besides CC: external linking always (Go's internal linker writes the glibc
 * loader: golang/go#45034), `-static` for a static link, and musl's thread stacks raised to
 * MUSL_STACK_SIZE (CGO_LDFLAGS: a job's own replaces it). GOFLAGS's entry is quoted as Go 1.20+
 * splits it; a `-ldflags` on the command line replaces it, and verify says what that built.
 */
export function muslGoEnv(link: MuslLink): Record<string, string> {
  const ld = link === 'static' ? '-linkmode=external -extldflags=-static' : '-linkmode=external';
  return {
    GOFLAGS: `'-ldflags=${ld}'`,
    CGO_LDFLAGS: `-O2 -g -Wl,-z,stack-size=${MUSL_STACK_SIZE}`,
  };
}

/** How a lock key names a musl toolchain's floor: `musl-1.2.3`. */
export const muslKeyPart = (version: string): string => `musl-${version}`;

/**
 * What is said when the musl release's cross gcc cannot run on the runner and an older release's
 * builds with its musl; null when the musl release's own compiler is used.
 */
export function muslCompilerNotice(o: {
  target: string;
  musl: string;
  muslRelease: Release;
  compiler: Release;
  runnerGlibc: string | null;
}): string | null {
  if (o.compiler.codename === o.muslRelease.codename) return null;
  return `musl ${o.musl} for ${o.target} is ${releaseName(o.muslRelease)}'s, whose cross gcc needs glibc ${o.muslRelease.glibc} on the runner, which has ${o.runnerGlibc ?? 'an older one'}: ${releaseName(o.compiler)}'s cross gcc builds with it (musl's objects stripped of their debug info, which its binutils cannot read); compiler: clang takes the host clang instead`;
}
