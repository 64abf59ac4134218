/**
 * qemu-user for the smoke run of foreign architectures: Debian's (or Ubuntu's) static
 * `qemu-user-static` of the host's own release, resolved through the private apt, pinned in the
 * lockfile like a toolchain (key `qemu-user-static host-<arch>`), extracted into the tool cache.
 * No root, no `apt-get install`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { extractDeb, relocateSymlinks } from '../adapters/deb.js';
import type { Mirror } from '../domain/toolchain/mirrors.js';
import { withInstallLock } from '../adapters/install-lock.js';
import { findTool, toolDir } from '../adapters/tool-cache.js';
import {
  findToolchain,
  lockHash,
  lockIdentity,
  renderLockfile,
  withToolchain,
  type LockedToolchain,
} from '../domain/toolchain/lockfile.js';
import type { HostInfo } from '../domain/toolchain/toolchain-plan.js';
import { InstallError, readLock } from './install-options.js';
import { fetchDebs } from './fetch-debs.js';
import { commitInstall, startStaging, treeProblems } from './install-tree.js';
import { reachableApt } from './resolve-packages.js';

export const QEMU_PACKAGE = 'qemu-user-static';

export interface QemuInstallOptions {
  host: HostInfo;
  /** The host's release codename (bookworm, noble): qemu is taken from the host's own release. */
  codename: string;
  lockPath: string;
  frozen: boolean;
  mirrors: () => Promise<Mirror[]>;
  toolCacheRoot: string;
  stateRoot: string;
  cacheArch: string;
  log: (line: string) => void;
}

export interface InstalledQemu {
  dir: string;
  entry: LockedToolchain;
  cacheHit: boolean;
}

export const qemuKey = (host: HostInfo): string => `${QEMU_PACKAGE} host-${host.debianArch}`;

const QEMU_TOOL = `cgo-abi-guard-${QEMU_PACKAGE}`;
const qemuVersion = (o: QemuInstallOptions, entry: LockedToolchain): string =>
  `0.0.0-${o.codename}.h${lockHash(lockIdentity(entry))}`;

function qemuDir(o: QemuInstallOptions, entry: LockedToolchain): string {
  return toolDir(o.toolCacheRoot, QEMU_TOOL, qemuVersion(o, entry), o.cacheArch);
}

async function intact(
  o: QemuInstallOptions,
  dir: string,
  entry: LockedToolchain,
): Promise<boolean> {
  if (findTool(o.toolCacheRoot, QEMU_TOOL, qemuVersion(o, entry), o.cacheArch) === null)
    return false;
  return (await treeProblems(dir, entry)).length === 0;
}
export async function installQemu(o: QemuInstallOptions): Promise<InstalledQemu> {
  const key = qemuKey(o.host);
  const locked = findToolchain(await readLock(o.lockPath), key);
  if (locked?.tree !== undefined && (await intact(o, qemuDir(o, locked), locked)))
    return { dir: qemuDir(o, locked), entry: locked, cacheHit: true };
  return withInstallLock(
    join(o.stateRoot, 'install.lock'),
    (owner) => {
      o.log(`waiting for another install in this tool cache to finish (pid ${owner})`);
    },
    async () => {
      let entry = findToolchain(await readLock(o.lockPath), key);
      if (entry === undefined) {
        if (o.frozen)
          throw new InstallError(
            `${o.lockPath} has no entry for "${key}" (qemu for the smoke run) and the lockfile is frozen: run once without it and commit the lockfile`,
          );
        entry = await resolveQemu(o, key);
      }
      const dir = qemuDir(o, entry);
      if (await intact(o, dir, entry)) return { dir, entry, cacheHit: true };
      const digest = await extractQemu(o, entry, dir);
      if (entry.tree !== undefined && entry.tree !== digest)
        throw new InstallError(
          `the locked ${QEMU_PACKAGE} extracted to a different tree than ${o.lockPath} records`,
        );
      if (entry.tree === undefined && !o.frozen) {
        entry = { ...entry, tree: digest };
        await mkdir(dirname(o.lockPath), { recursive: true });
        await writeFile(
          o.lockPath,
          renderLockfile(withToolchain(await readLock(o.lockPath), entry)),
        );
        o.log(`wrote ${o.lockPath} with the exact ${QEMU_PACKAGE} package: commit it`);
      }
      return { dir, entry, cacheHit: false };
    },
  );
}

async function resolveQemu(o: QemuInstallOptions, key: string): Promise<LockedToolchain> {
  const { family, debianArch } = o.host;
  o.log(`resolving ${QEMU_PACKAGE} from ${family} ${o.codename} for the smoke run`);
  const apt = await reachableApt(await o.mirrors(), {
    release: { family, codename: o.codename },
    arch: debianArch,
    stateRoot: o.stateRoot,
    // Ubuntu keeps qemu-user-static in universe.
    components: family === 'ubuntu' ? ['main', 'universe'] : ['main'],
    log: o.log,
  });
  const packages = await apt.resolve([QEMU_PACKAGE]);
  return { key, release: `${family}/${o.codename}`, packages };
}
async function extractQemu(
  o: QemuInstallOptions,
  entry: LockedToolchain,
  dir: string,
): Promise<string> {
  const paths = await fetchDebs(entry.packages, o.mirrors, join(o.stateRoot, 'debs'), o.log);
  const staging = await startStaging(dir);
  const root = join(staging, 'root');
  for (const deb of paths) await extractDeb(deb, root);
  await relocateSymlinks(root);
  const digest = await commitInstall(staging, dir, { key: entry.key, lock: lockIdentity(entry) });
  o.log(`installed ${QEMU_PACKAGE} (${entry.release}) into ${dir}`);
  return digest;
}
