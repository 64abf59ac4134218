/** Runner facts → what the toolchain planner needs to know of the host. */
import { ARCHITECTURES } from '../data/architectures.js';
import { isGoArch } from '../platform.js';
import { familyOf } from '../toolchain/releases.js';
import type { HostFacts } from './runner.js';
import type { HostInfo } from '../toolchain/toolchain-plan.js';

/** Debian architecture → its multiarch directory name. */
const MULTIARCH: ReadonlyMap<string, string> = new Map(
  ARCHITECTURES.map((a) => [a.debian, a.glibc.multiarch]),
);

export function hostInfoOf(facts: HostFacts): HostInfo | { error: string } {
  const family = familyOf(facts.distro.id, facts.distro.idLike);
  if (family === null) {
    return {
      error: `the toolchain install needs a Debian or Ubuntu host (its apt and package mirror); this is "${facts.distro.prettyName ?? facts.distro.id}"`,
    };
  }
  const { goarch, debianArch, machine } = facts.hostArch;
  const multiarch = debianArch === null ? undefined : MULTIARCH.get(debianArch);
  if (goarch === null || debianArch === null || multiarch === undefined || !isGoArch(goarch)) {
    return {
      error: `host architecture "${machine}" is not one the toolchain install supports (amd64, arm64, …)`,
    };
  }
  const glibc = facts.libc.family === 'glibc' ? facts.libc.version : null;
  return { family, debianArch, goarch, multiarch, glibc };
}
