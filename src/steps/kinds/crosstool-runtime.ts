/**
 * A real glibc 2.17 for the smoke run at a capped floor of 2.17: the loader and libraries of the
 * crosstool-ng toolchain's sysroot (the same npm package as crosstool-ng.ts), installed by the
 * same lifecycle (key `glibc-2.17 runtime linux/<goarch>`, pinned by npm integrity), without
 * wrappers. The front ends hand it to the smoke run, which asks for it only for such a sysroot.
 */
import { join } from 'node:path';
import { formatTarget, type Target } from '../../domain/platform.js';
import {
  npmSysroot,
  npmToolchainOf,
  NPM_GLIBC,
  type NpmToolchain,
} from '../../domain/toolchain/npm-toolchains.js';
import { NPM_RELEASE, releaseName } from '../../domain/toolchain/releases.js';
import { install } from '../install.js';
import type { InstallSource } from '../install-source.js';
import type { InstallSetting } from '../install-options.js';
import { npmPackageSource } from './crosstool-ng.js';

/** The glibc root (loader and libc in `lib`) of a real glibc 2.17 for the target, or null. */
export async function prepareGlibc217(r: InstallSetting, target: Target): Promise<string | null> {
  const npm = npmToolchainOf(target.goarch);
  if (npm === undefined) return null;
  const installed = await install(runtimeSource(target, npm, r.toolCache.stateRoot), r);
  return join(installed.dir, 'root', npmSysroot(npm));
}

function runtimeSource(
  target: Target,
  npm: NpmToolchain,
  stateRoot: string,
): InstallSource<string> {
  const lockKey = `glibc-${NPM_GLIBC} runtime ${formatTarget({ ...target, variant: null })}`;
  return npmPackageSource({
    lockKey,
    toolName: `cgo-abi-guard-glibc-${NPM_GLIBC}-${npm.triplet}`,
    release: NPM_RELEASE,
    npm,
    stateRoot,
    refusal: (entry) =>
      entry.npm?.name === npm.pin.name
        ? null
        : `is not ${npm.pin.name}, the glibc ${NPM_GLIBC} runtime`,
    describePrefix: `${releaseName(NPM_RELEASE)}: `,
    wrappers: () => null,
  });
}
