/**
 * The crosstool-ng kind: floors below every Debian release, met by napi-rs's crosstool-ng
 * toolchains from the npm registry (npm-toolchains.ts). The pin in the code is the lock entry,
 * the package comes through the npm client checked against the locked integrity, and its
 * toolchain archive is extracted safely. Its sysroot is inside the package's tree, glibc at its
 * top. The same package is the glibc 2.17 runtime of a capped smoke run (crosstool-runtime.ts).
 */
import { join } from 'node:path';
import { extractNpmToolchain, fetchNpmPackage } from '../../adapters/npm-package.js';
import { formatTarget } from '../../domain/platform.js';
import { versionBase } from '../../domain/toolchain/install-id.js';
import type { CrosstoolPlan } from '../../domain/toolchain/kinds.js';
import type { LockedToolchain } from '../../domain/toolchain/lockfile.js';
import {
  npmLockEntry,
  npmNotice,
  type NpmToolchain,
} from '../../domain/toolchain/npm-toolchains.js';
import { npmLayout, npmWrapperScripts } from '../../domain/toolchain/npm-wrappers.js';
import type { Release } from '../../domain/toolchain/releases.js';
import type { Wrappers } from '../../domain/toolchain/wrappers.js';
import { InstallError } from '../install-options.js';
import type { InstallSource } from '../install-source.js';
import {
  capRefusal,
  packageLibraryDirs,
  releaseRefusal,
  sourceRefusal,
  type ToolchainKind,
} from './kind.js';
import { abiOf } from '../../domain/platform.js';

export const crosstoolKind: ToolchainKind<CrosstoolPlan> = {
  id: 'crosstool-ng',
  notices: (plan) => {
    const name = formatTarget(plan.target);
    return [
      { message: npmNotice(plan.floor, name, plan.npm), title: `cgo-abi-guard: ${name} C++` },
    ];
  },
  source: (plan, clang, deps) =>
    npmPackageSource({
      lockKey: plan.lockKey,
      toolName: plan.toolName,
      release: plan.release,
      npm: plan.npm,
      stateRoot: deps.stateRoot,
      refusal: (entry) => crosstoolKind.refusal(plan, entry),
      describePrefix: '',
      wrappers: () => npmWrapperScripts(plan, plan.npm, clang),
    }),
  layout: (plan) => npmLayout(plan.npm),
  refusal: (plan, entry) =>
    releaseRefusal(plan, entry) ?? sourceRefusal(entry, true) ?? capRefusal(entry, null),
  // Its glibc is at the sysroot's top (`lib/ld-linux-*`), as in any sysroot that Debian's cross
  // packages did not lay out: the last kind asked (registry.ts).
  isSysroot: () => Promise.resolve(true),
  smokeRuntime: (sysroot, target) =>
    Promise.resolve({
      root: sysroot,
      libraryDirs: packageLibraryDirs(sysroot, abiOf(target).triplet),
    }),
};

export interface NpmPackageSource {
  lockKey: string;
  toolName: string;
  /** The release its entry names (napi-rs/crosstool-ng); the version is the release's glibc. */
  release: Release;
  npm: NpmToolchain;
  stateRoot: string;
  refusal(entry: LockedToolchain): string | null;
  /** Before `name@version` in the install's log line. */
  describePrefix: string;
  wrappers(): Wrappers | null;
}

/** An install of one crosstool-ng toolchain package: its `<triplet>.tar.xz` is the tree. */
export function npmPackageSource(o: NpmPackageSource): InstallSource<string> {
  return {
    lockKey: o.lockKey,
    toolName: o.toolName,
    versionBase: versionBase(o.release.glibc, o.release.codename),
    refusal: (entry) => o.refusal(entry),
    resolve: () => Promise.resolve(npmLockEntry(o.lockKey, o.release, o.npm)),
    fetch: async (entry) => {
      if (entry.npm === undefined)
        throw new InstallError(`the lock entry for ${o.lockKey} names no npm package`);
      return fetchNpmPackage(entry.npm, join(o.stateRoot, 'npm'), process.cwd());
    },
    // One npm package: every archive and object of the tree is its (sbom.ts).
    extract: async (tgz, root) => {
      await extractNpmToolchain(tgz, `${o.npm.triplet}.tar.xz`, root);
      return undefined;
    },
    postProcess: [],
    describe: (entry) => `${o.describePrefix}${entry.npm?.name ?? ''}@${entry.npm?.version ?? ''}`,
    wrappers: () => o.wrappers(),
  };
}
