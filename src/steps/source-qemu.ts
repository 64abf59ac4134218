/**
 * qemu-user for the smoke run of foreign architectures: Debian's (or Ubuntu's) static
 * `qemu-user-static` of the host's own release, resolved through the private apt, pinned in the
 * lockfile like a toolchain (key `qemu-user-static host-<arch>`), installed by the same lifecycle.
 * No root, no `apt-get install`.
 */
import { join } from 'node:path';
import { extractDeb, relocateSymlinks } from '../adapters/deb.js';
import { versionBase } from '../domain/toolchain/install-id.js';
import type { HostInfo } from '../domain/toolchain/toolchain-plan.js';
import { debPath, fetchDebs } from './fetch-debs.js';
import type { InstallSource } from './install-source.js';
import { withReachableApt } from './resolve-packages.js';
import type { SourceDeps } from './source-debian.js';

export const QEMU_PACKAGE = 'qemu-user-static';

export const qemuKey = (host: HostInfo): string => `${QEMU_PACKAGE} host-${host.debianArch}`;

/** `codename`: the host's release (bookworm, noble), which qemu is taken from. */
export function qemuSource(
  host: HostInfo,
  codename: string,
  d: SourceDeps,
): InstallSource<string[]> {
  const log = (line: string): void => {
    d.report.info(line);
  };
  const release = `${host.family}/${codename}`;
  const debsDir = join(d.stateRoot, 'debs');
  return {
    lockKey: qemuKey(host),
    toolName: `cgo-abi-guard-${QEMU_PACKAGE}`,
    versionBase: versionBase('0', codename),
    refusal: (entry) =>
      entry.release === release
        ? null
        : `is from ${entry.release}, but ${QEMU_PACKAGE} is taken from the host's release ${release}`,
    resolve: async () => {
      log(`resolving ${QEMU_PACKAGE} from ${host.family} ${codename} for the smoke run`);
      const at = {
        release: { family: host.family, codename },
        arch: host.debianArch,
        stateRoot: d.stateRoot,
        // Ubuntu keeps qemu-user-static in universe.
        components: host.family === 'ubuntu' ? ['main', 'universe'] : ['main'],
        log,
      };
      const packages = await withReachableApt(await d.mirrors(), at, (apt) =>
        apt.resolve([QEMU_PACKAGE]),
      );
      return { key: qemuKey(host), release, packages };
    },
    fetch: async (entry) => {
      await fetchDebs(entry.packages, d.mirrors, debsDir, log);
      return entry.packages.map((p) => debPath(debsDir, p));
    },
    extract: async (debs, root) => {
      for (const deb of debs) await extractDeb(deb, root);
      await relocateSymlinks(root);
    },
    postProcess: [],
    describe: (entry) => entry.release,
    wrappers: () => null,
  };
}
