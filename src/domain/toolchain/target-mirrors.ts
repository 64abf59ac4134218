/**
 * Where the target architecture's packages are. Debian's archive carries every architecture.
 * Ubuntu splits them: amd64 and i386 in the primary archive, arm64, armhf, ppc64el, s390x and
 * riscv64 in the ports archive; an x64 runner's apt lists only the first, an arm64 runner's only
 * the second (as tonistiigi/xx and taiki-e/setup-cross-toolchain-action know, too).
 */
import { RELEASE_ROWS } from '../data/releases.js';
import type { Family } from './releases.js';

const UBUNTU_PRIMARY = 'http://archive.ubuntu.com/ubuntu';
const UBUNTU_PORTS = 'http://ports.ubuntu.com/ubuntu-ports';
/** The architectures of Ubuntu's primary archive (data/releases.ts); the rest are in ports. */
const PRIMARY_ARCHES = new Set(
  RELEASE_ROWS.flatMap((r) =>
    Object.entries(r.architectures).flatMap(([arch, archive]) =>
      archive === 'ubuntu' ? [arch] : [],
    ),
  ),
);

/**
 * The archive of the target's packages when the host's own mirrors do not carry them (an Ubuntu
 * host of the other archive); null when the host's mirrors do.
 */
export function targetArchive(family: Family, hostArch: string, targetArch: string): string | null {
  if (family !== 'ubuntu') return null;
  const hostPrimary = PRIMARY_ARCHES.has(hostArch);
  const targetPrimary = PRIMARY_ARCHES.has(targetArch);
  if (hostPrimary === targetPrimary) return null;
  return targetPrimary ? UBUNTU_PRIMARY : UBUNTU_PORTS;
}
