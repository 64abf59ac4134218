/**
 * qemu-user for the smoke run of foreign architectures: Debian's (or Ubuntu's) static
 * `qemu-user-static` of the host's own release, resolved through the private apt, pinned in the
 * lockfile like a toolchain (key `qemu-user-static host-<arch>`), extracted into the tool cache.
 * No root, no `apt-get install`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PrivateApt } from '../adapters/apt.js';
import { extractDeb, relocateSymlinks, verifyTree } from '../adapters/deb.js';
import { downloadVerified } from '../adapters/download.js';
import type { Mirror } from '../adapters/host-tools.js';
import { withInstallLock } from '../adapters/install-lock.js';
import { isComplete, toolDir } from '../adapters/tool-cache.js';
import {
  findToolchain,
  lockHash,
  lockIdentity,
  renderLockfile,
  withToolchain,
  type LockedToolchain,
} from '../domain/lockfile.js';
import type { HostInfo } from '../domain/toolchain-plan.js';
import { InstallError, readLock } from './install.js';
import {
  commitInstall,
  manifestPath,
  startStaging,
  treeDigest,
  type InstallManifest,
} from './install-tree.js';

export const QEMU_PACKAGE = 'qemu-user-static';

export interface QemuInstallOptions {
  host: HostInfo;
  /** The host's release codename (bookworm, noble): qemu is taken from the host's own release. */
  codename: string;
  lockPath: string;
  frozen: boolean;
  mirror: () => Promise<Mirror>;
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

function qemuDir(o: QemuInstallOptions, entry: LockedToolchain): string {
  const version = `0.0.0-${o.codename}.h${lockHash(lockIdentity(entry))}`;
  return toolDir(o.toolCacheRoot, `cgo-abi-guard-${QEMU_PACKAGE}`, version, o.cacheArch);
}

async function intact(dir: string, entry: LockedToolchain): Promise<boolean> {
  if (!isComplete(dir)) return false;
  const manifest = await readFile(manifestPath(dir), 'utf8')
    .then((t) => JSON.parse(t) as InstallManifest)
    .catch(() => null);
  if (manifest === null || manifest.lock !== lockIdentity(entry)) return false;
  if (entry.tree !== undefined && treeDigest(manifest.tree) !== entry.tree) return false;
  return (await verifyTree(dir, manifest.tree)).length === 0;
}

export async function installQemu(o: QemuInstallOptions): Promise<InstalledQemu> {
  const key = qemuKey(o.host);
  const locked = findToolchain(await readLock(o.lockPath), key);
  if (locked?.tree !== undefined && (await intact(qemuDir(o, locked), locked)))
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
        entry = await resolveQemu(o, key, await o.mirror());
      }
      const dir = qemuDir(o, entry);
      if (await intact(dir, entry)) return { dir, entry, cacheHit: true };
      const digest = await extractQemu(o, entry, dir);
      if (entry.tree !== undefined && entry.tree !== digest)
        throw new InstallError(
          `the locked ${QEMU_PACKAGE} extracted to a different tree than ${o.lockPath} records`,
        );
      if (entry.tree === undefined) {
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

async function resolveQemu(
  o: QemuInstallOptions,
  key: string,
  mirror: Mirror,
): Promise<LockedToolchain> {
  const { family, debianArch } = o.host;
  const apt = new PrivateApt({
    stateDir: join(o.stateRoot, 'apt', `${family}-${o.codename}-${debianArch}`),
    mirror: mirror.uri,
    ...(mirror.keyring === null ? {} : { keyring: mirror.keyring }),
    suite: o.codename,
    arch: debianArch,
    // Ubuntu keeps qemu-user-static in universe.
    components: family === 'ubuntu' ? ['main', 'universe'] : ['main'],
  });
  o.log(`resolving ${QEMU_PACKAGE} from ${family} ${o.codename} for the smoke run`);
  await apt.update();
  const packages = await apt.resolve([QEMU_PACKAGE]);
  return { key, release: `${family}/${o.codename}`, packages };
}

async function extractQemu(
  o: QemuInstallOptions,
  entry: LockedToolchain,
  dir: string,
): Promise<string> {
  const debs = join(o.stateRoot, 'debs');
  await mkdir(debs, { recursive: true });
  const paths: string[] = [];
  for (const p of entry.packages) {
    const dest = join(debs, p.filename.split('/').at(-1) ?? `${p.name}.deb`);
    const mirror = await o.mirror();
    await downloadVerified({
      url: `${mirror.uri.replace(/\/+$/, '')}/${p.filename}`,
      dest,
      sha256: p.sha256,
      size: p.size,
      name: p.name,
    });
    paths.push(dest);
  }
  const staging = await startStaging(dir);
  const root = join(staging, 'root');
  for (const deb of paths) await extractDeb(deb, root);
  await relocateSymlinks(root);
  const digest = await commitInstall(
    staging,
    dir,
    { key: entry.key, lock: lockIdentity(entry) },
    null,
  );
  o.log(`installed ${QEMU_PACKAGE} (${entry.release}) into ${dir}`);
  return digest;
}
