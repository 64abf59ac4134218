/**
 * The `cc` / `c++` wrappers of an npm (crosstool-ng) toolchain. Its gcc is relocatable and finds
 * its own sysroot; the host clang is given that sysroot and the package as its gcc installation
 * (crtbegin.o, libgcc and the libstdc++ headers live beside the sysroot, not in it).
 */
import type { HostClang } from './clang.js';
import { pkgConfigScript, type ToolchainLayout } from './pkg-config-wrapper.js';
import { debugPrefixMap, prefixMap, shellWord, wrapperPrelude, type Wrappers } from './wrappers.js';
import type { PlanBase } from './kinds.js';
import { linkRecorder } from './link-record.js';
import { npmSysroot, type NpmToolchain } from './npm-toolchains.js';

/** The npm toolchain's layout: its sysroot inside the package's tree, no multiarch directories. */
export function npmLayout(npm: NpmToolchain): ToolchainLayout {
  return { sysroot: npmSysroot(npm), pkgConfigDirs: ['usr/lib/pkgconfig', 'usr/share/pkgconfig'] };
}

export function npmWrapperScripts(
  plan: PlanBase,
  npm: NpmToolchain,
  clang: HostClang | null,
): Wrappers {
  const pre = wrapperPrelude(plan);
  const t = npm.triplet;
  const pkgConfig = pkgConfigScript(npmLayout(npm), pre);
  if (plan.compiler === 'gcc') {
    // crosstool-ng's gcc 4.8 has -fdebug-prefix-map only.
    const run = (tool: string): string =>
      `${pre}${linkRecorder('gnu')}exec "$root/bin/${t}-${tool}" ${debugPrefixMap} "$@"\n`;
    return { cc: run('gcc'), cxx: run('g++'), pkgConfig };
  }
  if (clang === null) throw new Error('clang mode needs the host clang');
  // As for the Debian sysroots: the clang and lld found, quiet on cgo's -Werror probes.
  const flags = `--target=${t} --sysroot="$root/${npmSysroot(npm)}" --gcc-toolchain="$root" ${prefixMap} -fuse-ld=lld --ld-path=${shellWord(clang.lld)} -Qunused-arguments`;
  return {
    cc: `${pre}${linkRecorder('lld')}exec ${shellWord(clang.clang)} ${flags} "$@"\n`,
    cxx: `${pre}${linkRecorder('lld')}exec ${shellWord(clang.clangxx)} ${flags} "$@"\n`,
    pkgConfig,
  };
}
