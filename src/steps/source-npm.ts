/**
 * A toolchain from an npm package (floors below every Debian release): the pin in the code is the
 * lock entry, the package comes through the npm client checked against the locked integrity, and
 * its toolchain archive is extracted safely.
 */
import { join } from 'node:path';
import { extractNpmToolchain, fetchNpmPackage } from '../adapters/npm-package.js';
import type { HostClang } from '../domain/toolchain/clang.js';
import { versionBase } from '../domain/toolchain/install-id.js';
import { npmLockEntry, type NpmToolchain } from '../domain/toolchain/npm-toolchains.js';
import { npmWrapperScripts } from '../domain/toolchain/npm-wrappers.js';
import type { ToolchainPlan } from '../domain/toolchain/toolchain-plan.js';
import { InstallError } from './install-options.js';
import type { InstallSource } from './install-source.js';
import { toolchainRefusal, type SourceDeps } from './source-debian.js';

export function npmSource(
  plan: ToolchainPlan,
  npm: NpmToolchain,
  clang: HostClang | null,
  d: SourceDeps,
): InstallSource<string> {
  return {
    lockKey: plan.lockKey,
    toolName: plan.toolName,
    versionBase: versionBase(plan.release.glibc, plan.release.codename),
    refusal: (entry) => toolchainRefusal(plan, entry),
    resolve: () => Promise.resolve(npmLockEntry(plan.lockKey, plan.release, npm)),
    fetch: async (entry) => {
      if (entry.npm === undefined)
        throw new InstallError(`the lock entry for ${plan.lockKey} names no npm package`);
      return fetchNpmPackage(entry.npm, join(d.stateRoot, 'npm'), process.cwd());
    },
    extract: (tgz, root) => extractNpmToolchain(tgz, `${npm.triplet}.tar.xz`, root),
    postProcess: [],
    describe: (entry) => `${entry.npm?.name ?? ''}@${entry.npm?.version ?? ''}`,
    wrappers: () => npmWrapperScripts(plan, npm, clang),
  };
}
