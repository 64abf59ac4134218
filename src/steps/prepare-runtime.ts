/**
 * A real glibc 2.17 for the smoke run at a capped floor of 2.17: the loader and libraries of the
 * npm (crosstool-ng) toolchain's sysroot, installed by the same lifecycle (key
 * `glibc-2.17 runtime linux/<goarch>`, pinned by npm integrity), without wrappers.
 */
import { join } from 'node:path';
import { extractNpmToolchain, fetchNpmPackage } from '../adapters/npm-package.js';
import { formatTarget, type Target } from '../domain/platform.js';
import { versionBase } from '../domain/toolchain/install-id.js';
import {
  npmLockEntry,
  npmSysroot,
  npmToolchainOf,
  NPM_GLIBC,
  type NpmToolchain,
} from '../domain/toolchain/npm-toolchains.js';
import { NPM_RELEASE, releaseName } from '../domain/toolchain/releases.js';
import { install } from './install.js';
import { InstallError, type InstallSetting } from './install-options.js';
import type { InstallSource } from './install-source.js';
import { hostOf, sourceDeps } from './prepare-toolchain.js';

/** The glibc root (loader and libc in `lib`) of a real glibc 2.17 for the target, or null. */
export async function prepareGlibc217(r: InstallSetting, target: Target): Promise<string | null> {
  const npm = npmToolchainOf(target.goarch);
  if (npm === undefined) return null;
  const host = hostOf(r.runner);
  const source = runtimeSource(target, npm, sourceDeps(r, NPM_RELEASE.codename, host).stateRoot);
  const installed = await install(source, r);
  return join(installed.dir, 'root', npmSysroot(npm));
}

function runtimeSource(
  target: Target,
  npm: NpmToolchain,
  stateRoot: string,
): InstallSource<string> {
  const key = `glibc-${NPM_GLIBC} runtime ${formatTarget({ ...target, variant: null })}`;
  return {
    lockKey: key,
    toolName: `cgo-abi-guard-glibc-${NPM_GLIBC}-${npm.triplet}`,
    versionBase: versionBase(NPM_GLIBC, NPM_RELEASE.codename),
    refusal: (entry) =>
      entry.npm?.name === npm.pin.name
        ? null
        : `is not ${npm.pin.name}, the glibc ${NPM_GLIBC} runtime`,
    resolve: () => Promise.resolve(npmLockEntry(key, NPM_RELEASE, npm)),
    fetch: async (entry) => {
      if (entry.npm === undefined)
        throw new InstallError(`the lock entry for ${key} names no npm package`);
      return fetchNpmPackage(entry.npm, join(stateRoot, 'npm'), process.cwd());
    },
    extract: (tgz, root) => extractNpmToolchain(tgz, `${npm.triplet}.tar.xz`, root),
    postProcess: [],
    describe: (entry) =>
      `${releaseName(NPM_RELEASE)}: ${entry.npm?.name ?? ''}@${entry.npm?.version ?? ''}`,
    wrappers: () => null,
  };
}
