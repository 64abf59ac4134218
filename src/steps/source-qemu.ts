/**
 * qemu-user for the smoke run of foreign architectures: static emulators from Debian's (trixie's
 * `qemu-user`) or Ubuntu's (the host release's `qemu-user-static`) archive (`QEMU_SOURCES`),
 * resolved through the private apt, pinned in the lockfile like a toolchain, installed by the same
 * lifecycle. No root, no `apt-get install`.
 *
 * One install per target architecture, holding that target's qemu alone (`programs` in its lock
 * entry, key `qemu-user-static qemu-aarch64 host-amd64`): some 5 MB where the whole package is
 * 371 MB of twenty-odd emulators, and one Actions cache entry per architecture, which matrix legs
 * of that architecture share. All of them pin one package: the first entry's, taken by the next.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractDeb, relocateSymlinks } from '../adapters/deb.js';
import { versionBase } from '../domain/toolchain/install-id.js';
import type { LockedToolchain, Lockfile } from '../domain/toolchain/lockfile.js';
import type { HostInfo } from '../domain/toolchain/toolchain-plan.js';
import { QEMU_PACKAGES } from '../domain/toolchain/releases.js';
import { debPath, fetchDebs } from './fetch-debs.js';
import { InstallError } from './install-options.js';
import type { InstallSource } from './install-source.js';
import { withReachableApt } from './resolve-packages.js';
import type { SourceDeps } from './install-source.js';

export const QEMU_PACKAGE = 'qemu-user-static';

/** The lock key of the qemu for `qemuArch` (`aarch64`): `qemu-user-static qemu-aarch64 host-amd64`. */
export const qemuKey = (host: HostInfo, qemuArch: string): string =>
  `${QEMU_PACKAGE} qemu-${qemuArch} host-${host.debianArch}`;

/** The key of the one entry for the whole package, before an install kept one qemu. */
const wholePackageKey = (host: HostInfo): string => `${QEMU_PACKAGE} host-${host.debianArch}`;

/** The program names a target's qemu has in a package: `qemu-aarch64-static`, or `qemu-aarch64`. */
const programFiles = (program: string): Set<string> =>
  new Set([`usr/bin/${program}`, `usr/bin/${program}-static`]);

/**
 * `codename` and `pkg`: the release qemu is taken from and its package of static emulators
 * (`QEMU_SOURCES`: trixie's qemu-user for Debian hosts, the host release's qemu-user-static for
 * Ubuntu's). A lock entry pinning another release of the family is installed as it pins.
 */
export function qemuSource(
  host: HostInfo,
  codename: string,
  pkg: string,
  qemuArch: string,
  d: SourceDeps,
): InstallSource<string[]> {
  const log = (line: string): void => {
    d.report.info(line);
  };
  const release = `${host.family}/${codename}`;
  const program = `qemu-${qemuArch}`;
  const key = qemuKey(host, qemuArch);
  const debsDir = join(d.stateRoot, 'debs');
  const entryOf = (packages: LockedToolchain['packages']): LockedToolchain => ({
    key,
    release,
    packages,
    programs: [program],
  });
  return {
    lockKey: key,
    toolName: `cgo-abi-guard-${program}`,
    versionBase: versionBase('0', codename),
    refusal: (entry) => {
      if (!entry.release.startsWith(`${host.family}/`) || !isQemuPin(entry))
        return `is not a ${host.family} qemu package (${QEMU_PACKAGES.join(' or ')}), which the smoke run takes on this ${host.family} host`;
      if (entry.programs?.join(',') !== program)
        return `installs ${entry.programs?.join(', ') ?? `all of ${QEMU_PACKAGE}`}, but ${program} alone is wanted`;
      return null;
    },
    resolve: async () => {
      log(`resolving ${pkg} from ${host.family} ${codename} for the smoke run`);
      const at = {
        release: { family: host.family, codename },
        arch: host.debianArch,
        stateRoot: d.stateRoot,
        // Ubuntu keeps qemu-user-static in universe.
        components: host.family === 'ubuntu' ? ['main', 'universe'] : ['main'],
        log,
      };
      return entryOf(await withReachableApt(await d.mirrors(), at, (apt) => apt.resolve([pkg])));
    },
    derive: (lock) => {
      const whole = wholePackageKey(host);
      const from = pinnedQemu(lock, host);
      if (from === undefined) return null;
      const hasWhole = lock.toolchains.some((t) => t.key === whole);
      // The pin as it is, of the release it was resolved from.
      return {
        entry: { ...entryOf(from.packages), release: from.release },
        replaces: hasWhole ? whole : null,
      };
    },
    fetch: async (entry) => {
      await fetchDebs(entry.packages, d.mirrors, debsDir, log);
      return entry.packages.map((p) => debPath(debsDir, p));
    },
    extract: async (debs, root) => {
      const files = programFiles(program);
      for (const deb of debs) await extractDeb(deb, root, (path) => files.has(path));
      await relocateSymlinks(root);
      return undefined;
    },
    postProcess: [
      {
        run: (root, debs) => {
          if (![...programFiles(program)].some((f) => existsSync(join(root, f))))
            throw new InstallError(
              `${key}: ${debs.map((p) => p.split('/').at(-1) ?? p).join(', ')} has no usr/bin/${program}-static or usr/bin/${program}: this release's qemu cannot run ${qemuArch} programs`,
            );
          return Promise.resolve();
        },
      },
    ],
    describe: (entry) => `${entry.release}, ${program} of ${entry.packages[0]?.name ?? pkg}`,
    wrappers: () => null,
  };
}

/** One qemu package of the host's family, pinned alone. */
function isQemuPin(entry: LockedToolchain): boolean {
  const [only, ...more] = entry.packages;
  return only !== undefined && more.length === 0 && QEMU_PACKAGES.includes(only.name);
}

/** An entry of this host's family that pins a qemu package: another target's, or the whole. */
function pinnedQemu(lock: Lockfile, host: HostInfo): LockedToolchain | undefined {
  const whole = wholePackageKey(host);
  const ours = lock.toolchains.filter(
    (t) =>
      t.release.startsWith(`${host.family}/`) &&
      isQemuPin(t) &&
      (t.key === whole ||
        (t.key.startsWith(`${QEMU_PACKAGE} qemu-`) && t.key.endsWith(` host-${host.debianArch}`))),
  );
  // Another target's entry first: the whole package's entry is dropped once one is written.
  return ours.find((t) => t.key !== whole) ?? ours[0];
}
